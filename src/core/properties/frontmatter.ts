/**
 * Writing a note's topic entries into its frontmatter (SPEC §4) as a minimal text edit: only the
 * plugin's own keys are (re)written; every other byte — other keys, their order, comments, quoting,
 * blank lines, the body, line endings, a BOM — is left exactly as it was.
 */
import { MANAGED_ENTRY_KEYS, noteEntries, type NoteEntries, type TopicEntry } from "./entries";
import { presenterName } from "../index/people-links";
import type { ParsedNote, Presenter } from "../note/model";
import { SESSION_TYPE } from "../note/vocabulary";
import { ok, type Problem } from "../result";
import { type ContentProblem, isMap, keyRegions, readFrontmatter, writtenAsNode } from "./frontmatter-locator";
import { emitEntry, isPlainObject } from "./yaml-emit";
import { readYaml } from "./yaml-parser";

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
  const read = readYaml(body.slice(block.contentStart, block.contentEnd));
  return read.ok && isMap(read.value) ? read.value : null;
}

function editProperties(
  text: string,
  wantedFor: (existing: ReadonlyMap<string, unknown> | null) => Wanted[],
): SyncResult {
  // An old-Mac note breaks lines with CR alone: edit it as LF, and give it back with CR.
  if (text.includes("\r") && !text.includes("\n")) {
    const result = editProperties(text.replace(/\r/g, "\n"), wantedFor);
    if (!result.ok || !result.value.changed) return result.ok ? ok({ text, changed: false }) : result;
    return ok({ text: result.value.text.replace(/\n/g, "\r"), changed: true });
  }
  return editLines(text, wantedFor);
}

function editLines(text: string, wantedFor: (existing: ReadonlyMap<string, unknown> | null) => Wanted[]): SyncResult {
  const bom = text.charCodeAt(0) === 0xfeff ? "\uFEFF" : "";
  const body = text.slice(bom.length);
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
    const eol = body.includes("\r\n") ? "\r\n" : "\n";
    const yaml = wantedFor(null)
      .map(([key, value]) => emitEntry(key, value))
      .join("");
    return ok({ text: `${bom}---${eol}${withEol(yaml, eol)}---${eol}${body}`, changed: true });
  }
  const content = body.slice(block.contentStart, block.contentEnd);
  // New lines take the frontmatter's own line ending (its opening `---` line has one), not the body's.
  const eol = body.slice(0, block.contentEnd).includes("\r\n") ? "\r\n" : "\n";
  const read = readFrontmatter(content);
  if (!read.ok) return { ok: false, problem: frontmatterProblem(read.problem, block.firstLine) };
  const { data, located } = read.value;
  const existing = new Map(Object.entries(data));
  for (const key of ["presenters", "topics"] as const) {
    const at = located.keys.find((k) => k.key === key);
    if (at && (!isPluginValue(key, existing.get(key)) || writtenAsNode(content, at, located))) {
      const line = block.firstLine + at.line;
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
  const indent = located.indent;

  const edits: Array<{ from: number; to: number; text: string }> = [];
  const appended: string[] = [];
  const refuse = (detail: string, line: number): SyncResult => ({ ok: false, problem: unsafeEdit(detail, line) });
  // A YAML 1.1 merge key: a key the plugin adds could override a merged one for readers that merge.
  const merge = located.keys.find((k) => k.key === "<<");
  if (merge) return refuse("a merge key (<<)", block.firstLine + merge.line);
  let wanted: Wanted[];
  try {
    wanted = wantedFor(existing);
    for (const [key, value] of wanted) {
      if (!existing.has(key) || !deepEqual(existing.get(key), value)) unfaithful(key, value);
    }
  } catch (error) {
    if (!(error instanceof Unfaithful)) throw error;
    const at = located.keys.find((k) => k.key === error.key);
    return refuse(error.message, block.firstLine + (at?.line ?? 0));
  }
  const regions = keyRegions(content, located.keys);
  for (const [key, value] of wanted) {
    if (!existing.has(key)) {
      appended.push(indented(emitEntry(key, value), indent));
      continue;
    }
    if (deepEqual(existing.get(key), value)) continue;
    const region = regions.get(key);
    if (!region) continue;
    edits.push({ from: region.from, to: region.to, text: withEol(indented(emitEntry(key, value), indent), eol) });
  }
  if (edits.length === 0 && appended.length === 0) return ok({ text, changed: false });

  let next = content;
  for (const edit of edits.sort((a, b) => b.from - a.from))
    next = next.slice(0, edit.from) + edit.text + next.slice(edit.to);
  if (appended.length > 0) {
    const needsBreak = next.length > 0 && !next.endsWith("\n");
    next = `${next}${needsBreak ? eol : ""}${withEol(appended.join(""), eol)}`;
  }
  const result = `${bom}${body.slice(0, block.contentStart)}${next}${body.slice(block.contentEnd)}`;
  const firstEdit = Math.min(...edits.map((e) => e.from), content.length);
  const unsafe = checkWrite(data, next, new Map(wanted));
  if (unsafe !== null) {
    const line = block.firstLine + countLines(content.slice(0, firstEdit));
    return refuse(unsafe, line);
  }
  return ok({ text: result, changed: result !== text });
}

function frontmatterProblem(problem: ContentProblem, firstLine: number): FrontmatterError {
  const line = firstLine + problem.line;
  switch (problem.code) {
    case "malformed-yaml":
      return {
        code: "malformed-yaml",
        line,
        detail: problem.detail,
        message: `Malformed YAML in the frontmatter (line ${line + 1}): ${problem.detail}`,
      };
    case "not-a-mapping":
      return {
        code: "not-a-mapping",
        line: firstLine,
        message: "The frontmatter is not a list of properties (key: value lines).",
      };
    case "unsafe-edit":
      return unsafeEdit(problem.detail, line);
  }
}

/** A write refused because it would change other properties: `detail` says how, `line` where. */
function unsafeEdit(detail: string, line: number): FrontmatterError {
  return {
    code: "unsafe-edit",
    line,
    detail,
    message: `The properties cannot take the topic entries here without changing other properties (${detail}); nothing was written. Line ${line + 1}.`,
  };
}

/**
 * Whether `next` (the new frontmatter) is safe: it parses, it is still one block map whose keys the
 * locator finds again, every key the plugin does not own has the same value as before, and the
 * plugin's keys hold what was wanted. Returns null when safe, else what went wrong. Anchors,
 * aliases and odd indentation are all covered by this one check, whatever the edit did.
 */
function checkWrite(
  before: Record<string, unknown>,
  next: string,
  wanted: ReadonlyMap<string, unknown>,
): string | null {
  const after = readFrontmatter(next);
  if (!after.ok) {
    if (after.problem.code === "malformed-yaml") return after.problem.detail;
    if (after.problem.code === "not-a-mapping") return "not a map any more";
    return after.problem.detail;
  }
  const now = new Map(Object.entries(after.value.data));
  for (const [key, value] of Object.entries(before)) {
    if (wanted.has(key)) continue; // the caller's keys to set; checked below to read back as written
    if (!now.has(key) || !deepEqual(now.get(key), value)) return `"${key}" would change`;
  }
  for (const key of now.keys()) {
    if (Object.hasOwn(before, key) || wanted.has(key)) continue;
    return `"${key}" would appear`;
  }
  for (const [key, value] of wanted)
    if (!deepEqual(now.get(key), value)) return `"${key}" would not read back as written`;
  return null;
}

/** `topics` the plugin wrote: a list of maps with a title. `presenters`: a list of names. Empty is either. */
function isPluginValue(key: "presenters" | "topics", value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (!Array.isArray(value)) return false;
  if (key === "presenters") return value.every((item) => typeof item === "string");
  return value.every(
    (item) => isMap(item) && "title" in item && (typeof item.title !== "object" || item.title === null),
  );
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
  const read = readYaml(body.slice(block.contentStart, block.contentEnd));
  const topics = read.ok && isMap(read.value) ? read.value.topics : undefined;
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
function headerKeys(existing: ReadonlyMap<string, unknown> | null, date: string | null): Wanted[] {
  const out: Wanted[] = [];
  if (!existing?.has("type")) out.push(["type", SESSION_TYPE]);
  if (date !== null && !existing?.has("date")) out.push(["date", date]);
  return out;
}

function entryKeys(
  entries: NoteEntries,
  existing: ReadonlyMap<string, unknown> | null,
  presenters: readonly Presenter[],
  { extras, presenterValue }: SyncOptions,
): Wanted[] {
  let topics = carryExtraKeys(entries.topics, existing?.get("topics"));
  if (extras) topics = topics.map((topic) => withExtras(topic, extras.get(topic.title)));
  const names = presenterValue ? presenters.map(presenterValue) : keptPresenters(entries.presenters, existing);
  return [
    ["presenters", names],
    ["topics", topics],
  ];
}

/** The `presenters` already written when they read back as `names` (links kept as links), else `names`. */
function keptPresenters(names: string[], existing: ReadonlyMap<string, unknown> | null): string[] {
  const current = existing?.get("presenters");
  if (!Array.isArray(current) || current.length !== names.length) return names;
  const same = current.every((value, i) => typeof value === "string" && presenterName(value) === names[i]);
  return same ? (current as string[]) : names;
}

/** A value about to be written that would not read back as what the user's text held. */
class Unfaithful extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Throws `Unfaithful` when `value` (to be written under `key`, carrying what the user had) holds
 * something the parser already changed or the emitter cannot give back: a number beyond exact integers
 * or not finite, a map with a prototype (`__proto__`) or a merge key, a value that is not data.
 */
function unfaithful(key: string, value: unknown, path = key): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value)))
      throw new Unfaithful(key, `"${path}" holds a number that cannot be written back exactly`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => unfaithful(key, item, `${path}[${i}]`));
    return;
  }
  if (!isPlainObject(value)) throw new Unfaithful(key, `"${path}" holds a value that cannot be written back as it is`);
  for (const [k, v] of Object.entries(value)) {
    if (k === "<<") throw new Unfaithful(key, `"${path}" holds a merge key (<<)`);
    unfaithful(key, v, `${path}.${k}`);
  }
}

/** Keys a user or a later feature added to an entry (`unlinked`, `rating`) survive a re-sync. */
function carryExtraKeys(topics: TopicEntry[], previous: unknown): TopicEntry[] {
  if (!Array.isArray(previous)) return topics;
  const byTitle = new Map<string, Record<string, unknown>>();
  for (const item of previous) {
    if (typeof item === "object" && item !== null && !Array.isArray(item)) {
      if (!isPlainObject(item))
        throw new Unfaithful("topics", "a topic entry holds a key that cannot be written back (__proto__)");
      const record = item;
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

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
