/** The presenters of one note: one entry per person, a spelling seen before (as name or alias) joining it. */
import type { Presenter } from "./model";
import { foldKey } from "../text";

export class NotePresenters {
  readonly list: Presenter[] = [];
  readonly #byKey = new Map<string, Presenter>();

  add(person: Presenter): void {
    const { spellings, keys } = spellingsOf(person);
    let known: Presenter | undefined;
    for (const key of keys) known ??= this.#byKey.get(key);
    if (!known) {
      known = { name: person.name, aliases: [] };
      this.list.push(known);
    }
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] ?? "";
      if (this.#byKey.has(key)) continue;
      this.#byKey.set(key, known);
      const spelling = spellings[k];
      if (spelling !== undefined && spelling !== known.name) known.aliases.push(spelling);
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
