/**
 * Whether a text needs NFKC before its words are read: NFKC copies the whole text, and most notes,
 * Japanese included, are already in the form it would give; the tokenizer reads a text as it is until
 * a character NFKC may change. Imports nothing.
 */

/**
 * Characters NFKC leaves as they are, alone and beside each other: ASCII, kana, the common kanji,
 * the Japanese comma, full stop, iteration mark and corner brackets, and the bullet. Not the
 * full-width forms, voiced-sound marks or combining marks, which it changes or joins.
 */
export function nfkcStable(code: number): boolean {
  return (
    code < 0x80 ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fc) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    code === 0x3001 ||
    code === 0x3002 ||
    code === 0x3005 ||
    (code >= 0x300c && code <= 0x300f) ||
    code === 0x2022
  );
}
