/**
 * What a UTF-16 code unit may be in the note grammar, as bit flags in one 64 KB table: the scans
 * that run over a tag or a line's head test a character with one lookup, kana and kanji included
 * (a set of code points would cost a hash lookup for every character of a Japanese tag).
 */
import { isWhitespaceCode } from "../text";

/** Whitespace as `String.prototype.trim` removes it. */
export const BLANK = 1;
/** May stand before a `#tag`: an opening bracket or a list comma (whitespace aside). */
export const TAG_BEFORE = 2;
/** Ends a `#tag` (whitespace aside). */
export const TAG_END = 4;
/** A list bullet that needs a space after it (`-`, `*`, `+`, `・`). */
export const BULLET = 8;
/** A bullet that may touch its text (`•text`). */
export const TIGHT_BULLET = 16;

export const CHAR_CLASS: Uint8Array = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  const mark = (chars: string, flag: number): void => {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = (table[chars.charCodeAt(i)] ?? 0) | flag;
  };
  for (let code = 0; code < 0x10000; code++) if (isWhitespaceCode(code)) table[code] = BLANK;
  mark(" \t\u3000(（、,，", TAG_BEFORE);
  mark(" \t\u3000#.,;:!?'\"()（）[]{}、。，「」【】<>", TAG_END);
  mark("-*+・•‣◦", BULLET);
  mark("•‣◦", TIGHT_BULLET);
  return table;
})();
