/** DOM ids for the topic tree's rows, stable while the rows move, for `aria-activedescendant`. */
import { groupId, type Row } from "../../core/index/topic-groups";
import type { IndexedTopic } from "../../core/index/topic-index";

/**
 * The id function of one view (`prefix` is unique to it in the document): a group's id, or a topic's
 * under the group it is listed in (a topic can be in several).
 */
export function rowIds(prefix: string): (row: Row | null) => string {
  const groups = new Map<string, number>();
  const topics = new WeakMap<IndexedTopic, number>();
  let next = 0;
  const groupSerial = (key: string | null): number => {
    const id = groupId(key);
    let serial = groups.get(id);
    if (serial === undefined) groups.set(id, (serial = ++next));
    return serial;
  };
  return (row) => {
    if (!row) return `${prefix}-none`;
    const group = groupSerial(row.type === "group" ? row.key : row.group);
    if (row.type === "group") return `${prefix}-g${group}`;
    let topic = topics.get(row.topic);
    if (topic === undefined) topics.set(row.topic, (topic = ++next));
    return `${prefix}-t${topic}-g${group}`;
  };
}
