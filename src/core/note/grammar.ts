/**
 * Line-level recognizers of the note grammar (SPEC §2). Each takes one trimmed line (the `…At` forms
 * its range in the note's text, so the parser need not cut it out) and answers cheaply: the parser
 * calls them on every line of every note, so the common case (a bullet, a paragraph) is rejected on
 * its first character without a regular expression.
 */
import { BLANK, BULLET, CHAR_CLASS, TAG_BEFORE, TAG_END, TIGHT_BULLET } from "./chars";
import { sliceTrimmed } from "./line-scan";
import { MAIN_MARKER_FORMS, TOPIC_MARKER_FORMS } from "./vocabulary";
import { codeAt, collapseWhitespace, foldKey } from "../text";

export interface Heading {
  level: number;
  text: string;
}

/** `### text` → level 3 and `text`; a line without heading marks is level 0. */
export function stripHeading(trimmed: string): Heading {
  const level = headingLevelAt(trimmed, 0, trimmed.length);
  return level === 0 ? { level, text: trimmed } : { level, text: sliceTrimmed(trimmed, level, trimmed.length) };
}

/**
 * The heading level of the trimmed line `src[start, end)`: its `#` marks, when one to six and
 * followed by a space, a tab or nothing; else 0 (`#tag` is no heading). Its text starts after them.
 */
export function headingLevelAt(src: string, start: number, end: number): number {
  let at = start;
  while (at < end && src.charCodeAt(at) === 0x23 /* # */) at++;
  const level = at - start;
  if (level === 0 || level > 6) return 0;
  if (at === end) return level;
  const next = src.charCodeAt(at);
  return next === 0x20 || next === 0x09 ? level : 0;
}

/** Length of the list marker at the start of `trimmed` (`- `, `• `, `12. `), or 0. */
export function listMarkerLength(trimmed: string): number {
  return listMarkerLengthAt(trimmed, 0, trimmed.length);
}

/** `listMarkerLength` of the trimmed text `src[start, end)`, without cutting it out. */
export function listMarkerLengthAt(src: string, start: number, end: number): number {
  if (start >= end) return 0;
  const code = src.charCodeAt(start);
  const bullet = (CHAR_CLASS[code] ?? 0) & (BULLET | TIGHT_BULLET);
  if (bullet !== 0) {
    if (end - start === 1) return 1;
    const second = src.charCodeAt(start + 1);
    if (second === 0x20 || second === 0x09 || second === 0x3000) return 2;
    // Bullets that are never anything else may touch their text (`•text`); ASCII ones (and `・`) need a space.
    return bullet & TIGHT_BULLET ? 1 : 0;
  }
  if (code >= 0x30 && code <= 0x39) {
    let i = start + 1;
    while (i < end && i - start < 10 && isDigit(src.charCodeAt(i))) i++;
    const mark = i < end ? src.charCodeAt(i) : -1;
    if ((mark === 0x2e /* . */ || mark === 0x29) /* ) */ && (i + 1 === end || src.charCodeAt(i + 1) === 0x20)) {
      return i - start + 1 + (i + 1 < end ? 1 : 0);
    }
  }
  return 0;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Lines that are never a topic title: quotes, callouts, tables, rules, embeds, comments. */
export function isNeverTitle(text: string): boolean {
  return isNeverTitleAt(text, 0, text.length);
}

/** `isNeverTitle` of the trimmed text `src[start, end)`. */
export function isNeverTitleAt(src: string, start: number, end: number): boolean {
  const first = start < end ? src.charCodeAt(start) : -1;
  // > | % < !
  if (first === 0x3e || first === 0x7c || first === 0x25 || first === 0x3c || first === 0x21) return true;
  if (first !== 0x2d /* - */ && first !== 0x2a /* * */ && first !== 0x5f /* _ */) return false;
  return /^(?:-{3,}|\*{3,}|_{3,})$/.test(src.slice(start, end).replace(/\s+/g, ""));
}

export interface Tag {
  /** Text between the brackets, trimmed. */
  tag: string;
  /** What follows the closing bracket, trimmed. */
  rest: string;
}

const MAX_TAG_LENGTH = 24;

/**
 * A leading kind tag `[blog]` / `［論文］`. Not a tag: `[[wiki]]`, `[text](url)`, a checkbox `[ ]`
 * or `[x]`, or an over-long bracket (a sentence in brackets).
 */
export function readTag(text: string): Tag | null {
  return readTagAt(text, 0, text.length);
}

/** `readTag` of the trimmed text `src[start, end)`: the tag and the rest are the only cuts. */
export function readTagAt(src: string, start: number, end: number): Tag | null {
  const first = start < end ? src.charCodeAt(start) : -1;
  if (first !== 0x5b /* [ */ && first !== 0xff3b /* ［ */) return null;
  if (start + 1 < end && src.charCodeAt(start + 1) === 0x5b) return null;
  let close = -1;
  for (let i = start + 1; i < end && i - start <= MAX_TAG_LENGTH + 1; i++) {
    const code = src.charCodeAt(i);
    if (code === 0x5d /* ] */ || code === 0xff3d /* ］ */) {
      close = i;
      break;
    }
    if (code === 0x5b || code === 0xff3b) return null;
  }
  if (close < 0) return null;
  if (close + 1 < end && src.charCodeAt(close + 1) === 0x28 /* ( */) return null;
  const tag = sliceTrimmed(src, start + 1, close);
  if (tag === "" || tag === "x" || tag === "X" || tag.charCodeAt(0) === 0x21 /* ! */) return null;
  return { tag, rest: sliceTrimmed(src, close + 1, end) };
}

export type Marker = { type: "topics" } | { type: "main"; title: string | null };

const TOPIC_MARKERS = new Set(TOPIC_MARKER_FORMS.map(foldMarker));
const MAIN_MARKERS = new Set(MAIN_MARKER_FORMS.map(foldMarker));

/** A character code as marker matching sees it: full-width ASCII as ASCII, letters lower-cased. */
function foldCode(code: number): number {
  const c = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** The first four characters of every marker form, folded: a line that starts otherwise is no marker. */
const MARKER_PREFIXES: readonly number[][] = [
  ...new Set([...TOPIC_MARKER_FORMS, ...MAIN_MARKER_FORMS].map((form) => foldMarker(form).slice(0, 4))),
].map((prefix) => Array.from(prefix, (ch) => ch.charCodeAt(0)));
const MARKER_FIRST = new Set(MARKER_PREFIXES.map((prefix) => prefix[0] ?? 0));

/**
 * A cheap gate: may the line starting at `s` be a section marker? Compares at most four characters
 * with the vocabulary's marker forms, without cutting the line out; almost every line fails it.
 */
export function mayOpenMarkerAt(src: string, s: number): boolean {
  return ((LINE_OPENERS[codeAt(src, s)] ?? 0) & MAY_OPEN_MARKER) !== 0 && markerPrefixAt(src, s);
}

function markerPrefixAt(src: string, s: number): boolean {
  // The first character folded once: most lines that get here (`the …`) fail on their second.
  const first = foldCode(src.charCodeAt(s));
  next: for (const prefix of MARKER_PREFIXES) {
    // A prefix longer than the text left is no match, and is not read past its end (see `codeAt`).
    if (prefix[0] !== first || s + prefix.length > src.length) continue;
    for (let k = 1; k < prefix.length; k++) if (foldCode(src.charCodeAt(s + k)) !== prefix[k]) continue next;
    return true;
  }
  return false;
}

/** First characters of headings, fences, presenter lines and tags (`#`, `` ` ``, `~`, `@`, `＠`, `[`, `［`). */
const STRUCTURE_FIRST = [0x23, 0x60, 0x7e, 0x40, 0xff20, 0x5b, 0xff3b];

const OPENS_STRUCTURE = 1;
const MAY_OPEN_MARKER = 2;

/**
 * What a line's first character may open, by character code: one lookup on every line of every
 * note (64 KB, built once from the marker forms and the structure characters).
 */
const LINE_OPENERS = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (const code of STRUCTURE_FIRST) table[code] = OPENS_STRUCTURE;
  for (const first of MARKER_FIRST) {
    // Every code `foldCode` takes to `first`: itself, its upper case and their full-width forms.
    for (const code of [first, first - 0x20, first + 0xfee0, first - 0x20 + 0xfee0]) {
      if (code >= 0 && code < 0x10000 && foldCode(code) === first) table[code] = (table[code] ?? 0) | MAY_OPEN_MARKER;
    }
  }
  return table;
})();

/**
 * Whether the line whose first non-blank character, `code`, is at `s` may be anything but body text:
 * a heading, fence, presenter or tag by that character, or a section marker by its first four.
 */
export function opensStructure(src: string, s: number, code: number): boolean {
  const opens = LINE_OPENERS[code] ?? 0;
  return opens !== 0 && ((opens & OPENS_STRUCTURE) !== 0 || markerPrefixAt(src, s));
}

function foldMarker(text: string): string {
  return collapseWhitespace(text.normalize("NFKC").toLowerCase().replace(/[’‘`]/g, "'"));
}

const MARKER_QUOTES = /[’‘`]/;
const FOLDED_MARKERS = [...TOPIC_MARKERS, ...MAIN_MARKERS];

/**
 * The marker form that `text` up to `end` spells as the vocabulary folds it (full width and case
 * aside), compared by character; then `foldMarker` would give the same, without normalizing. Other
 * spellings (quotes, extra spaces, compatibility forms) are left to `markerKey`.
 */
function spelledMarker(text: string, end: number): string | null {
  next: for (const form of FOLDED_MARKERS) {
    if (form.length !== end) continue;
    for (let k = 0; k < end; k++) if (foldCode(text.charCodeAt(k)) !== form.charCodeAt(k)) continue next;
    return form;
  }
  return null;
}

/**
 * `foldMarker` of a line's head, through `foldKey`'s cache: the same heads recur in every note. The
 * quotes may be replaced after folding, as NFKC, lower case and whitespace leave them as they are.
 */
function markerKey(text: string): string {
  const key = foldKey(text);
  return MARKER_QUOTES.test(key) ? key.replace(/[’‘`]/g, "'") : key;
}

/**
 * A section marker line. A line that merely starts with a marker (Notion's run-together table of
 * contents: the topics heading run together with `[blog] Looker…`) is not one.
 */
export function readMarker(text: string): Marker | null {
  if (!mayOpenMarkerAt(text, 0)) return null;
  const colon = indexOfColon(text);
  const headEnd = colon >= 0 ? colon : text.length;
  const head = spelledMarker(text, headEnd) ?? markerKey(text.slice(0, headEnd));
  if (MAIN_MARKERS.has(head)) {
    // Trimmed first: the space after the colon would otherwise make every title a collapse.
    const title = colon >= 0 ? collapseWhitespace(text.slice(colon + 1).trim()) : "";
    return { type: "main", title: title === "" ? null : title };
  }
  if (TOPIC_MARKERS.has(head) && (colon < 0 || text.slice(colon + 1).trim() === "")) return { type: "topics" };
  return null;
}

/** The first `:` or `：` in `text`, or -1. */
function indexOfColon(text: string): number {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === 0x3a || code === 0xff1a) return k;
  }
  return -1;
}

/** A main-topic title line without its marker (`<main marker>: Title` → `Title`); other lines as they are. */
export function afterMainMarker(text: string): string {
  const marker = readMarker(text);
  return marker?.type === "main" && marker.title !== null ? marker.title : text;
}

const MAX_PRESENTER_LENGTH = 80;

/** The text after `@`/`＠` on a presenter line, or null. */
export function readPresenter(text: string): string | null {
  return readPresenterAt(text, 0, text.length);
}

/** `readPresenter` of the trimmed text `src[start, end)`. */
export function readPresenterAt(src: string, start: number, end: number): string | null {
  const first = start < end ? src.charCodeAt(start) : -1;
  if (first !== 0x40 /* @ */ && first !== 0xff20 /* ＠ */) return null;
  const name = sliceTrimmed(src, start + 1, end);
  if (name === "" || name.length > MAX_PRESENTER_LENGTH || name.includes("://")) return null;
  return name;
}

/**
 * `#tags` in a line, without `#`; purely numeric ones (`#1`) are not tags, as in Obsidian. A plain
 * scan of character codes rather than a regular expression: it runs on every line that holds a `#`.
 */
const MAX_TAGS = 64;

export function readHashtags(text: string, into: string[]): void {
  readHashtagsIn(text, 0, text.length, into);
}

/**
 * `readHashtags` of the text `src[start, end)`, without cutting it out; `from` is where to look for
 * the first `#` (the parser knows it already).
 */
export function readHashtagsIn(src: string, start: number, end: number, into: string[], from = start): void {
  let at = nextHash(src, from, end);
  while (at >= 0) {
    let stop = at + 1;
    if (at === start || (CHAR_CLASS[src.charCodeAt(at - 1)] ?? 0) & (TAG_BEFORE | BLANK)) {
      let digits = true;
      for (; stop < end; stop++) {
        const code = src.charCodeAt(stop);
        if ((CHAR_CLASS[code] ?? 0) & (TAG_END | BLANK)) break;
        if (code < 0x30 || code > 0x39) digits = false;
      }
      if (stop > at + 1 && !digits) {
        const tag = src.slice(at + 1, stop);
        if (!into.includes(tag)) {
          // A topic holds a handful of tags; a line of thousands is junk, and `includes` would make it quadratic.
          if (into.length >= MAX_TAGS) return;
          into.push(tag);
        }
      }
    }
    at = nextHash(src, stop, end);
  }
}

/** The next `#` in `[from, end)`, or -1: the few characters next looked at first (tags come in runs). */
function nextHash(text: string, from: number, end: number): number {
  const near = Math.min(end, from + 8);
  for (let k = from; k < near; k++) if (text.charCodeAt(k) === 0x23) return k;
  if (near >= end) return -1;
  const at = text.indexOf("#", near);
  return at < end ? at : -1;
}

/** A list item's text: `[name] …` at its start marks a comment by that person. */
export function isComment(itemText: string): boolean {
  const tag = readTag(itemText);
  return tag !== null;
}

// Section labels of a paper summary (ours and the ones people write by hand) are structure, not
// a topic's summary.
const SECTION_LABELS = new Set(
  [
    "概要",
    "背景",
    "背景・課題",
    "課題",
    "提案手法",
    "手法",
    "実験",
    "結果",
    "まとめ",
    "所感",
    "所感・議論",
    "議論",
    "感想",
    "summary",
    "abstract",
    "overview",
    "introduction",
    "background",
    "method",
    "methods",
    "experiments",
    "results",
    "discussion",
    "conclusion",
    "notes",
  ].map(foldKey),
);

/** A bare section label (`概要`), or a field with no value yet (`Authors:`). */
export function isSectionLabel(text: string): boolean {
  if (text.length > 24) return false; // labels are short; folding long lines would cost more than parsing them
  if (!mayBeSectionLabel(text)) return false;
  const key = foldKey(text);
  if (SECTION_LABELS.has(key)) return true;
  const last = codeAt(key, key.length - 1);
  return (last === 0x3a || last === 0xff1a) && /^[^:：]{1,20}[:：]$/.test(key);
}

const LABEL_FIRSTS = new Set(Array.from(SECTION_LABELS, (label) => label.charCodeAt(0)));

/**
 * An exact test that spares most lines the fold: a text that starts and ends with characters the fold
 * keeps (ASCII letters but for case, digits, kana, kanji; the second one too, or the first could
 * combine with it) has a key starting and ending with them, so it is a label only by its first
 * character, and never a field (it ends in no colon).
 */
function mayBeSectionLabel(text: string): boolean {
  const first = text.charCodeAt(0);
  const kept = keptByFold(first) && (text.length < 2 || keptByFold(text.charCodeAt(1)));
  if (!kept || !keptByFold(text.charCodeAt(text.length - 1))) return true;
  return LABEL_FIRSTS.has(first >= 0x41 && first <= 0x5a ? first | 0x20 : first);
}

/** Characters that NFKC leaves as they are, that never combine with what follows, and that lower case keeps or only lowers. */
function keptByFold(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}
