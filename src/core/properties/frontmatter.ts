/**
 * Writing a note's topic entries into its frontmatter (SPEC §4): the plugin's keys (`type`, `date`,
 * `presenters`, `topics`) as the note's parse wants them, carrying what users and features added to
 * each entry; written by the minimal, checked edit of `frontmatter-edit.ts`.
 */
import { MANAGED_ENTRY_KEYS, noteEntries, type NoteEntries, type TopicEntry } from "./entries";
import { presenterName } from "../index/people-links";
import type { ParsedNote, Presenter } from "../note/model";
import { SESSION_TYPE } from "../note/vocabulary";
import { Unfaithful } from "./frontmatter-check";
import { editProperties, type SyncResult, type Wanted } from "./frontmatter-edit";
import { isPlainObject } from "./yaml-emit";

/**
 * Write `note`'s entries into `text` (whose parse `note` is). Returns the same string when nothing
 * changes. Every write is checked before it is returned: the new frontmatter must parse, and every
 * key but the plugin's must read back the same value; otherwise the sync is refused with the line.
 */
export function syncFrontmatter(
  text: string,
  note: Pick<ParsedNote, "presenters" | "topics" | "date">,
  options: SyncOptions = {},
): SyncResult {
  const entries = noteEntries(note);
  return editProperties(text, (existing) => [
    ...headerKeys(existing, note.date),
    ...entryKeys(entries, existing, note.presenters, options),
  ]);
}

export interface SyncOptions {
  /** Keys a feature sets on topic entries, by title (`linked`, `paper`). */
  extras?: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /**
   * How each presenter is written into `presenters`: a plain name, or a link to a people note
   * (`PeopleLinker.value`). Without it the values already there are kept when they name the same
   * people in the same order (a link stays a link), else plain names are written.
   */
  presenterValue?: (presenter: Presenter) => string;
}

/** `type` and `date` are added only when absent: a value the user set is theirs. */
function headerKeys(existing: ReadonlyMap<string, unknown> | null, date: string | null): Wanted[] {
  const out: Wanted[] = [];
  if (!existing?.has("type")) out.push(["type", SESSION_TYPE]);
  if (date !== null && !existing?.has("date")) out.push(["date", date]);
  return out;
}

function entryKeys(
  entries: NoteEntries,
  existing: ReadonlyMap<string, unknown> | null,
  presenters: readonly Presenter[],
  { extras, presenterValue }: SyncOptions,
): Wanted[] {
  let topics = carryExtraKeys(entries.topics, existing?.get("topics"));
  if (extras) topics = topics.map((topic) => withExtras(topic, extras.get(topic.title)));
  const names = presenterValue ? presenters.map(presenterValue) : keptPresenters(entries.presenters, existing);
  return [
    ["presenters", names],
    ["topics", topics],
  ];
}

/** The `presenters` already written when they read back as `names` (links kept as links), else `names`. */
function keptPresenters(names: string[], existing: ReadonlyMap<string, unknown> | null): string[] {
  const current = existing?.get("presenters");
  if (!Array.isArray(current) || current.length !== names.length) return names;
  const same = current.every((value, i) => typeof value === "string" && presenterName(value) === names[i]);
  return same ? (current as string[]) : names;
}

/** Keys a user or a later feature added to an entry (`unlinked`, `rating`) survive a re-sync. */
function carryExtraKeys(topics: TopicEntry[], previous: unknown): TopicEntry[] {
  if (!Array.isArray(previous)) return topics;
  const byTitle = new Map<string, Record<string, unknown>>();
  for (const item of previous) {
    if (typeof item === "object" && item !== null && !Array.isArray(item)) {
      if (!isPlainObject(item))
        throw new Unfaithful("topics", "a topic entry holds a key that cannot be written back (__proto__)");
      const record = item;
      if (typeof record.title === "string" && !byTitle.has(record.title)) byTitle.set(record.title, record);
    }
  }
  return topics.map((topic) => {
    const old = byTitle.get(topic.title);
    if (!old) return topic;
    const merged: TopicEntry = { ...topic };
    for (const [key, value] of Object.entries(old)) if (!MANAGED_ENTRY_KEYS.includes(key)) merged[key] = value;
    return merged;
  });
}

/** Keys a feature sets on an entry (`linked`, `unlinked`); an empty list removes the key. */
function withExtras(topic: TopicEntry, extra: Readonly<Record<string, unknown>> | undefined): TopicEntry {
  if (!extra) return topic;
  const merged: TopicEntry = { ...topic };
  for (const [key, value] of Object.entries(extra)) {
    if (MANAGED_ENTRY_KEYS.includes(key)) continue;
    if (Array.isArray(value) && value.length === 0) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
