/**
 * The vault-wide topic index: one entry per session note, people merged across notes by shared
 * aliases (and the roster). A session's topics are created once, with their file and date; updating
 * one note replaces only that note's entry, and the sorted list is rebuilt only when asked for.
 * May import core/note, core/session (the roster) and text helpers.
 */
import type { Presenter, Topic } from "../note/model";
import { PeopleMerger, type Person, type RosterMember } from "./people";

export interface IndexedTopic extends Topic {
  file: string;
  date: string | null;
}

export interface SessionEntry {
  file: string;
  date: string | null;
  series: string | null;
  presenters: Presenter[];
  topics: IndexedTopic[];
  /** Spellings linked to people notes in the note's `presenters` (`[[People/Robert|Bob]]`: Bob → Robert). */
  links?: ReadonlyArray<readonly [spelling: string, note: string]>;
}

/** The ways topics can be grouped, in the order the sidebar and the CLI offer them. */
export const GROUPINGS = ["kind", "tag", "presenter", "month"] as const;
export type GroupBy = (typeof GROUPINGS)[number];

export function isGroupBy(value: string): value is GroupBy {
  return (GROUPINGS as readonly string[]).includes(value);
}

export interface TopicGroup {
  key: string | null;
  topics: IndexedTopic[];
}

export class TopicIndex {
  readonly #sessions = new Map<string, SessionEntry>();
  #merger: PeopleMerger | null = null;
  #names = new Map<string, string>();
  #sorted: IndexedTopic[] | null = null;
  #topicTotal = 0;
  #peopleChanges = 0;
  #peopleNotes: readonly RosterMember[] = [];

  #roster: readonly RosterMember[];

  constructor(roster: readonly RosterMember[] = []) {
    this.#roster = roster;
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** Topics in the index (kept as notes change: no list is built to count them). */
  get topicCount(): number {
    return this.#topicTotal;
  }

  /** Changes whenever people may have merged or split (a view grouping by person regroups then). */
  get peopleVersion(): number {
    return this.#peopleChanges;
  }

  setRoster(roster: readonly RosterMember[]): void {
    this.#roster = roster;
    this.#forgetPeople();
  }

  /** People notes (name and aliases), merged like members after them; none while links are off. */
  setPeopleNotes(notes: readonly RosterMember[]): void {
    if (sameMembers(this.#peopleNotes, notes)) return;
    this.#peopleNotes = notes;
    this.#forgetPeople();
  }

  upsert(entry: SessionEntry): void {
    const previous = this.#sessions.get(entry.file);
    this.#sessions.set(entry.file, entry);
    this.#topicTotal += entry.topics.length - (previous?.topics.length ?? 0);
    if (!previous || !samePresenters(previous.presenters, entry.presenters) || !sameLinks(previous.links, entry.links))
      this.#forgetPeople();
    else this.#forgetOrder();
  }

  remove(file: string): boolean {
    const previous = this.#sessions.get(file);
    if (!previous) return false;
    this.#sessions.delete(file);
    this.#topicTotal -= previous.topics.length;
    this.#forgetPeople();
    return true;
  }

  rename(oldFile: string, newFile: string): void {
    const entry = this.#sessions.get(oldFile);
    if (!entry) return;
    this.#sessions.delete(oldFile);
    this.#sessions.set(newFile, {
      ...entry,
      file: newFile,
      topics: entry.topics.map((topic) => ({ ...topic, file: newFile })),
    });
    this.#forgetOrder();
  }

  get(file: string): SessionEntry | undefined {
    return this.#sessions.get(file);
  }

  /** Every session, in no particular order (nothing is sorted or copied). */
  sessionEntries(): IterableIterator<SessionEntry> {
    return this.#sessions.values();
  }

  allSessions(): SessionEntry[] {
    return [...this.#sessions.values()].sort(bySessionDateDesc);
  }

  /** Every topic, newest session first. `presenter` is as the note wrote it: see `displayName`. */
  topics(): IndexedTopic[] {
    if (this.#sorted) return this.#sorted;
    // Sized once (the count is kept): no copies of a list of 100,000 topics as it grows.
    const out = new Array<IndexedTopic>(this.#topicTotal);
    let at = 0;
    for (const session of this.allSessions()) for (const topic of session.topics) out[at++] = topic;
    out.length = at;
    this.#sorted = out;
    return out;
  }

  /** The merged person's display name for a spelling (cached: a vault has few spellings). */
  displayName(spelling: string): string {
    let name = this.#names.get(spelling);
    if (name === undefined) {
      name = this.#people().resolve(spelling).name;
      this.#names.set(spelling, name);
    }
    return name;
  }

  /** A person by any of their spellings. */
  person(spelling: string): Person {
    return this.#people().resolve(spelling);
  }

  /** People who presented at least one topic, with their merged spellings, most topics first. */
  persons(): Person[] {
    return this.group("presenter")
      .filter((g) => g.key !== null)
      .map((g) => this.person(g.key ?? ""));
  }

  /** Topics grouped by `by` (all topics, or the given subset: a search result), biggest group first. */
  group(by: GroupBy, topics: readonly IndexedTopic[] = this.topics()): TopicGroup[] {
    const groups = new Map<string | null, IndexedTopic[]>();
    const add = (key: string | null, topic: IndexedTopic): void => {
      const list = groups.get(key);
      if (list) list.push(topic);
      else groups.set(key, [topic]);
    };
    for (const topic of topics) {
      if (by === "tag") {
        if (topic.tags.length === 0) add(null, topic);
        const seen = new Set<string>();
        for (const tag of topic.tags) {
          const key = tag.toLowerCase();
          if (!seen.has(key)) {
            seen.add(key);
            add(key, topic);
          }
        }
      } else if (by === "presenter") {
        add(topic.presenter === null ? null : this.displayName(topic.presenter), topic);
      } else {
        add(by === "kind" ? topic.kind : topic.date ? topic.date.slice(0, 7) : null, topic);
      }
    }
    return [...groups.entries()]
      .map(([key, topics]) => ({ key, topics }))
      .sort((a, b) => compareGroups(by, { key: a.key, size: a.topics.length }, { key: b.key, size: b.topics.length }));
  }

  #people(): PeopleMerger {
    if (this.#merger) return this.#merger;
    const merger = new PeopleMerger(
      this.#peopleNotes.length > 0 ? [...this.#roster, ...this.#peopleNotes] : this.#roster,
    );
    for (const session of this.#sessions.values()) {
      for (const presenter of session.presenters) merger.add(presenter);
      for (const [spelling, note] of session.links ?? []) merger.addLink(spelling, note);
    }
    this.#merger = merger;
    return merger;
  }

  /** The sorted topic list is rebuilt when next asked for. */
  #forgetOrder(): void {
    this.#sorted = null;
  }

  /** People are merged again when next asked for (and the order rebuilt). */
  #forgetPeople(): void {
    this.#forgetOrder();
    this.#merger = null;
    // Not a new map per note while a vault is first indexed: nothing has been named yet.
    if (this.#names.size > 0) this.#names = new Map();
    this.#peopleChanges++;
  }
}

/**
 * Groups in display order: most topics first (then by name), months newest first; topics without a
 * key ("untagged", "no date") always last. The topic index's groups and the sidebar's sort alike.
 */
export function compareGroups(
  by: GroupBy,
  a: { key: string | null; size: number },
  b: { key: string | null; size: number },
): number {
  if (a.key === null || b.key === null) return Number(a.key === null) - Number(b.key === null);
  if (by === "month") return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
  return b.size - a.size || a.key.localeCompare(b.key);
}

/** Newest first, then by path; plain code-unit order (ISO dates sort right, and it is fast). */
export function bySessionDateDesc(a: SessionEntry, b: SessionEntry): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da < db ? 1 : -1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

function sameMembers(a: readonly RosterMember[], b: readonly RosterMember[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => m.name === b[i]?.name && m.aliases.join("\u0000") === b[i].aliases.join("\u0000"))
  );
}

function sameLinks(a: SessionEntry["links"], b: SessionEntry["links"]): boolean {
  if (a === b) return true;
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every(([s, n], i) => s === right[i]?.[0] && n === right[i]?.[1]);
}

function samePresenters(a: readonly Presenter[], b: readonly Presenter[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.name === q.name && p.aliases.join("\u0000") === q.aliases.join("\u0000");
  });
}
