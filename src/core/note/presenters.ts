/** The presenters of one note: one entry per person, a spelling seen before (as name or alias) joining it. */
import { readPresenterAt } from "./grammar";
import type { Presenter } from "./model";
import { parsePresenterName } from "../index/people";
import { foldKey } from "../text";

const RECENT_LINES = 32;

/** The person a presenter line names, with their spellings (name, then aliases) and the spellings' folded keys. */
export interface PresenterLine {
  readonly person: Presenter;
  readonly spellings: readonly string[];
  readonly keys: readonly string[];
}

/**
 * The last presenter line read in each of a few slots (by length and last character): a vault's
 * notes repeat a handful of such lines, and comparing one in place costs less than cutting it out,
 * hashing it and folding its spellings again.
 */
const recentLines: Array<(PresenterLine & { line: string }) | undefined> = [];

/** The presenter line `src[start, end)` (trimmed, heading marks aside), or null when it is none. */
export function presenterAt(src: string, start: number, end: number): PresenterLine | null {
  const first = src.charCodeAt(start);
  if (first !== 0x40 /* @ */ && first !== 0xff20 /* ＠ */) return null;
  const slot = ((end - start) * 31 + src.charCodeAt(end - 1)) & (RECENT_LINES - 1);
  const recent = recentLines[slot];
  if (recent?.line.length === end - start && src.startsWith(recent.line, start)) return recent;
  const name = readPresenterAt(src, start, end);
  if (name === null) return null;
  const person = parsePresenterName(name);
  const spellings = [person.name, ...person.aliases];
  const read = { line: src.slice(start, end), person, spellings, keys: spellings.map(foldKey) };
  recentLines[slot] = read;
  return read;
}

/** Keys looked up by a scan up to this many; past them (a note of hundreds of `@` lines), by a map. */
const SCANNED_KEYS = 16;

export class NotePresenters {
  readonly list: Presenter[] = [];
  /**
   * Folded spellings seen in this note, and the entry of `list` each belongs to: the first few side
   * by side, the rest in a map. A note names a handful of people, and the keys of a recurring line
   * are the very strings seen before, so a scan that compares them costs less than hashing them.
   */
  readonly #keys: string[] = [];
  readonly #owners: Presenter[] = [];
  readonly #more = new Map<string, Presenter>();

  add({ person, spellings, keys }: PresenterLine): void {
    let known: Presenter | undefined;
    for (const key of keys) known ??= this.#ownerOf(key);
    if (!known) {
      known = { name: person.name, aliases: [] };
      this.list.push(known);
    }
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] ?? "";
      if (this.#ownerOf(key)) continue;
      if (this.#keys.length < SCANNED_KEYS) {
        this.#keys.push(key);
        this.#owners.push(known);
      } else {
        this.#more.set(key, known);
      }
      const spelling = spellings[k];
      if (spelling !== undefined && spelling !== known.name) known.aliases.push(spelling);
    }
  }

  #ownerOf(key: string): Presenter | undefined {
    const keys = this.#keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.#owners[i];
    return this.#more.size > 0 ? this.#more.get(key) : undefined;
  }
}
