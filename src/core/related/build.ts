/** Filling a related-topics index from the topic index (and, where known, the notes' text). */
import { runAll } from "./postings";
import { RelatedIndex } from "./related";
import type { TopicDocument } from "./model";
import type { IndexedTopic, SessionEntry } from "../index/topic-index";

/**
 * Section headings of a paper summary. A topic's body that meets one of these well after its title
 * has run into the next work's summary (a main topic pasted without its marker): the body ends there.
 */
export const SUMMARY_SECTIONS = new Set(
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

/** First characters a summary heading can start with, after its `#`s and spaces (case folded). */
const SECTION_FIRST = new Set([...SUMMARY_SECTIONS].map((name) => name.charCodeAt(0)));

function sectionName(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/[:：]\s*$/, "")
    .trim()
    .normalize("NFKC")
    .toLowerCase();
}

/**
 * Whether `line` is a summary heading. Most lines are turned away by their first letter, where
 * folding cannot change it (ASCII, kana, common kanji); any other goes through the whole folding.
 */
function isSectionHeading(line: string): boolean {
  let at = 0;
  while (at < line.length && (line.charCodeAt(at) <= 0x20 || line.charCodeAt(at) === 0x23) /* # */) at++;
  const first = line.charCodeAt(at);
  const settled =
    first < 0x80 ||
    (first >= 0x3041 && first <= 0x309e) ||
    (first >= 0x30a0 && first <= 0x30fe) ||
    (first >= 0x4e00 && first <= 0x9fff);
  // `| 0x20` lower-cases an ASCII letter and leaves no other character a letter.
  if (settled && !SECTION_FIRST.has(first < 0x80 ? first | 0x20 : first)) return false;
  return SUMMARY_SECTIONS.has(sectionName(line));
}

/** A topic within its note, across re-parses: its title and presenter (line numbers move as text is typed). */
export function topicKey(topic: { title: string; presenter: string | null }): string {
  return `${topic.title}\u0000${topic.presenter ?? ""}`;
}

/** Where each line of a note starts, and where the text ends (lines end at LF; a CR before it is not text). */
export function lineStarts(text: string): Int32Array {
  let count = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  const starts = new Int32Array(count + 1);
  let k = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts[k++] = at + 1;
  starts[count] = text.length + 1;
  return starts;
}

/**
 * A topic's own body: the text from after its title line to its last line, cut before another work's
 * summary; one slice of the note (in a CRLF note its CRs stay, read as line breaks as LFs are).
 */
export function topicBody(text: string, starts: Int32Array, topic: Pick<IndexedTopic, "line" | "endLine">): string {
  const lineCount = starts.length - 1;
  if (topic.line < 0 || topic.line + 1 >= lineCount) return "";
  const first = topic.line + 1;
  const last = Math.min(topic.endLine, lineCount - 1);
  if (last < first) return "";
  const lineAt = (k: number): string => {
    const from = starts[k] ?? 0;
    let to = (starts[k + 1] ?? 0) - 1;
    if (to > from && to < text.length && text.charCodeAt(to - 1) === 0x0d) to--;
    return text.slice(from, to);
  };
  let end = last + 1;
  for (let k = first + OWN_SECTION_LINES; k <= last; k++) {
    const length = (starts[k + 1] ?? 0) - 1 - (starts[k] ?? 0);
    // Longer than any heading of the list (marks and spaces allowed for): not one of them.
    if (length > SECTION_LINE_MAX) {
      const line = lineAt(k);
      if (line.trim().length > SECTION_LINE_MAX) continue;
    }
    if (!isSectionHeading(lineAt(k))) continue;
    // The other work's title: the highest non-list line among the few lines above its first heading.
    let cut = k;
    let seen = 0;
    for (let j = k - 1; j >= first && seen < TITLE_ABOVE; j--) {
      const line = lineAt(j);
      if (line.trim() === "") continue;
      seen++;
      if (!LIST_ITEM.test(line)) cut = j;
    }
    if (cut - first >= OWN_SECTION_LINES) end = cut;
    break;
  }
  if (end <= first) return "";
  let to = (starts[end] ?? 0) - 1;
  if (to > (starts[end - 1] ?? 0) && to < text.length && text.charCodeAt(to - 1) === 0x0d) to--;
  return text.slice(starts[first] ?? 0, to);
}

/** The body of each topic: the lines after its title line, up to its last line or another work's summary. */
export function topicDocuments(session: SessionEntry, text: string | undefined): TopicDocument[] {
  if (text === undefined) return session.topics.map((topic) => ({ topic }));
  const starts = lineStarts(text);
  return session.topics.map((topic: IndexedTopic) => ({ topic, body: topicBody(text, starts, topic) }));
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
