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
    const entry = readTopicEntry(item);
    if (entry) out.push(entry);
  }
  return out;
}

/** One entry, or null when it has no title. Runs once per topic at start-up: kept lean. */
export function readTopicEntry(item: unknown): TopicEntry | null {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return null;
  const raw = item as Record<string, unknown>;
  const title = scalarText(raw.title);
  if (title === null) return null;
  const entry: TopicEntry = { title, kind: scalarText(raw.kind), presenter: scalarText(raw.presenter) };
  for (const key in raw) {
    switch (key) {
      case "title":
      case "kind":
      case "presenter":
        break;
      case "url": {
        const url = scalarText(raw.url);
        if (url !== null) entry.url = url;
        break;
      }
      case "tags":
        if (Array.isArray(raw.tags)) {
          const tags: string[] = [];
          for (const tag of raw.tags as unknown[]) {
            const text = scalarText(tag);
            if (text !== null) tags.push(text.charCodeAt(0) === 0x23 ? text.slice(1) : text);
          }
          if (tags.length > 0) entry.tags = tags;
        }
        break;
      case "main":
        if (raw.main === true) entry.main = true;
        break;
      default:
        entry[key] = raw[key];
    }
  }
  return entry;
}

function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}
