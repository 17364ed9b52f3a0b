/** The JSON shape of `index --json` (SPEC §5). Every `topics` array holds §3 topics plus `file` and `date`. */
import type { IndexedTopic, TopicIndex } from "./topic-index";

export interface IndexJson {
  sessions: Array<{
    file: string;
    date: string | null;
    series: string | null;
    presenters: string[];
    topicCount: number;
  }>;
  topics: IndexedTopic[];
  presenters: Array<{ name: string; aliases: string[]; topics: IndexedTopic[] }>;
  kinds: Array<{ kind: string | null; topics: IndexedTopic[] }>;
  tags: Array<{ tag: string; topics: IndexedTopic[] }>;
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
  const out = (list: readonly IndexedTopic[]): IndexedTopic[] => list.map((topic) => canonical.get(topic) ?? topic);
  const topics = out(index.topics());
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
        return { name: person.name, aliases: person.aliases, topics: out(g.topics) };
      }),
    kinds: index.group("kind").map((g) => ({ kind: g.key, topics: out(g.topics) })),
    tags: index
      .group("tag")
      .filter((g) => g.key !== null)
      .map((g) => ({ tag: g.key ?? "", topics: out(g.topics) })),
  };
}
