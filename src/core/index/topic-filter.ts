/**
 * Search and the row model of the topic list: pure functions the view calls on every keystroke.
 * Matching folds case and width (NFKC), so `ｌｌｍ`, `LLM` and `llm` are one query, and a kind
 * matches by any of its names (`論文` finds papers, whatever tag the note used).
 */
import { BUILTIN_KINDS } from "../note/kinds";
import { foldKey } from "../text";
import type { GroupBy, IndexedTopic, TopicGroup, TopicIndex } from "./topic-index";

/** Search text per topic object: topics are replaced, never mutated, when a note changes. */
const keys = new WeakMap<IndexedTopic, string>();

function searchKey(topic: IndexedTopic, index: TopicIndex): string {
  let key = keys.get(topic);
  if (key === undefined) {
    const parts: string[] = [topic.title];
    if (topic.presenter !== null) {
      const person = index.person(topic.presenter);
      parts.push(person.name, ...person.aliases);
    }
    for (const tag of topic.tags) parts.push(`#${tag}`);
    if (topic.kind !== null) parts.push(topic.kind, ...(BUILTIN_KINDS[topic.kind] ?? []));
    if (topic.kindLabel !== null) parts.push(topic.kindLabel);
    if (topic.date !== null) parts.push(topic.date);
    key = foldText(parts.join("\n"));
    keys.set(topic, key);
  }
  return key;
}

function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Topics matching every word of the query (an empty query matches all), in the given order. */
export function filterTopics(
  topics: readonly IndexedTopic[],
  query: string,
  index: TopicIndex,
): readonly IndexedTopic[] {
  const terms = foldKey(query)
    .split(" ")
    .filter((term) => term !== "");
  if (terms.length === 0) return topics;
  return topics.filter((topic) => {
    const key = searchKey(topic, index);
    return terms.every((term) => key.includes(term));
  });
}

export type Row =
  | { type: "group"; key: string | null; count: number; collapsed: boolean }
  | { type: "topic"; topic: IndexedTopic; group: string | null };

/** Group keys as stored in the collapsed set (null, the "no key" group, has its own spelling). */
export function groupId(key: string | null): string {
  return key === null ? "\u0000none" : key;
}

/** Flat rows for a virtualized list: a header per group, then its topics unless collapsed. */
export function buildRows(groups: readonly TopicGroup[], collapsed: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  for (const group of groups) {
    const isCollapsed = collapsed.has(groupId(group.key));
    rows.push({ type: "group", key: group.key, count: group.topics.length, collapsed: isCollapsed });
    if (!isCollapsed) for (const topic of group.topics) rows.push({ type: "topic", topic, group: group.key });
  }
  return rows;
}

/** The list the view shows: one note's topics or all, searched, then grouped. */
export function topicRows(
  index: TopicIndex,
  by: GroupBy,
  query: string,
  collapsed: ReadonlySet<string>,
  onlyFile: string | null = null,
): { rows: Row[]; matched: number } {
  const scope = onlyFile === null ? index.topics() : (index.get(onlyFile)?.topics ?? []);
  const matched = filterTopics(scope, query, index);
  return { rows: buildRows(index.group(by, matched), collapsed), matched: matched.length };
}
