/** Filling a related-topics index from the topic index (and, where known, the notes' text). */
import { RelatedIndex, type TopicDocument } from "./related";
import type { IndexedTopic, SessionEntry } from "../index/topic-index";

/** The body of each topic: the lines after its title line, up to its last line. */
export function topicDocuments(session: SessionEntry, text: string | undefined): TopicDocument[] {
  if (text === undefined) return session.topics.map((topic) => ({ topic }));
  const lines = text.split(/\r?\n/);
  return session.topics.map((topic: IndexedTopic) => ({
    topic,
    body: topic.line >= 0 ? lines.slice(topic.line + 1, topic.endLine + 1).join("\n") : undefined,
  }));
}

export function buildRelated(
  sessions: Iterable<SessionEntry>,
  textOf: (file: string) => string | undefined = () => undefined,
): RelatedIndex {
  const related = new RelatedIndex();
  for (const session of sessions) related.setSession(session.file, topicDocuments(session, textOf(session.file)));
  return related;
}
