/** Presenter identity: `Name / alias`, `alias (Name)` and merging one person across notes. */
import type { Presenter } from "../note/model";
import { collapseWhitespace, foldKey } from "../text";
import { readPresenterValue } from "./people-links";

const SLASH_SPLIT = /\s*[/／]\s*/;
const PAREN_FORM = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$/;

/**
 * Read the text after `@` into a person: `Name / alias` and `alias (Name)` name one person. The same
 * few presenter lines recur in every note, so results are remembered; callers must not mutate them.
 */
export function parsePresenterName(raw: string): Presenter {
  let person = presenterCache.get(raw);
  if (!person) {
    person = readPresenterName(raw);
    if (presenterCache.size >= 1024) presenterCache.clear();
    presenterCache.set(raw, person);
  }
  return person;
}

const presenterCache = new Map<string, Presenter>();

function readPresenterName(raw: string): Presenter {
  const text = collapseWhitespace(raw);
  // `@[[People/Alice|Alice]]`: a link to a people note names the person it shows.
  if (text.startsWith("[[")) {
    const linked = readPresenterValue(text);
    if (linked.name !== text) return linked;
  }
  const paren = PAREN_FORM.exec(text);
  if (paren && paren[1] && paren[2]) {
    return { name: paren[2], aliases: [paren[1]] };
  }
  const parts = text.split(SLASH_SPLIT).filter((part) => part.length > 0);
  const [name, ...aliases] = parts;
  if (name === undefined) return { name: text, aliases: [] };
  return { name, aliases: dedupe(aliases, name) };
}

function dedupe(aliases: string[], name: string): string[] {
  const seen = new Set([foldKey(name)]);
  const out: string[] = [];
  for (const alias of aliases) {
    const key = foldKey(alias);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(alias);
    }
  }
  return out;
}

export interface RosterMember {
  name: string;
  aliases: readonly string[];
}

export interface Person {
  /** Roster name when the person is on the roster, else the most frequent full form. */
  name: string;
  /** Every other spelling seen, most frequent first. */
  aliases: string[];
}

/**
 * Union of spellings: two spellings are one person when some presenter line (or roster entry)
 * names them together. Feed every presenter seen, then ask `resolve(spelling)`.
 */
export class PeopleMerger {
  readonly #parent = new Map<string, string>();
  /** Per folded key: how often it was written as the main name, and its surface forms. */
  readonly #nameCount = new Map<string, number>();
  /** Times a key was the full name of a line that also gave an alias (`Name / alias`). */
  readonly #fullCount = new Map<string, number>();
  readonly #surface = new Map<string, Map<string, number>>();
  readonly #rosterName = new Map<string, string>();
  #people: Map<string, Person> | null = null;

  constructor(roster: readonly RosterMember[] = []) {
    for (const member of roster) {
      const spellings = [member.name, ...member.aliases];
      this.#link(spellings);
      this.#rosterName.set(foldKey(member.name), member.name);
      for (const spelling of spellings) this.#count(spelling, 0);
    }
  }

  add(presenter: Presenter): void {
    this.#people = null;
    this.#link([presenter.name, ...presenter.aliases]);
    this.#count(presenter.name, 1);
    if (presenter.aliases.length > 0) {
      const key = foldKey(presenter.name);
      this.#fullCount.set(key, (this.#fullCount.get(key) ?? 0) + 1);
    }
    for (const alias of presenter.aliases) this.#count(alias, 0);
  }

  /**
   * `spelling` is the person of the people note `note` (a link in a note's properties): one person,
   * without counting either as written, so links never change which spelling names the person.
   */
  addLink(spelling: string, note: string): void {
    this.#people = null;
    this.#link([spelling, note]);
    for (const form of [spelling, note]) this.#count(form, 0, false);
  }

  /** The merged person for a spelling (unknown spellings are their own person). */
  resolve(spelling: string): Person {
    const people = this.#build();
    const root = this.#find(foldKey(spelling));
    return people.get(root) ?? { name: collapseWhitespace(spelling), aliases: [] };
  }

  /** Every merged person, in the order their first spelling was seen. */
  all(): Person[] {
    return [...this.#build().values()];
  }

  #count(spelling: string, asName: number, seen = true): void {
    const key = foldKey(spelling);
    if (!key) return;
    this.#nameCount.set(key, (this.#nameCount.get(key) ?? 0) + asName);
    let forms = this.#surface.get(key);
    if (!forms) {
      forms = new Map();
      this.#surface.set(key, forms);
    }
    const form = collapseWhitespace(spelling);
    forms.set(form, (forms.get(form) ?? 0) + (seen ? 1 : 0));
  }

  #link(spellings: readonly string[]): void {
    this.#people = null;
    const keys = spellings.map(foldKey).filter((key) => key.length > 0);
    const [first, ...rest] = keys;
    if (first === undefined) return;
    const root = this.#find(first);
    for (const key of rest) {
      const other = this.#find(key);
      if (other !== root) this.#parent.set(other, root);
    }
  }

  #find(key: string): string {
    let node = key;
    let up = this.#parent.get(node);
    if (up === undefined) {
      this.#parent.set(key, key);
      return key;
    }
    while (up !== node) {
      node = up;
      up = this.#parent.get(node) ?? node;
    }
    // Path compression keeps later look-ups flat.
    let walk = key;
    while (walk !== node) {
      const next = this.#parent.get(walk) ?? node;
      this.#parent.set(walk, node);
      walk = next;
    }
    return node;
  }

  #build(): Map<string, Person> {
    if (this.#people) return this.#people;
    const groups = new Map<string, string[]>();
    for (const key of this.#surface.keys()) {
      const root = this.#find(key);
      const group = groups.get(root);
      if (group) group.push(key);
      else groups.set(root, [key]);
    }
    const people = new Map<string, Person>();
    for (const [root, keys] of groups) {
      people.set(root, this.#personOf(keys));
    }
    this.#people = people;
    return people;
  }

  #personOf(keys: string[]): Person {
    const forms: Array<{ form: string; full: number; asName: number; seen: number; roster: boolean }> = [];
    for (const key of keys) {
      const asName = this.#nameCount.get(key) ?? 0;
      const full = this.#fullCount.get(key) ?? 0;
      const roster = this.#rosterName.get(key);
      for (const [form, seen] of this.#surface.get(key) ?? []) {
        forms.push({ form, full, asName, seen, roster: roster !== undefined && roster === form });
      }
    }
    // The roster's name; else the most frequent full form (`Name` of `Name / alias`); else the most used.
    forms.sort(
      (a, b) =>
        Number(b.roster) - Number(a.roster) ||
        b.full - a.full ||
        b.asName - a.asName ||
        b.seen - a.seen ||
        a.form.localeCompare(b.form),
    );
    const [best, ...others] = forms;
    const name = best?.form ?? "";
    const seen = new Set([foldKey(name)]);
    const aliases: string[] = [];
    for (const { form } of others) {
      const key = foldKey(form);
      if (!seen.has(key)) {
        seen.add(key);
        aliases.push(form);
      }
    }
    return { name, aliases };
  }
}
