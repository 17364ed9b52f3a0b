/** Small text helpers shared by the parser, the index and the scorer. */

/**
 * `text.charCodeAt(at)`, or -1 outside the text, without reading outside it. V8 inlines a
 * `charCodeAt` as a load only while its call site has never been asked past the end (where it
 * answers NaN); one such read, in one note, turns that site into a call for every later note. The
 * parser's hot paths read in bounds, or through this.
 */
export function codeAt(text: string, at: number): number {
  return at >= 0 && at < text.length ? text.charCodeAt(at) : -1;
}

const WHITESPACE_RUN = /\s+/g;

/** Trim and collapse runs of whitespace (including full-width spaces) into one space. */
export function collapseWhitespace(text: string): string {
  // Most titles and names are already clean: check before building a new string.
  if (!needsCollapse(text)) return text;
  return text.replace(WHITESPACE_RUN, " ").trim();
}

/**
 * Any whitespace other than single inner spaces. `\s` is exactly what `trim` removes; a regular
 * expression scans a line several times faster than a loop over its character codes. A space at
 * either edge is asked apart: as alternatives (`^ | $`) they would be tried at every character.
 */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;

function needsCollapse(text: string): boolean {
  const last = text.length - 1;
  // Never read past either end: see `codeAt`.
  return last >= 0 && (text.charCodeAt(0) === 0x20 || text.charCodeAt(last) === 0x20 || NEEDS_COLLAPSE.test(text));
}

/** `collapseWhitespace` of `text` with `[start, end)` cut out, without building the cut text when it can. */
export function collapseWithout(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const after = text.slice(end);
  // Whitespace where the two meet collapses to one space: each side collapsed on its own, then joined.
  if (!isWhitespaceCode(codeAt(before, before.length - 1)) && !isWhitespaceCode(codeAt(after, 0))) {
    return collapseWhitespace(before + after);
  }
  // Trimmed first, so that a clean side is returned as it is rather than rebuilt.
  const left = collapseWhitespace(before.trim());
  const right = collapseWhitespace(after.trim());
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

/**
 * The first http(s) URL in the text, without trailing punctuation: what
 * `/https?:\/\/(?:[^\s<>"'`()[\]）」』]|\([^\s<>"'`()[\]）」』]*\))+/i` matches first, found by
 * character codes (several times faster than the expression on every line that holds `://`).
 * One level of parentheses belongs to the URL (`…/Transformer_(deep_learning)`); linear on any text.
 */
export function firstHttpUrl(text: string): string | null {
  const span = findHttpUrl(text);
  return span === null ? null : text.slice(span.start, span.end);
}

/** Where `firstHttpUrl` finds its URL: `text.slice(start, end)`. */
export function findHttpUrl(text: string): { start: number; end: number } | null {
  // `://` three apart at the least, so the candidates' starts come in the text's order.
  for (let colon = text.indexOf("://"); colon >= 0; colon = text.indexOf("://", colon + 3)) {
    const start = schemeStart(text, colon);
    if (start < 0) continue;
    const body = colon + 3;
    let end = urlBodyEnd(text, body);
    if (end === body) continue;
    // Trailing punctuation ends the sentence, not the URL.
    while (end > body && isSentenceEnd(text.charCodeAt(end - 1))) end--;
    return { start, end };
  }
  return null;
}

/** Where `http` or `https` (any case) ends right at `colon`, its start; else -1. */
function schemeStart(text: string, colon: number): number {
  let start = colon;
  if (start > 0 && (text.charCodeAt(start - 1) | 0x20) === 0x73 /* s */) start--;
  if (start < 4) return -1;
  for (let k = 0; k < 4; k++) if ((text.charCodeAt(start - 4 + k) | 0x20) !== HTTP[k]) return -1;
  return start - 4;
}

const HTTP = [0x68, 0x74, 0x74, 0x70];

/** The end of a URL's body from `from`: characters that may stand in a URL, and `(…)` groups of them. */
function urlBodyEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (!isOutsideUrl(code)) {
      at++;
      continue;
    }
    if (code !== 0x28 /* ( */) break;
    let close = at + 1;
    while (close < text.length && !isOutsideUrl(text.charCodeAt(close))) close++;
    if (codeAt(text, close) !== 0x29 /* ) */) break;
    at = close + 1;
  }
  return at;
}

/** Whitespace and ``<>"'`()[]）」』``: what no URL body holds (but a `(…)` group). */
function isOutsideUrl(code: number): boolean {
  if (code < 0x80) return URL_STOPS[code] === 1;
  return code === 0xff09 || code === 0x300d || code === 0x300f || isWhitespaceCode(code);
}

const URL_STOPS = ((): Uint8Array => {
  const table = new Uint8Array(0x80);
  for (const ch of "<>\"'`()[]") table[ch.charCodeAt(0)] = 1;
  for (let code = 0; code < 0x80; code++) if (isWhitespaceCode(code)) table[code] = 1;
  return table;
})();

function isSentenceEnd(code: number): boolean {
  // . , ; : ! ? 。 、
  return (
    code === 0x2e ||
    code === 0x2c ||
    code === 0x3b ||
    code === 0x3a ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x3002 ||
    code === 0x3001
  );
}

export function isHttpUrl(text: string): boolean {
  const first = codeAt(text, 0);
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
