/**
 * The bulk of a note: runs of body lines that a topic takes as they are, read by one small loop so
 * that the parser's own loop, with all its states, sees only the lines that may change something.
 */
import { mayOpenStructure, readHashtagsIn } from "./grammar";
import { isTrimmed } from "./line-scan";

/** Where a run of quiet lines stopped: the offset and number of the first line left, and its last line with text (-1: none). */
export interface QuietRun {
  pos: number;
  line: number;
  lastText: number;
}

/**
 * From line number `line` at offset `pos`, the lines a quiet topic takes as they are: blank ones,
 * and ones whose first character opens nothing, their `#tags` read into `tags` (the next `#`
 * stands at `hashAt`, at or after `pos`). The first other line is left for the parser.
 */
export function skipQuietLines(
  src: string,
  pos: number,
  line: number,
  hashAt: number,
  tags: string[],
  run: QuietRun,
): void {
  const length = src.length;
  let lastText = -1;
  let nextHash = hashAt;
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
      lastText = line;
      if (nextHash < end) {
        readHashtagsIn(src, s, end, tags, nextHash);
        const at = src.indexOf("#", end);
        nextHash = at < 0 ? length : at;
      }
    }
    pos = end + 1;
    line++;
  }
  run.pos = pos;
  run.line = line;
  run.lastText = lastText;
}
