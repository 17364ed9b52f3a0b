/**
 * Reading a note's text by line offsets, without splitting it: trimming as `String.prototype.trim`
 * does, frontmatter bounds, fenced code, old-Mac line breaks, and where a `#` or `://` comes next.
 */

import { BLANK, CHAR_CLASS } from "./chars";

export interface Fence {
  char: string;
  length: number;
}

/** The end of the line's text once trailing blanks are dropped (`s` is its first non-blank). */
export function trimEnd(src: string, s: number, end: number): number {
  let e = end;
  while (e > s && isTrimmed(src.charCodeAt(e - 1))) e--;
  return e;
}

/** `text.slice(start, end).trim()`, cutting the text once. */
export function sliceTrimmed(text: string, start: number, end: number): string {
  let s = start;
  while (s < end && isTrimmed(text.charCodeAt(s))) s++;
  return text.slice(s, trimEnd(text, s, end));
}

/** Exactly what `String.prototype.trim` removes (so offsets agree with `line.trim()`): one table lookup. */
export function isTrimmed(code: number): boolean {
  return ((CHAR_CLASS[code] ?? 0) & BLANK) !== 0;
}

/** Where the line starting at `pos` ends: its LF, or the end of the text. */
export function lineEndAt(src: string, pos: number): number {
  const end = src.indexOf("\n", pos);
  return end < 0 ? src.length : end;
}

/** The first offset in `[pos, end)` that is no blank, or `end`; `code` is the character at `pos`. */
export function textStartAt(src: string, pos: number, end: number, code: number): number {
  let s = pos;
  // `end` is never read: it may be the text's length (see `NoteParser.run`).
  while (s < end && isTrimmed(code)) code = ++s < end ? src.charCodeAt(s) : 0x0a;
  return s;
}

/**
 * Old-Mac text (lone CRs) gets LFs, line numbers unchanged. Decided on the first line break alone, so
 * LF and CRLF text (all but a few very old files) is not scanned a second time.
 */
export function normalizeBreaks(text: string): string {
  const lf = text.indexOf("\n");
  if (lf >= 0) {
    // Only the first line is looked at: a CR there that is not part of its CRLF means old-Mac text.
    const cr = text.slice(0, lf).indexOf("\r");
    if (cr < 0 || cr === lf - 1) return text;
  }
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** The frontmatter block of SPEC §2: its lines (without `---`), and the offset and line after it. */
export function readFrontmatter(src: string): { lines: string[]; next: number; lineCount: number } | null {
  if (!src.startsWith("---")) return null;
  const close = findFrontmatterEnd(src);
  if (!close) return null;
  const lines = src
    .slice(src.indexOf("\n") + 1, close.contentEnd)
    .split("\n")
    .map((line) => line.replace(/\r$/, ""));
  return { lines, next: close.next, lineCount: close.lines };
}

/** Where the frontmatter's content ends, and the offset and line after its closing line. */
function findFrontmatterEnd(src: string): { contentEnd: number; next: number; lines: number } | null {
  let end = src.indexOf("\n");
  if (end < 0 || src.slice(0, end).trimEnd() !== "---") return null;
  let lines = 1;
  for (;;) {
    const start = end + 1;
    if (start > src.length) return null;
    end = src.indexOf("\n", start);
    const stop = end < 0 ? src.length : end;
    const line = src.slice(start, stop).trimEnd();
    lines++;
    if (line === "---" || line === "...") return { contentEnd: start, next: stop + 1, lines };
    if (end < 0) return null;
  }
}

export function opensFence(trimmed: string): Fence | null {
  const first = trimmed[0];
  if (first !== "`" && first !== "~") return null;
  let length = 0;
  while (trimmed[length] === first) length++;
  if (length < 3) return null;
  // A backtick fence's info string may not contain backticks (CommonMark).
  if (first === "`" && trimmed.slice(length).includes("`")) return null;
  return { char: first, length };
}

export function closesFence(trimmed: string, fence: Fence): boolean {
  let length = 0;
  while (trimmed[length] === fence.char) length++;
  return length >= fence.length && trimmed.slice(length).trim() === "";
}

/**
 * Where `needle` next occurs, asked for lines in order: each search starts past the last answer, so
 * all the questions of one note together read its text once, whatever the lines.
 */
export class NextMatch {
  /** The next occurrence at or after the last search's start; the text's length: none; -1 before the first. */
  #at = -1;

  readonly #text: string;
  readonly #needle: string;

  constructor(text: string, needle: string) {
    this.#text = text;
    this.#needle = needle;
  }

  /** Whether `needle` starts in `[from, to)`; `from` never less than in the previous call. */
  within(from: number, to: number): boolean {
    if (this.#at < from) {
      const at = this.#text.indexOf(this.#needle, from);
      this.#at = at < 0 ? this.#text.length : at;
    }
    return this.#at < to;
  }

  /** Where the last `within` found `needle` (meaningful when it answered true). */
  get at(): number {
    return this.#at;
  }

  /**
   * Takes the next occurrence from a caller that looked on itself (`at`: the first at or after an
   * offset no later calls ask before), so that the text is not searched twice.
   */
  set at(at: number) {
    this.#at = at;
  }
}
