/** Filling a related-topics index from the topic index (and, where known, the notes' text). */
import { runAll } from "./postings";
import { RelatedIndex, type TopicDocument } from "./related";
import type { IndexedTopic, SessionEntry } from "../index/topic-index";

/**
 * Section headings of a paper summary. A topic's body that meets one of these well after its title
 * has run into the next work's summary (a main topic pasted without its marker): the body ends there.
 */
const SUMMARY_SECTIONS = new Set(
  [
    "概要",
    "背景",
    "背景・課題",
    "提案手法",
    "手法",
    "実験",
    "結果",
    "まとめ",
    "abstract",
    "summary",
    "introduction",
    "background",
    "method",
    "methods",
    "proposed method",
    "experiments",
    "results",
    "conclusion",
  ].map((s) => s.normalize("NFKC").toLowerCase()),
);
/** The longest line that could be one of those headings: `###### ` before it, a colon and spaces after. */
const SECTION_LINE_MAX = Math.max(...[...SUMMARY_SECTIONS].map((s) => s.length)) + 24;
/** A summary heading this close to the title is the topic's own. */
const OWN_SECTION_LINES = 4;
/** How far above such a heading the other work's title may stand (its authors, venue between). */
const TITLE_ABOVE = 3;

const LIST_ITEM = /^\s*(?:[-*+•‣◦]|\d+[.)])\s/;

function sectionName(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/[:：]\s*$/, "")
    .trim()
    .normalize("NFKC")
    .toLowerCase();
}

/** The lines of a topic's own body: from after its title line to its end, cut before another work's summary. */
/** A topic within its note, across re-parses: its title and presenter (line numbers move as text is typed). */
export function topicKey(topic: { title: string; presenter: string | null }): string {
  return `${topic.title}\u0000${topic.presenter ?? ""}`;
}

export function bodyLines(lines: readonly string[], topic: Pick<IndexedTopic, "line" | "endLine">): string[] {
  if (topic.line < 0) return [];
  const body = lines.slice(topic.line + 1, topic.endLine + 1);
  for (let i = OWN_SECTION_LINES; i < body.length; i++) {
    const line = body[i] ?? "";
    // Longer than any heading of the list (marks and spaces allowed for): no need to fold it.
    if (line.length > SECTION_LINE_MAX && line.trim().length > SECTION_LINE_MAX) continue;
    if (!SUMMARY_SECTIONS.has(sectionName(line))) continue;
    // The other work's title: the highest non-list line among the few lines above its first heading.
    let cut = i;
    let seen = 0;
    for (let j = i - 1; j >= 0 && seen < TITLE_ABOVE; j--) {
      const line = body[j] ?? "";
      if (line.trim() === "") continue;
      seen++;
      if (!LIST_ITEM.test(line)) cut = j;
    }
    return cut < OWN_SECTION_LINES ? body : body.slice(0, cut);
  }
  return body;
}

/** The body of each topic: the lines after its title line, up to its last line or another work's summary. */
export function topicDocuments(session: SessionEntry, text: string | undefined): TopicDocument[] {
  if (text === undefined) return session.topics.map((topic) => ({ topic }));
  const lines = text.split(/\r?\n/);
  return session.topics.map((topic: IndexedTopic) => ({ topic, body: bodyLines(lines, topic).join("\n") }));
}

export function buildRelated(
  sessions: Iterable<SessionEntry>,
  textOf: (file: string) => string | undefined = () => undefined,
  related = new RelatedIndex(),
): RelatedIndex {
  runAll(related.fill(sessions, (session) => topicDocuments(session, textOf(session.file))));
  return related;
}

export interface SliceOptions {
  /** Longest run between pauses, in ms (the app's frame stays responsive under ~50 ms). */
  budgetMs: number;
  now: () => number;
  /** Give the event loop a turn (a timer in the app). */
  pause: () => Promise<void>;
  /** Checked after every pause: stop when the owner went away. */
  cancelled: () => boolean;
}

/** Run `steps` to the end, pausing whenever a slice used its budget; the longest slice, or null if cancelled. */
export async function stepInSlices(
  steps: Iterator<void>,
  options: SliceOptions,
): Promise<{ longest: number; slices: number } | null> {
  let longest = 0;
  let slices = 0;
  let start = options.now();
  for (;;) {
    const done = steps.next().done === true;
    const elapsed = options.now() - start;
    if (elapsed >= options.budgetMs * 0.8 || done) {
      longest = Math.max(longest, elapsed);
      slices++;
      if (done) return { longest, slices };
      await options.pause();
      if (options.cancelled()) {
        steps.return?.();
        return null;
      }
      start = options.now();
    }
  }
}
