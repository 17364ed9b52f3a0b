/** Small text helpers shared by the parser, the index and the scorer. */

const WHITESPACE_RUN = /\s+/g;

/** Trim and collapse runs of whitespace (including full-width spaces) into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, " ").trim();
}

/** Key for comparing names, tags and kinds: NFKC (full-width → half-width), lower case, one space. */
export function foldKey(text: string): string {
  // NFKC leaves ASCII unchanged, and most keys (names, English tags) are ASCII.
  const normalized = NON_ASCII.test(text) ? text.normalize("NFKC") : text;
  return collapseWhitespace(normalized.toLowerCase());
}

const NON_ASCII = /[\u0080-\uffff]/;

const HTTP_URL = /https?:\/\/[^\s<>"'`)\]）」』]+/i;

/** The first http(s) URL in the text, without trailing punctuation. */
export function firstHttpUrl(text: string): string | null {
  const match = HTTP_URL.exec(text);
  if (!match) return null;
  return match[0].replace(/[.,;:!?。、]+$/u, "");
}

export function isHttpUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}

/** Cut to at most `max` characters (code points), never in the middle of a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("");
}
