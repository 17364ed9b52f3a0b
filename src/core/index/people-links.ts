/**
 * Presenters as links to people notes (setting `presenterLinks`): the link a `presenters` value is
 * written as, reading a value (plain name or link) back to the person, and the people notes to keep.
 */
import type { Presenter } from "../note/model";
import { safeFileName } from "../session/file-names";
import { collapseWhitespace, foldKey } from "../text";
import type { Person, RosterMember } from "./people";

/**
 * A whole-value wiki link: `[[target]]`, `[[target|display]]`, `[[target#heading|display]]`. No class
 * can run past a `[` or `]`, so it is linear on any value.
 */
const WIKI_LINK = /^\[\[([^[\]|#^]+)(?:[#^][^[\]|]*)?(?:\|([^[\]]*))?\]\]$/;

/**
 * A `presenters` value (or a topic's `presenter`) as the person it names. A plain name is itself; a
 * link names its display text (the spelling the note used, as sync writes it), or the note's name
 * when it has none, and the linked note's name is one more spelling of the same person.
 */
export function readPresenterValue(value: string): Presenter {
  const text = value.trim();
  if (!text.startsWith("[[")) return { name: value, aliases: [] };
  const match = WIKI_LINK.exec(text);
  if (!match?.[1]) return { name: value, aliases: [] };
  const target = linkBasename(match[1]);
  const display = collapseWhitespace(match[2] ?? "");
  const name = display === "" ? target : display;
  if (name === "") return { name: value, aliases: [] };
  return { name, aliases: target !== "" && foldKey(target) !== foldKey(name) ? [target] : [] };
}

/** The name a presenter value shows: its link's display text, or the value itself. */
export function presenterName(value: string): string {
  return value.startsWith("[[") ? readPresenterValue(value).name : value;
}

function linkBasename(target: string): string {
  const path = target.trim();
  const base = path.slice(path.lastIndexOf("/") + 1);
  return collapseWhitespace(base.toLowerCase().endsWith(".md") ? base.slice(0, -3) : base);
}

/**
 * Whether a name can be a people note's name and a link's text as it stands: nothing a file name
 * refuses (SPEC §7), nothing that ends or splits a wiki link. Others are written as plain names.
 */
export function isLinkableName(name: string): boolean {
  return name !== "" && safeFileName(name) === name;
}

/** The note a person's links point at: `People/Alice.md` (`Alice.md` with the vault root as folder). */
export function peopleNotePath(folder: string, name: string): string {
  return folder === "" ? `${name}.md` : `${folder}/${name}.md`;
}

/**
 * `"[[People/Alice|Alice]]"`: the path makes it resolve to the people note whatever other notes are
 * called (Obsidian resolves a link with a folder from the vault root), and clicking it before the note
 * exists creates it in the people folder. The display text is the note's own spelling. With the vault
 * root as the people folder the path is the name: `[[Alice]]`, `[[Alice|qluto]]`.
 */
export function presenterLink(spelling: string, target: string, folder: string): string {
  if (!isLinkableName(target) || !isDisplayable(spelling)) return spelling;
  const path = folder === "" ? target : `${folder}/${target}`;
  return path === spelling ? `[[${path}]]` : `[[${path}|${spelling}]]`;
}

function isDisplayable(text: string): boolean {
  return text.trim() !== "" && !/[[\]|\n\r]/.test(text);
}

/** A people note as the settings and the index see it: its name (the file's) and its `aliases`. */
export interface PeopleNote {
  name: string;
  aliases: string[];
}

/** People notes read as members: each note's name and aliases are one person. */
export function peopleNoteMembers(notes: readonly PeopleNote[]): RosterMember[] {
  return notes.map((note) => ({ name: note.name, aliases: note.aliases }));
}

/** The `aliases` of a people note's properties as a list of names (a single text is one alias). */
export function aliasList(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  return items
    .filter((item): item is string => typeof item === "string")
    .map(collapseWhitespace)
    .filter((item) => item !== "");
}

/**
 * Who a spelling's links point at. `resolve` is the vault's merge of people (members, people notes,
 * every presenter line); a person whose spellings include a people note's name goes to that note,
 * anyone else to a note named after them.
 */
export class PeopleLinker {
  readonly #notes = new Map<string, string>();

  readonly #resolve: (spelling: string) => Person;

  constructor(
    resolve: (spelling: string) => Person,
    readonly folder: string,
    notes: readonly PeopleNote[] = [],
  ) {
    this.#resolve = resolve;
    for (const note of notes) if (!this.#notes.has(foldKey(note.name))) this.#notes.set(foldKey(note.name), note.name);
  }

  /** The people note's name for a spelling. */
  target(spelling: string): string {
    const person = this.#resolve(spelling);
    for (const form of [person.name, ...person.aliases]) {
      const note = this.#notes.get(foldKey(form));
      if (note !== undefined) return note;
    }
    return person.name;
  }

  /** The `presenters` value for a presenter of a note. */
  value(presenter: Presenter): string {
    return presenterLink(presenter.name, this.target(presenter.name), this.folder);
  }
}

/** What "Create people notes" does for one person. */
export type PeopleNoteStep =
  | { action: "create"; path: string; name: string; aliases: string[] }
  | { action: "add-aliases"; path: string; name: string; aliases: string[] };

/**
 * The people notes to create and the aliases to add, one note per person with a linkable name: a
 * person's note is an existing people note named by one of their spellings, else `folder/Name.md`.
 * `existing` gives the aliases each existing people note has (by name). Nothing is planned for a
 * note that already lists every spelling.
 */
export function planPeopleNotes(
  persons: readonly Person[],
  folder: string,
  existing: readonly PeopleNote[],
): PeopleNoteStep[] {
  const byKey = new Map<string, PeopleNote>();
  for (const note of existing) if (!byKey.has(foldKey(note.name))) byKey.set(foldKey(note.name), note);
  const steps: PeopleNoteStep[] = [];
  const planned = new Set<string>();
  for (const person of persons) {
    const spellings = [person.name, ...person.aliases];
    const note = spellings.map((s) => byKey.get(foldKey(s))).find((n) => n !== undefined);
    const name = note?.name ?? person.name;
    if (!isLinkableName(name) || planned.has(foldKey(name))) continue;
    planned.add(foldKey(name));
    const have = new Set([foldKey(name), ...(note?.aliases ?? []).map(foldKey)]);
    const missing: string[] = [];
    for (const spelling of spellings) {
      const key = foldKey(spelling);
      if (key === "" || have.has(key)) continue;
      have.add(key);
      missing.push(collapseWhitespace(spelling));
    }
    const path = peopleNotePath(folder, name);
    if (!note) steps.push({ action: "create", path, name, aliases: missing });
    else if (missing.length > 0) steps.push({ action: "add-aliases", path, name, aliases: missing });
  }
  return steps;
}

/** A new people note: its aliases as a block list (as Obsidian writes them), and nothing else. */
export function peopleNoteText(aliases: readonly string[]): string {
  if (aliases.length === 0) return "";
  const items = aliases.map((alias) => `  - ${JSON.stringify(alias)}\n`).join("");
  return `---\naliases:\n${items}---\n`;
}

/**
 * The people notes a `presenters` property links spellings to: `[[People/Robert|Bob]]` gives Bob →
 * Robert. The link is what the user, or Obsidian renaming a people note, last said about who a
 * spelling is: a re-read or re-sync of the note keeps pointing there.
 */
export function linkedNotes(property: unknown): Array<[spelling: string, note: string]> {
  if (!Array.isArray(property)) return [];
  const out: Array<[string, string]> = [];
  for (const value of property as unknown[]) {
    if (typeof value !== "string" || !value.startsWith("[[")) continue;
    const linked = readPresenterValue(value);
    const note = linked.aliases[0];
    if (note !== undefined) out.push([linked.name, note]);
  }
  return out;
}
