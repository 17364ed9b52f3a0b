/**
 * The bulk of a note: runs of body lines that a topic takes as they are, read by one small loop so
 * that the parser's own loop, with all its states, sees only the lines that may change something.
 */
import { opensStructure, readHashtagsIn } from "./grammar";
import { lineEndAt, textStartAt, type NextMatch } from "./line-scan";

/** What a run of quiet lines changes in its topic's draft: the last line with text, the URL lines left, the tags. */
export interface QuietTopic {
  lastLine: number;
  urlLines: number;
  readonly topic: { readonly tags: string[] };
}

/** Runs of quiet lines of one note, with the note's `#` and `://` cursors. */
export class QuietLines {
  /** Where the last run stopped: the offset and number of the first line left to the parser. */
  pos = 0;
  line = 0;

  readonly #src: string;
  readonly #hashes: NextMatch;
  readonly #schemes: NextMatch;

  constructor(src: string, hashes: NextMatch, schemes: NextMatch) {
    this.#src = src;
    this.#hashes = hashes;
    this.#schemes = schemes;
  }

  /**
   * Reads the lines `draft` takes as they are from line number `line` at offset `pos`: blank ones,
   * and ones whose first character opens nothing, their `#tags` read into its tags. A line that may
   * open something, or may give the topic its URL (`://` while `urlLines` > 0), is left.
   */
  skip(pos: number, line: number, draft: QuietTopic): void {
    const src = this.#src;
    const length = src.length;
    const tags = draft.topic.tags;
    // The cursors brought to this line (`within` looks on from where they stand).
    this.#hashes.within(pos, pos);
    let hashAt = this.#hashes.at;
    let urlLines = draft.urlLines;
    if (urlLines > 0) this.#schemes.within(pos, pos);
    const schemeAt = urlLines > 0 ? this.#schemes.at : length;
    let lastText = -1;
    while (pos <= length) {
      const head = pos < length ? src.charCodeAt(pos) : 0x0a; // in bounds: see `NoteParser.run`
      const end = head === 0x0a ? pos : lineEndAt(src, pos);
      const s = textStartAt(src, pos, end, head);
      if (s < end) {
        if (opensStructure(src, s, s === pos ? head : src.charCodeAt(s))) break;
        if (urlLines > 0) {
          if (schemeAt < end) break;
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
    this.pos = pos;
    this.line = line;
    // The next `#` found here is the cursor's: the text is not searched for it again.
    this.#hashes.at = hashAt;
    if (lastText >= 0) draft.lastLine = lastText;
    draft.urlLines = urlLines;
  }
}
