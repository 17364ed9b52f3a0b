/** Small text helpers shared by the parser, the index and the scorer. */

const WHITESPACE_RUN = /\s+/g;

/** Trim and collapse runs of whitespace (including full-width spaces) into one space. */
export function collapseWhitespace(text: string): string {
  // Most titles and names are already clean: check before building a new string.
  if (!needsCollapse(text)) return text;
  return text.replace(WHITESPACE_RUN, " ").trim();
}

/**
 * Any whitespace other than single inner spaces. `\s` is exactly what `trim` removes; a regular
 * expression scans a line several times faster than a loop over its character codes.
 */
const NEEDS_COLLAPSE = /[^\S ]| {2}|^ | $/;

function needsCollapse(text: string): boolean {
  return NEEDS_COLLAPSE.test(text);
}

/** `collapseWhitespace` of `text` with `[start, end)` cut out, without building the cut text when it can. */
export function collapseWithout(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const after = text.slice(end);
  // Whitespace where the two meet collapses to one space: each side collapsed on its own, then joined.
  if (!isWhitespaceCode(before.charCodeAt(before.length - 1)) && !isWhitespaceCode(after.charCodeAt(0))) {
    return collapseWhitespace(before + after);
  }
  const left = collapseWhitespace(before);
  const right = collapseWhitespace(after);
  return left === "" ? right : right === "" ? left : `${left} ${right}`;
}

/** Exactly what `String.prototype.trim` removes (and `\s` matches), by code unit. */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  // Kana and kanji (most characters of a Japanese note) are past the last space but U+FEFF.
  if (code > 0x3000) return code === 0xfeff;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Key for comparing names, tags and kinds: NFKC (full-width → half-width), lower case, one space. */
export function foldKey(text: string): string {
  let key = foldCache.get(text);
  if (key === undefined) {
    // NFKC leaves ASCII unchanged, and most keys (names, English tags) are ASCII.
    const normalized = NON_ASCII.test(text) ? text.normalize("NFKC") : text;
    key = collapseWhitespace(normalized.toLowerCase());
    if (foldCache.size >= FOLD_CACHE_SIZE) foldCache.clear();
    foldCache.set(text, key);
  }
  return key;
}

// Names, tags and kinds repeat across every note of a vault: folding each spelling once saves the
// parser a third of its time. Bounded, and simply emptied when full.
const FOLD_CACHE_SIZE = 4096;
const foldCache = new Map<string, string>();

const NON_ASCII = /[\u0080-\uffff]/;

// One level of parentheses belongs to the URL (`…/Transformer_(deep_learning)`); linear on any text.
// Global only to be searched from an offset (`lastIndex`), set before every use.
const HTTP_URL = /https?:\/\/(?:[^\s<>"'`()[\]）」』]|\([^\s<>"'`()[\]）」』]*\))+/gi;

/** The first http(s) URL in the text, without trailing punctuation. */
export function firstHttpUrl(text: string): string | null {
  // Most lines hold no URL: looking for `://` first is several times cheaper than the expression,
  // and no match starts more than five characters (`https`) before the first `://`.
  const scheme = text.indexOf("://");
  if (scheme < 0) return null;
  HTTP_URL.lastIndex = Math.max(0, scheme - 5);
  const match = HTTP_URL.exec(text);
  if (!match) return null;
  // Trailing punctuation ends the sentence, not the URL (a loop: a regex here is quadratic on dots).
  const url = match[0];
  let end = url.length;
  while (end > 0 && ".,;:!?。、".includes(url[end - 1] ?? "")) end--;
  return url.slice(0, end);
}

export function isHttpUrl(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first !== 0x68 /* h */ && first !== 0x48 /* H */) return false;
  return /^https?:\/\/\S+$/i.test(text);
}

/** Cut to at most `max` characters (code points), never in the middle of a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a pair: same code point
    if (count === max) return text.slice(0, i);
    count++;
  }
  return text;
}
