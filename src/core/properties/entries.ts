/** A note's parse as the property entries of SPEC §4: what sync writes and what the index reads back. */
import type { ParsedNote, Topic } from "../note/model";

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
