/** The row the keyboard is on in the topic tree, found again as rows move, change and go. */
import type { TopicGroups } from "../../core/index/topic-groups";
import type { IndexedTopic, TopicIndex } from "../../core/index/topic-index";

/** The row the keyboard is on: a group header, or a topic inside a group. */
export interface Active {
  group: string | null;
  topic: IndexedTopic | null;
}

/** After an update: the same topic under its new object (an edited note), else its group, else null. */
export function relocate(active: Active, groups: TopicGroups, index: TopicIndex): Active | null {
  const topic = active.topic;
  if (topic) {
    const fresh = index.get(topic.file)?.topics.find((t) => t.title === topic.title && t.presenter === topic.presenter);
    if (fresh && groups.topicRow(fresh, active.group) >= 0) return { group: active.group, topic: fresh };
  }
  return groups.groupRow(active.group) >= 0 ? { group: active.group, topic: null } : null;
}
