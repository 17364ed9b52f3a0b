/**
 * The bulk of a note: runs of body lines that a topic takes as they are, read by one small loop so
 * that the parser's own loop, with all its states, sees only the lines that may change something.
 */
import { mayOpenStructure, readHashtagsIn } from "./grammar";
import { lineEndAt, textStartAt, type NextMatch } from "./line-scan";

/** What a run of quiet lines changes in its topic's draft: the last line with text, the URL lines left, the tags. */
export interface QuietTopic {
  lastLine: number;
  urlLines: number;
  readonly topic: { readonly tags: string[] };
}

/** Runs of quiet lines of one note, with the note's `#` and `://` cursors. */
export class QuietLines {
  readonly #src: string;
  readonly #hashes: NextMatch;
  readonly #schemes: NextMatch;
  readonly #run: QuietRun = { pos: 0, line: 0, hashAt: 0, schemeAt: 0, urlLines: 0, lastText: -1 };

  constructor(src: string, hashes: NextMatch, schemes: NextMatch) {
    this.#src = src;
    this.#hashes = hashes;
    this.#schemes = schemes;
  }

  /** Reads the quiet lines of `draft` from line number `line` at offset `pos`; then `pos` and `line` say where it stopped. */
  skip(pos: number, line: number, draft: QuietTopic): void {
    const run = this.#run;
    run.pos = pos;
    run.line = line;
    // The cursors brought to this line (`within` looks on from where they stand).
    this.#hashes.within(pos, pos);
    run.hashAt = this.#hashes.at;
    run.urlLines = draft.urlLines;
    if (run.urlLines > 0) this.#schemes.within(pos, pos);
    run.schemeAt = run.urlLines > 0 ? this.#schemes.at : this.#src.length;
    skipQuietLines(this.#src, draft.topic.tags, run);
    if (run.lastText >= 0) draft.lastLine = run.lastText;
    draft.urlLines = run.urlLines;
  }

  get pos(): number {
    return this.#run.pos;
  }

  get line(): number {
    return this.#run.line;
  }
}

/** A run of quiet lines: where it starts (then where it stopped) and what the loop needs to know. */
interface QuietRun {
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
function skipQuietLines(src: string, tags: string[], run: QuietRun): void {
  const length = src.length;
  let pos = run.pos;
  let line = run.line;
  let hashAt = run.hashAt;
  let urlLines = run.urlLines;
  let lastText = -1;
  while (pos <= length) {
    const end = lineEndAt(src, pos);
    const s = textStartAt(src, pos, end);
    const first = src.charCodeAt(s);
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
