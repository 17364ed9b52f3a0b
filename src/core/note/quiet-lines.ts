/**
 * The bulk of a note: runs of body lines that a topic takes as they are, read by one small loop so
 * that the parser's own loop, with all its states, sees only the lines that may change something.
 */
import { mayOpenStructure, readHashtagsIn } from "./grammar";
import { isTrimmed } from "./line-scan";

/** A run of quiet lines: where it starts (then where it stopped) and what the loop needs to know. */
export interface QuietRun {
  /** Offset and number of the first line (when done: of the first line left to the parser). */
  pos: number;
  line: number;
  /** Where the next `#` and `://` stand, at or after `pos` (`://` only while `urlLines` > 0). */
  hashAt: number;
  schemeAt: number;
  /** How many more lines may give the topic its URL: such a line with `://` is left to the parser. */
  urlLines: number;
  /** When done: the last line with text (-1: none). */
  lastText: number;
}

/**
 * The lines a quiet topic takes as they are, from `run.pos` on: blank ones, and ones whose first
 * character opens nothing, their `#tags` read into `tags`. The first other line is left.
 */
export function skipQuietLines(src: string, tags: string[], run: QuietRun): void {
  const length = src.length;
  let pos = run.pos;
  let line = run.line;
  let hashAt = run.hashAt;
  let urlLines = run.urlLines;
  let lastText = -1;
  while (pos <= length) {
    let end = src.charCodeAt(pos) === 0x0a ? pos : src.indexOf("\n", pos);
    if (end < 0) end = length;
    let s = pos;
    let first = src.charCodeAt(s);
    if (!(first > 0x20 && first < 0xa0)) {
      while (s < end && isTrimmed(first)) first = src.charCodeAt(++s);
    }
    if (s < end) {
      if (mayOpenStructure(first)) break;
      if (urlLines > 0) {
        if (run.schemeAt < end) break;
        urlLines--;
      }
      lastText = line;
      if (hashAt < end) {
        readHashtagsIn(src, s, end, tags, hashAt);
        const at = src.indexOf("#", end);
        hashAt = at < 0 ? length : at;
      }
    }
    pos = end + 1;
    line++;
  }
  run.pos = pos;
  run.line = line;
  run.urlLines = urlLines;
  run.lastText = lastText;
}
