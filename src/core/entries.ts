/** A note's parse as the property entries of SPEC §4: what sync writes and what the index reads back. */
import type { ParsedNote, Topic } from "./model";

export interface TopicEntry {
  title: string;
  kind: string | null;
  presenter: string | null;
  url?: string;
  tags?: string[];
  main?: true;
  /** Keys a user (or a later feature) added to an entry are kept by sync. */
  [extra: string]: unknown;
}

export const MANAGED_ENTRY_KEYS: readonly string[] = ["title", "kind", "presenter", "url", "tags", "main"];

export function topicEntry(topic: Topic): TopicEntry {
  const entry: TopicEntry = { title: topic.title, kind: topic.kind, presenter: topic.presenter };
  if (topic.url !== null) entry.url = topic.url;
  if (topic.tags.length > 0) entry.tags = [...topic.tags];
  if (topic.main) entry.main = true;
  return entry;
}

export interface NoteEntries {
  presenters: string[];
  topics: TopicEntry[];
}

export function noteEntries(note: Pick<ParsedNote, "presenters" | "topics">): NoteEntries {
  return { presenters: note.presenters.map((p) => p.name), topics: note.topics.map(topicEntry) };
}

/**
 * Read entries back from frontmatter values (Obsidian's metadata cache or a YAML parse), tolerating
 * anything a user may have typed: what is not a well-formed entry is dropped, never thrown on.
 */
export function readTopicEntries(value: unknown): TopicEntry[] {
  if (!Array.isArray(value)) return [];
  const out: TopicEntry[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) continue;
    const raw = item as Record<string, unknown>;
    const title = scalarText(raw.title);
    if (title === null) continue;
    const entry: TopicEntry = { title, kind: scalarText(raw.kind), presenter: scalarText(raw.presenter) };
    const url = scalarText(raw.url);
    if (url !== null) entry.url = url;
    if (Array.isArray(raw.tags)) {
      const tags = raw.tags.map(scalarText).filter((t): t is string => t !== null).map((t) => t.replace(/^#/, ""));
      if (tags.length > 0) entry.tags = tags;
    }
    if (raw.main === true) entry.main = true;
    for (const [key, extra] of Object.entries(raw)) {
      if (!MANAGED_ENTRY_KEYS.includes(key)) entry[key] = extra;
    }
    out.push(entry);
  }
  return out;
}

function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}
