/**
 * The JSON shape of `index --json` (SPEC §5). The top-level `topics` holds every §3 topic plus `file`
 * and `date`, once; the group lists (`presenters`, `kinds`, `tags`) refer to them by `{ file, line }`,
 * so a vault's topics are not written four times.
 */
import type { IndexedTopic, TopicIndex } from "./topic-index";

/** A topic named by its note and 0-based title line: the key of `topics` in the same output. */
export interface TopicRef {
  file: string;
  line: number;
}

export interface IndexJson {
  sessions: Array<{
    file: string;
    date: string | null;
    series: string | null;
    presenters: string[];
    topicCount: number;
  }>;
  topics: IndexedTopic[];
  presenters: Array<{ name: string; aliases: string[]; topics: TopicRef[] }>;
  kinds: Array<{ kind: string | null; topics: TopicRef[] }>;
  tags: Array<{ tag: string; topics: TopicRef[] }>;
}

export function indexToJson(index: TopicIndex): IndexJson {
  // In JSON, every topic's presenter is the merged person's display name.
  const canonical = new Map<IndexedTopic, IndexedTopic>();
  for (const topic of index.topics()) {
    canonical.set(
      topic,
      topic.presenter === null ? topic : { ...topic, presenter: index.displayName(topic.presenter) },
    );
  }
  const topics = index.topics().map((topic) => canonical.get(topic) ?? topic);
  const refs = (list: readonly IndexedTopic[]): TopicRef[] => list.map((t) => ({ file: t.file, line: t.line }));
  return {
    sessions: index.allSessions().map((s) => ({
      file: s.file,
      date: s.date,
      series: s.series,
      presenters: s.presenters.map((p) => index.person(p.name).name),
      topicCount: s.topics.length,
    })),
    topics,
    presenters: index
      .group("presenter")
      .filter((g) => g.key !== null)
      .map((g) => {
        const person = index.person(g.key ?? "");
        return { name: person.name, aliases: person.aliases, topics: refs(g.topics) };
      }),
    kinds: index.group("kind").map((g) => ({ kind: g.key, topics: refs(g.topics) })),
    tags: index
      .group("tag")
      .filter((g) => g.key !== null)
      .map((g) => ({ tag: g.key ?? "", topics: refs(g.topics) })),
  };
}
