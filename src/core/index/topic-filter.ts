/**
 * Search over topics: pure functions the sidebar calls on every keystroke (the rows themselves are
 * kept in topic-groups.ts).
 * Matching folds case and width (NFKC), so `ｌｌｍ`, `LLM` and `llm` are one query, and a kind
 * matches by any of its names (`論文` finds papers, whatever tag the note used).
 */
import { BUILTIN_KINDS } from "../note/kinds";
import { foldKey } from "../text";
import type { IndexedTopic, TopicIndex } from "./topic-index";

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

/** The words of a query, folded for matching (an empty query has none and matches all). */
export function queryTerms(query: string): string[] {
  return foldKey(query)
    .split(" ")
    .filter((term) => term !== "");
}

/** Whether a topic matches every word of a query (as split by `queryTerms`). */
export function matchesTerms(topic: IndexedTopic, terms: readonly string[], index: TopicIndex): boolean {
  if (terms.length === 0) return true;
  const key = searchKey(topic, index);
  return terms.every((term) => key.includes(term));
}
