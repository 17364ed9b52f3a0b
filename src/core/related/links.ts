/**
 * "Link related topics": one `Related: …` (`関連: …`) line under each topic's title line, holding
 * links to its most related topics. Rerunning updates that line, never adds a second; links the user
 * deleted by hand are remembered in the topic's entry (`unlinked`) and not offered again.
 */
import type { ParsedNote, Topic } from "../note/model";

export interface LinkTarget {
  /** Identity of the related topic, as remembered in entries: its title. */
  title: string;
  /** The link as the user's settings write it (made by the app). */
  link: string;
}

export interface TopicMemory {
  linked: string[];
  unlinked: string[];
}

export interface LinkPlan {
  text: string;
  /** Entry keys to set on each topic's entry, by title. */
  memory: Map<string, TopicMemory>;
  linkedTopics: number;
}

const PREFIXES = ["関連", "Related"];
const RELATED_LINE = new RegExp(`^\\s*(?:[-*+]\\s+)?(?:${PREFIXES.join("|")})\\s*[:：]`, "i");
const SHOWN = 3;

export function isRelatedLine(line: string): boolean {
  return RELATED_LINE.test(line);
}

/** Titles of the links on a related line: the display text of wiki and Markdown links. */
export function linkedTitles(line: string): string[] {
  const out: string[] = [];
  for (const match of line.matchAll(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]|\[([^\]]*)\]\([^)]*\)/g)) {
    const title = match[2] ?? match[3] ?? match[1];
    if (title) out.push(title.trim());
  }
  return out;
}

/** What "Link related topics" needs to plan one note. */
export interface LinkRequest {
  /** The note's text, and its parse. */
  text: string;
  note: Pick<ParsedNote, "topics">;
  /** The topics to link under `topic`, best first. */
  relatedFor: (topic: Topic) => LinkTarget[];
  /** What was linked before and what the user removed (from the topic's entry). */
  memoryOf: (topic: Topic) => TopicMemory;
  /** The line's label in the user's language ("Related"). */
  prefix: string;
}

/** The new text of the note: under each topic, one related line of up to three links. */
export function planRelatedLinks({ text, note, relatedFor, memoryOf, prefix }: LinkRequest): LinkPlan {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const memory = new Map<string, TopicMemory>();
  // Work bottom-up so that inserted lines never move a topic still to be handled.
  const edits: Array<{ at: number; remove: number; line: string }> = [];
  let linkedTopics = 0;
  for (const topic of note.topics) {
    const existingAt =
      topic.line + 1 <= topic.endLine && isRelatedLine(lines[topic.line + 1] ?? "") ? topic.line + 1 : -1;
    const previous = memoryOf(topic);
    const present = existingAt >= 0 ? linkedTitles(lines[existingAt] ?? "") : [];
    const removed = previous.linked.filter((title) => !present.includes(title));
    const unlinked = [...new Set([...previous.unlinked, ...removed])];
    const targets = relatedFor(topic)
      .filter((target) => !unlinked.includes(target.title))
      .slice(0, SHOWN);
    if (targets.length === 0 && existingAt < 0) {
      if (unlinked.length > 0) memory.set(topic.title, { linked: [], unlinked });
      continue;
    }
    // Links the user added to the line by hand stay, after ours.
    const own = new Set(targets.map((t) => t.title));
    const kept = existingAt >= 0 ? keptLinks(lines[existingAt] ?? "", own, previous.linked) : [];
    const line = `${prefix}: ${[...targets.map((t) => t.link), ...kept].join(", ")}`;
    if (existingAt >= 0) {
      if (lines[existingAt] !== line) edits.push({ at: existingAt, remove: 1, line });
    } else {
      edits.push({ at: topic.line + 1, remove: 0, line });
    }
    memory.set(topic.title, { linked: targets.map((t) => t.title), unlinked });
    linkedTopics++;
  }
  for (const edit of edits.sort((a, b) => b.at - a.at)) lines.splice(edit.at, edit.remove, edit.line);
  return { text: lines.join(eol), memory, linkedTopics };
}

/** The raw links of a related line that neither we wrote nor are about to write. */
function keptLinks(line: string, ours: ReadonlySet<string>, previouslyOurs: readonly string[]): string[] {
  const out: string[] = [];
  for (const match of line.matchAll(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]|\[([^\]]*)\]\([^)]*\)/g)) {
    const title = (match[2] ?? match[3] ?? match[1] ?? "").trim();
    if (!ours.has(title) && !previouslyOurs.includes(title)) out.push(match[0]);
  }
  return out;
}

/** A block id for a topic's title line, stable for the same note and title. */
export function blockId(file: string, title: string): string {
  let hash = 2166136261;
  for (const ch of `${file}\u0000${title}`) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return `topic-${hash.toString(36)}`;
}

/** Heading text as a link subpath: characters Obsidian does not keep in heading links become spaces. */
export function headingSubpath(heading: string): string {
  return `#${heading
    .replace(/[[\]|#^:\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()}`;
}
