/** The presenters of one note: one entry per person, a spelling seen before (as name or alias) joining it. */
import type { Presenter } from "./model";
import { foldKey } from "../text";

/** Up to this many spellings a note's spellings are searched in order; past it, by a map. */
const FEW_SPELLINGS = 16;

export class NotePresenters {
  readonly list: Presenter[] = [];
  /** Folded spellings seen in this note, and the entry of `list` each belongs to. */
  readonly #keys: string[] = [];
  readonly #owners: Presenter[] = [];
  /** The same, once there are many (a note has a handful: a scan beats hashing each key). */
  #byKey: Map<string, Presenter> | null = null;

  add(person: Presenter): void {
    const { spellings, keys } = spellingsOf(person);
    let known: Presenter | undefined;
    for (const key of keys) known ??= this.#owner(key);
    if (!known) {
      known = { name: person.name, aliases: [] };
      this.list.push(known);
    }
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] ?? "";
      if (this.#owner(key) !== undefined) continue;
      this.#remember(key, known);
      const spelling = spellings[k];
      if (spelling !== undefined && spelling !== known.name) known.aliases.push(spelling);
    }
  }

  #owner(key: string): Presenter | undefined {
    if (this.#byKey !== null) return this.#byKey.get(key);
    const at = this.#keys.indexOf(key);
    return at < 0 ? undefined : this.#owners[at];
  }

  #remember(key: string, owner: Presenter): void {
    if (this.#byKey !== null) {
      this.#byKey.set(key, owner);
      return;
    }
    this.#keys.push(key);
    this.#owners.push(owner);
    if (this.#keys.length > FEW_SPELLINGS) {
      // A note of many presenters (hostile or huge) stays linear.
      this.#byKey = new Map(this.#keys.map((k, at) => [k, this.#owners[at] ?? owner]));
    }
  }
}

// `parsePresenterName` hands out one object per spelling of a presenter line, so its folded keys
// are worked out once, not in every note.
const spellingCache = new WeakMap<Presenter, { spellings: string[]; keys: string[] }>();

function spellingsOf(person: Presenter): { spellings: string[]; keys: string[] } {
  let known = spellingCache.get(person);
  if (!known) {
    const spellings = [person.name, ...person.aliases];
    known = { spellings, keys: spellings.map(foldKey) };
    spellingCache.set(person, known);
  }
  return known;
}
