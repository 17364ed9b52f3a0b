/** Readable (non-JSON) output of the CLI. */
import { HEADINGS } from "../core/note/vocabulary";
import type { ParsedNote, Topic } from "../core/note/model";
import type { GroupBy, IndexedTopic, TopicIndex } from "../core/index/topic-index";

export function formatNote(note: ParsedNote): string {
  const out: string[] = [];
  out.push(`${note.path || "(note)"}: ${note.date ?? "no date"}${note.series ? ` ${note.series}` : ""}`);
  out.push(`${note.topics.length} topics, ${note.presenters.length} presenters (line numbers count from 1)`);
  let presenter: string | null | undefined;
  for (const topic of note.topics) {
    if (topic.main) {
      out.push("", `${HEADINGS.en.main}${topic.presenter ? ` (@${topic.presenter})` : ""}`);
      presenter = undefined;
    } else if (topic.presenter !== presenter) {
      out.push("", `@${topic.presenter ?? "?"}`);
      presenter = topic.presenter;
    }
    out.push(`  ${topicLine(topic)}`);
  }
  for (const warning of note.warnings) out.push(`warning: line ${warning.line + 1}: ${warning.message}`);
  return out.join("\n");
}

function topicLine(topic: Topic): string {
  const kind = topic.kindLabel ? `[${topic.kindLabel}] ` : "";
  return `${String(topic.line + 1).padStart(4)}  ${kind}${topic.title}${topic.url ? `  <${topic.url}>` : ""}`;
}

const NO_KEY: Record<GroupBy, string> = {
  kind: "untagged",
  tag: "no #tag",
  presenter: "no presenter",
  month: "no date",
};

export function formatIndex(index: TopicIndex, by: GroupBy): string {
  const topics = index.topics();
  const out = [
    `${index.size} sessions, ${topics.length} topics, ${index.persons().length} presenters (by ${by}; FILE:LINE counts lines from 1)`,
  ];
  for (const group of index.group(by)) {
    const heading = group.key === null ? NO_KEY[by] : by === "tag" ? `#${group.key}` : group.key;
    out.push("", `${heading} (${group.topics.length})`);
    for (const topic of group.topics) out.push(`  ${indexLine(topic, by, index)}`);
  }
  return out.join("\n");
}

function indexLine(topic: IndexedTopic, by: GroupBy, index: TopicIndex): string {
  const kind = by !== "kind" && topic.kindLabel ? `[${topic.kindLabel}] ` : "";
  const who = by !== "presenter" && topic.presenter ? `  @${index.displayName(topic.presenter)}` : "";
  const main = topic.main ? " (main)" : "";
  return `${topic.date ?? "----------"}  ${kind}${topic.title}${main}${who}  ${topic.file}:${topic.line + 1}`;
}
