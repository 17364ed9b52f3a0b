/**
 * A topic's title line read into its title and link target (SPEC §2): links give their text and
 * their target, a bare URL is taken out, trailing #tags, a block id and emphasis marks dropped.
 */
import { isTrimmed } from "./line-scan";
import { codeAt, collapseWhitespace, collapseWithout, findHttpUrl, firstHttpUrl, isHttpUrl } from "../text";

export interface Title {
  title: string;
  url: string | null;
}

// Linear on any line: no class below can run past a `[` (the next place a link may start), so a
// failed attempt never rescans what the next attempt scans (1 MB of `[[[[` or `[x](http://` runs).
// A target may hold one level of parentheses (`…/Transformer_(deep_learning)`).
const MD_LINK = /\[([^[\]]*)\]\(((?:[^\s()[\]]|\([^\s()[\]]*\))+)(?:\s+"[^"[\]]*")?\)/g;
const WIKI_LINK = /\[\[([^[\]|#^]*)(?:[#^][^[\]|]*)?(?:\|([^[\]]*))?\]\]/g;
const EMPHASIS_EDGES = /^(?:\*\*|__|\*|_)(.+?)(?:\*\*|__|\*|_)$/;

/** `Title ^topic-1a2b` → `Title`: a block id marks the line for links and is no part of the title. */
function withoutBlockId(text: string): string {
  let end = text.length;
  while (end > 0 && isTrimmed(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isIdCode(text.charCodeAt(start - 1))) start--;
  if (start === end || start < 2 || text[start - 1] !== "^" || !isTrimmed(text.charCodeAt(start - 2))) return text;
  let cut = start - 1;
  while (cut > 0 && isTrimmed(text.charCodeAt(cut - 1))) cut--;
  return text.slice(0, cut);
}

/** `Title #rag #llm` → `Title`: trailing #tags are the topic's tags (numeric ones like `#1` stay). */
function withoutTrailingTags(text: string): string {
  let end = text.length;
  while (end > 0 && isTrimmed(text.charCodeAt(end - 1))) end--;
  let keep = text.length;
  for (;;) {
    let start = end;
    while (start > 0 && !isTrimmed(text.charCodeAt(start - 1))) start--;
    if (!isTagWord(text, start, end) || start === 0 || !isTrimmed(text.charCodeAt(start - 1))) {
      return text.slice(0, keep);
    }
    keep = start;
    end = start;
    while (end > 0 && isTrimmed(text.charCodeAt(end - 1))) end--;
  }
}

/**
 * Whether `text[start, end)` is a #tag: `#`, then no other `#`, and not digits alone (`#1`). Read by
 * character codes: a title of thousands of tags is not cut into thousands of words.
 */
function isTagWord(text: string, start: number, end: number): boolean {
  if (end - start < 2 || text.charCodeAt(start) !== 0x23 /* # */) return false;
  let digits = true;
  for (let k = start + 1; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code === 0x23) return false;
    if (code < 0x30 || code > 0x39) digits = false;
  }
  return !digits;
}

function isIdCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2d
  );
}

// Anything that makes a title more than its text: a block id, a link, a tag, whitespace to collapse
// (as `collapseWhitespace` tests it: every `\s` but the space spelled out, which V8 matches faster
// than `[^\S ]`), a URL. Most titles have none and are read by this one test.
const TITLE_MARKUP = /[\^[#\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $|http/g;

/** Title text and link target of a title line (after its tag). */
export function readTitle(text: string): Title {
  const markup = titleMarkupAt(text);
  if (markup < 0) return { title: withoutEmphasis(text), url: null };
  // `Title https://…`, the most common title with markup: the expression has found the text before
  // the URL clean (no link, tag or block id, whitespace single spaces), so the URL is cut off as is.
  if (markup > 0 && text.charCodeAt(markup - 1) === 0x20 && text.startsWith("http", markup)) {
    const span = findHttpUrl(text);
    if (span !== null && span.start === markup && span.end === text.length) {
      return { title: withoutEmphasis(text.slice(0, markup - 1)), url: text.slice(markup) };
    }
  }
  let url: string | null = null;
  // A block id (` ^topic-1a2b`) marks the line for links; it is no part of the title.
  let title = text.includes("^") ? withoutBlockId(text) : text;
  if (title.includes("[")) {
    title = title.replace(WIKI_LINK, (_whole, target: string, alias: string | undefined) => {
      url ??= target.trim();
      return (alias ?? target).trim();
    });
    title = title.replace(MD_LINK, (_whole, label: string, target: string) => {
      // Only http(s) targets are URLs: `javascript:`, `data:` and relative paths are not kept.
      if (isHttpUrl(target)) url ??= target;
      return label;
    });
  }
  // `collapseWithout` hands back collapsed text: no second pass over it when no tag is to be cut.
  let collapsed = false;
  if (url === null && title.includes("http")) {
    const bare = firstHttpUrl(title);
    if (bare !== null) {
      url = bare;
      const at = title.indexOf(bare);
      const without = collapseWithout(title, at, at + bare.length);
      if (without !== "") {
        title = without;
        collapsed = true;
      }
    }
  }
  if (title.includes("#")) {
    const untagged = collapseWhitespace(withoutTrailingTags(title));
    title = untagged === "" ? collapseWhitespace(title) : untagged;
  } else if (!collapsed) {
    title = collapseWhitespace(title);
  }
  return { title: withoutEmphasis(title), url };
}

/**
 * Where `text.search(TITLE_MARKUP)` finds the first markup, or -1, by one `test` (a search costs
 * more per call, and most titles have none): from where the match ends, as `http` ends in `p`, two
 * spaces in a space after a space (a lone space is an edge), and every other kind is one character.
 */
export function titleMarkupAt(text: string): number {
  TITLE_MARKUP.lastIndex = 0;
  if (!TITLE_MARKUP.test(text)) return -1;
  const end = TITLE_MARKUP.lastIndex;
  const last = text.charCodeAt(end - 1);
  if (last === 0x70 /* p */) return end - 4;
  return last === 0x20 && codeAt(text, end - 2) === 0x20 ? end - 2 : end - 1;
}

/** `**Title**` → `Title`. */
function withoutEmphasis(title: string): string {
  const edge = codeAt(title, 0);
  if (edge !== 0x2a && edge !== 0x5f) return title;
  const emphasis = EMPHASIS_EDGES.exec(title);
  return emphasis?.[1] ? emphasis[1].trim() : title;
}
