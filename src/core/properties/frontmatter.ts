/**
 * Writing a note's topic entries into its frontmatter (SPEC §4) as a minimal text edit: only the
 * plugin's own keys are (re)written; every other byte — other keys, their order, comments, quoting,
 * blank lines, the body, line endings, a BOM — is left exactly as it was.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Pair } from "yaml";
import { MANAGED_ENTRY_KEYS, noteEntries, type NoteEntries, type TopicEntry } from "./entries";
import { presenterName } from "../index/people-links";
import type { ParsedNote, Presenter } from "../note/model";
import { SESSION_TYPE } from "../note/vocabulary";
import type { Problem } from "../result";

export type FrontmatterCode = "malformed-yaml" | "unclosed-frontmatter" | "not-a-mapping" | "user-key" | "unsafe-edit";

/** A frontmatter problem always names its line; the app localizes from `code` and `detail`. */
export type FrontmatterError = Problem<FrontmatterCode> & { line: number };

export type SyncResult =
  { ok: true; value: { text: string; changed: boolean } } | { ok: false; problem: FrontmatterError };

interface Block {
  /** Offset where the frontmatter's content starts (after the opening `---` line). */
  contentStart: number;
  /** Offset of the closing `---` line. */
  contentEnd: number;
  /** 0-based note line of the first content line. */
  firstLine: number;
}

/**
 * Write `note`'s entries into `text` (whose parse `note` is). Returns the same string when nothing
 * changes. Every write is checked before it is returned: the new frontmatter must parse, and every
 * key but the plugin's must read back the same value; otherwise the sync is refused with the line.
 */
export function syncFrontmatter(
  text: string,
  note: Pick<ParsedNote, "presenters" | "topics" | "date">,
  options: SyncOptions = {},
): SyncResult {
  const entries = noteEntries(note);
  return editProperties(text, (existing) => [
    ...headerKeys(existing, note.date),
    ...entryKeys(entries, existing, note.presenters, options),
  ]);
}

export interface SyncOptions {
  /** Keys a feature sets on topic entries, by title (`linked`, `paper`). */
  extras?: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /**
   * How each presenter is written into `presenters`: a plain name, or a link to a people note
   * (`PeopleLinker.value`). Without it the values already there are kept when they name the same
   * people in the same order (a link stays a link), else plain names are written.
   */
  presenterValue?: (presenter: Presenter) => string;
}

/**
 * Set top-level properties of any note with the same minimal edit: each key whose value differs is
 * rewritten in place, missing ones are appended, every other byte stays. A note without frontmatter gets one.
 */
export function setProperties(text: string, values: ReadonlyArray<readonly [key: string, value: unknown]>): SyncResult {
  return editProperties(text, () => values.map(([key, value]) => [key, value]));
}

/** The note's properties as plain data; null without (readable) frontmatter. */
export function readProperties(text: string): Record<string, unknown> | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const block = findBlock(body);
  if (block === null || block === "unclosed") return null;
  const doc = parseDocument(body.slice(block.contentStart, block.contentEnd));
  if (doc.errors.length > 0) return null;
  const data: unknown = doc.toJS();
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
}

function editProperties(
  text: string,
  wantedFor: (existing: Map<string, Pair<unknown, unknown>> | null) => Wanted[],
): SyncResult {
  // An old-Mac note breaks lines with CR alone: edit it as LF, and give it back with CR.
  if (text.includes("\r") && !text.includes("\n")) {
    const result = editProperties(text.replace(/\r/g, "\n"), wantedFor);
    if (!result.ok || !result.value.changed) return result.ok ? { ok: true, value: { text, changed: false } } : result;
    return { ok: true, value: { text: result.value.text.replace(/\n/g, "\r"), changed: true } };
  }
  return editLines(text, wantedFor);
}

function editLines(
  text: string,
  wantedFor: (existing: Map<string, Pair<unknown, unknown>> | null) => Wanted[],
): SyncResult {
  const bom = text.charCodeAt(0) === 0xfeff ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  const eol = body.includes("\r\n") ? "\r\n" : "\n";
  const block = findBlock(body);
  if (block === "unclosed") {
    return {
      ok: false,
      problem: {
        code: "unclosed-frontmatter",
        line: 0,
        message: "The frontmatter starts on line 1 but has no closing ---.",
      },
    };
  }
  if (block === null) {
    const yaml = wantedFor(null)
      .map(([key, value]) => serialize(key, value))
      .join("");
    return { ok: true, value: { text: `${bom}---${eol}${withEol(yaml, eol)}---${eol}${body}`, changed: true } };
  }
  const content = body.slice(block.contentStart, block.contentEnd);
  const doc = parseDocument(content, { uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    const line = block.firstLine + countLines(content.slice(0, errorOffset(content, problem.pos[0])));
    const detail = firstLine(problem.message);
    return {
      ok: false,
      problem: {
        code: "malformed-yaml",
        line,
        detail,
        message: `Malformed YAML in the frontmatter (line ${line + 1}): ${detail}`,
      },
    };
  }
  if (doc.contents !== null && !(isMap(doc.contents) && !doc.contents.flow)) {
    return {
      ok: false,
      problem: {
        code: "not-a-mapping",
        line: block.firstLine,
        message: "The frontmatter is not a list of properties (key: value lines).",
      },
    };
  }
  const pairs = (doc.contents?.items ?? []) as Array<Pair<unknown, unknown>>;
  const existing = new Map<string, Pair<unknown, unknown>>();
  for (const pair of pairs) if (isScalar(pair.key)) existing.set(String(pair.key.value), pair);
  for (const key of ["presenters", "topics"] as const) {
    const pair = existing.get(key);
    if (pair && !isPluginValue(key, pair.value)) {
      const line = block.firstLine + countLines(content.slice(0, nodeStart(pair.key)));
      return {
        ok: false,
        problem: {
          code: "user-key",
          line,
          detail: key,
          message: `The property "${key}" (line ${line + 1}) holds a value the plugin did not write (${key === "topics" ? "not a list of entries with a title" : "not a list of names"}); it is left as it is. Rename it to let the plugin write its ${key}.`,
        },
      };
    }
  }
  // The top-level keys' indentation (a map may be indented as a whole): written keys get the same.
  const indent = pairs.length > 0 ? columnOf(content, nodeStart(pairs[0]?.key)) : 0;

  const edits: Array<{ from: number; to: number; text: string }> = [];
  const appended: string[] = [];
  const wanted = wantedFor(existing);
  const regions = keyRegions(content, pairs);
  for (const [key, value] of wanted) {
    const pair = existing.get(key);
    if (!pair) {
      appended.push(indented(serialize(key, value), indent));
      continue;
    }
    if (sameValue(pair.value, value)) continue;
    const region = regions.get(pair);
    if (!region) continue;
    edits.push({ from: region.from, to: region.to, text: withEol(indented(serialize(key, value), indent), eol) });
  }
  if (edits.length === 0 && appended.length === 0) return { ok: true, value: { text, changed: false } };

  let next = content;
  for (const edit of edits.sort((a, b) => b.from - a.from))
    next = next.slice(0, edit.from) + edit.text + next.slice(edit.to);
  if (appended.length > 0) {
    const needsBreak = next.length > 0 && !next.endsWith("\n");
    next = `${next}${needsBreak ? eol : ""}${withEol(appended.join(""), eol)}`;
  }
  const result = `${bom}${body.slice(0, block.contentStart)}${next}${body.slice(block.contentEnd)}`;
  const firstEdit = Math.min(...edits.map((e) => e.from), content.length);
  const unsafe = checkWrite(doc, next, new Map(wanted));
  if (unsafe !== null) {
    const line = block.firstLine + countLines(content.slice(0, firstEdit));
    return {
      ok: false,
      problem: {
        code: "unsafe-edit",
        line,
        detail: unsafe,
        message: `The properties cannot take the topic entries here without changing other properties (${unsafe}); nothing was written. Line ${line + 1}.`,
      },
    };
  }
  return { ok: true, value: { text: result, changed: result !== text } };
}

/**
 * Whether `next` (the new frontmatter) is safe: it parses, it is still one block map, every key the
 * plugin does not own has the same value as before, and the plugin's keys hold what was wanted.
 * Returns null when safe, else what went wrong. Anchors, aliases, odd indentation and null keys are
 * all covered by this one check, whatever the edit did.
 */
function checkWrite(before: Document, next: string, wanted: ReadonlyMap<string, unknown>): string | null {
  const after = parseDocument(next, { uniqueKeys: true, prettyErrors: false });
  const error = after.errors[0];
  if (error) return firstLine(error.message);
  if (after.contents !== null && !(isMap(after.contents) && !after.contents.flow)) return "not a map any more";
  const old = plainEntries(before);
  const now = plainEntries(after);
  if (old === null || now === null) return "a key that is not plain text";
  for (const [key, value] of old) {
    if (wanted.has(key)) continue; // the caller's keys to set; checked below to read back as written
    if (!now.has(key) || !deepEqual(now.get(key), value)) return `"${key}" would change`;
  }
  for (const key of now.keys()) {
    if (old.has(key) || wanted.has(key)) continue;
    return `"${key}" would appear`;
  }
  for (const [key, value] of wanted)
    if (!deepEqual(now.get(key), value)) return `"${key}" would not read back as written`;
  return null;
}

/** The top-level entries as plain data; null when a key is not a plain scalar (a null or complex key). */
function plainEntries(doc: Document): Map<string, unknown> | null {
  const out = new Map<string, unknown>();
  if (!isMap(doc.contents)) return out;
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return null;
  }
  for (const pair of doc.contents.items) {
    const raw: unknown = isScalar(pair.key) ? pair.key.value : null;
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") return null;
    const key = String(raw);
    out.set(key, (js as Record<string, unknown>)[key]);
  }
  return out;
}

/** `topics` the plugin wrote: a list of maps with a title. `presenters`: a list of names. Empty is either. */
function isPluginValue(key: "presenters" | "topics", node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null;
  if (isAlias(node) || !isSeq(node)) return false;
  if (key === "presenters") return node.items.every((item) => isScalar(item) && typeof item.value === "string");
  return node.items.every(
    (item) =>
      isMap(item) &&
      item.items.some((pair) => isScalar(pair.key) && pair.key.value === "title" && isScalar(pair.value)),
  );
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function indented(text: string, indent: number): string {
  if (indent === 0) return text;
  const pad = " ".repeat(indent);
  return text.replace(/^(?=.)/gm, pad);
}

/** The `linked` / `unlinked` memory of each topic entry in a note's frontmatter, by title. */
export function entryMemory(text: string): Map<string, { linked: string[]; unlinked: string[] }> {
  const out = new Map<string, { linked: string[]; unlinked: string[] }>();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const block = findBlock(body);
  if (block === null || block === "unclosed") return out;
  const doc = parseDocument(body.slice(block.contentStart, block.contentEnd));
  if (doc.errors.length > 0) return out;
  const data: unknown = doc.toJS();
  const topics = typeof data === "object" && data !== null ? (data as Record<string, unknown>).topics : undefined;
  if (!Array.isArray(topics)) return out;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  for (const entry of topics) {
    if (typeof entry !== "object" || entry === null) continue;
    const record = entry as Record<string, unknown>;
    if (typeof record.title === "string")
      out.set(record.title, { linked: strings(record.linked), unlinked: strings(record.unlinked) });
  }
  return out;
}

function findBlock(body: string): Block | "unclosed" | null {
  const firstBreak = body.indexOf("\n");
  const opening = (firstBreak < 0 ? body : body.slice(0, firstBreak)).replace(/\r$/, "").trimEnd();
  if (opening !== "---" || firstBreak < 0) return opening === "---" ? "unclosed" : null;
  const contentStart = firstBreak + 1;
  let offset = contentStart;
  while (offset <= body.length) {
    const end = body.indexOf("\n", offset);
    const line = body
      .slice(offset, end < 0 ? body.length : end)
      .replace(/\r$/, "")
      .trimEnd();
    if (line === "---" || line === "...") return { contentStart, contentEnd: offset, firstLine: 1 };
    if (end < 0) break;
    offset = end + 1;
  }
  return "unclosed";
}

type Wanted = [key: string, value: unknown];

/** `type` and `date` are added only when absent: a value the user set is theirs. */
function headerKeys(existing: Map<string, unknown> | null, date: string | null): Wanted[] {
  const out: Wanted[] = [];
  if (!existing?.has("type")) out.push(["type", SESSION_TYPE]);
  if (date !== null && !existing?.has("date")) out.push(["date", date]);
  return out;
}

function entryKeys(
  entries: NoteEntries,
  existing: Map<string, Pair<unknown, unknown>> | null,
  presenters: readonly Presenter[],
  { extras, presenterValue }: SyncOptions,
): Wanted[] {
  const previous = existing?.get("topics")?.value;
  let topics = carryExtraKeys(entries.topics, previous && isNodeWithJs(previous) ? previous.toJSON() : undefined);
  if (extras) topics = topics.map((topic) => withExtras(topic, extras.get(topic.title)));
  const names = presenterValue ? presenters.map(presenterValue) : keptPresenters(entries.presenters, existing);
  return [
    ["presenters", names],
    ["topics", topics],
  ];
}

/** The `presenters` already written when they read back as `names` (links kept as links), else `names`. */
function keptPresenters(names: string[], existing: Map<string, Pair<unknown, unknown>> | null): string[] {
  const node = existing?.get("presenters")?.value;
  const current: unknown = node && isNodeWithJs(node) ? node.toJSON() : undefined;
  if (!Array.isArray(current) || current.length !== names.length) return names;
  const same = current.every((value, i) => typeof value === "string" && presenterName(value) === names[i]);
  return same ? (current as string[]) : names;
}

/** Keys a user or a later feature added to an entry (`unlinked`, `rating`) survive a re-sync. */
function carryExtraKeys(topics: TopicEntry[], previous: unknown): TopicEntry[] {
  if (!Array.isArray(previous)) return topics;
  const byTitle = new Map<string, Record<string, unknown>>();
  for (const item of previous) {
    if (typeof item === "object" && item !== null && !Array.isArray(item)) {
      const record = item as Record<string, unknown>;
      if (typeof record.title === "string" && !byTitle.has(record.title)) byTitle.set(record.title, record);
    }
  }
  return topics.map((topic) => {
    const old = byTitle.get(topic.title);
    if (!old) return topic;
    const merged: TopicEntry = { ...topic };
    for (const [key, value] of Object.entries(old)) if (!MANAGED_ENTRY_KEYS.includes(key)) merged[key] = value;
    return merged;
  });
}

/** Keys a feature sets on an entry (`linked`, `unlinked`); an empty list removes the key. */
function withExtras(topic: TopicEntry, extra: Readonly<Record<string, unknown>> | undefined): TopicEntry {
  if (!extra) return topic;
  const merged: TopicEntry = { ...topic };
  for (const [key, value] of Object.entries(extra)) {
    if (MANAGED_ENTRY_KEYS.includes(key)) continue;
    if (Array.isArray(value) && value.length === 0) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function isNodeWithJs(value: unknown): value is { toJSON(): unknown } {
  return typeof value === "object" && value !== null && "toJSON" in value && typeof value.toJSON === "function";
}

/**
 * The text range of each top-level pair: from its key's line to the line before the next key,
 * less trailing blank and column-0 comment lines (those sit between keys and are left alone).
 */
function keyRegions(
  content: string,
  pairs: ReadonlyArray<Pair<unknown, unknown>>,
): Map<Pair<unknown, unknown>, { from: number; to: number }> {
  const starts = pairs.map((pair) => lineStart(content, nodeStart(pair.key)));
  const regions = new Map<Pair<unknown, unknown>, { from: number; to: number }>();
  pairs.forEach((pair, i) => {
    const from = starts[i] ?? 0;
    let to = starts[i + 1] ?? content.length;
    for (;;) {
      const lastLineStart = content.lastIndexOf("\n", to - 2) + 1;
      if (lastLineStart <= from) break;
      const line = content.slice(lastLineStart, to).trim();
      if (line !== "" && !content.startsWith("#", lastLineStart)) break;
      to = lastLineStart;
    }
    regions.set(pair, { from, to });
  });
  return regions;
}

function nodeStart(node: unknown): number {
  if (typeof node === "object" && node !== null && "range" in node && Array.isArray(node.range)) {
    const start: unknown = node.range[0];
    if (typeof start === "number") return start;
  }
  return 0;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** `presenters` and `tags` as flow lists, titles double-quoted, nothing folded: as SPEC §4 shows. */
function serialize(key: string, value: unknown): string {
  const doc = new Document({ [key]: value });
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      const name = String(pair.key.value);
      if ((name === "presenters" || name === "tags") && isSeq(pair.value)) pair.value.flow = true;
      if (name === "title" && isScalar(pair.value)) pair.value.type = "QUOTE_DOUBLE";
      // Links double-quoted, as Obsidian writes a link property.
      if (name === "presenters" && isSeq(pair.value))
        for (const item of pair.value.items)
          if (isScalar(item) && typeof item.value === "string" && item.value.startsWith("[["))
            item.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function sameValue(node: unknown, value: unknown): boolean {
  const current = isNodeWithJs(node) ? node.toJSON() : node;
  return deepEqual(current, value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const otherKeys = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => deepEqual(ra[key], rb[key]));
}

function withEol(text: string, eol: string): string {
  return eol === "\n" ? text : text.replace(/\r?\n/g, eol);
}

/**
 * Where to point the user. An unclosed `[`, `{` or quote is only noticed at the end of the block:
 * the key that opened it (the last line starting at column 0) is the line to fix.
 */
function errorOffset(content: string, offset: number): number {
  if (content.slice(offset).trim() !== "") return offset;
  const lines = content.slice(0, offset).split("\n");
  let start = offset - (lines[lines.length - 1]?.length ?? 0);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? "";
    if (/^[^\s#]/.test(line)) return start;
    start -= (lines[i - 1]?.length ?? 0) + 1;
  }
  return offset;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
