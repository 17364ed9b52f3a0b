/**
 * Writing a note's topic entries into its frontmatter (SPEC §4) as a minimal text edit: only the
 * plugin's own keys are (re)written; every other byte — other keys, their order, comments, quoting,
 * blank lines, the body, line endings, a BOM — is left exactly as it was.
 */
import { MANAGED_ENTRY_KEYS, noteEntries, type NoteEntries, type TopicEntry } from "./entries";
import { presenterName } from "../index/people-links";
import type { ParsedNote, Presenter } from "../note/model";
import { SESSION_TYPE } from "../note/vocabulary";
import type { Problem } from "../result";
import { emitEntry } from "./yaml-emit";
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
  return read.ok && isPlainObject(read.value) ? read.value : null;
}

function editProperties(
  text: string,
  wantedFor: (existing: ReadonlyMap<string, unknown> | null) => Wanted[],
): SyncResult {
  // An old-Mac note breaks lines with CR alone: edit it as LF, and give it back with CR.
  if (text.includes("\r") && !text.includes("\n")) {
    const result = editProperties(text.replace(/\r/g, "\n"), wantedFor);
    if (!result.ok || !result.value.changed) return result.ok ? { ok: true, value: { text, changed: false } } : result;
    return { ok: true, value: { text: result.value.text.replace(/\n/g, "\r"), changed: true } };
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
    return { ok: true, value: { text: `${bom}---${eol}${withEol(yaml, eol)}---${eol}${body}`, changed: true } };
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
  const refuse = (detail: string, line: number): SyncResult => ({
    ok: false,
    problem: {
      code: "unsafe-edit",
      line,
      detail,
      message: `The properties cannot take the topic entries here without changing other properties (${detail}); nothing was written. Line ${line + 1}.`,
    },
  });
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
  const unsafe = checkWrite(data, next, new Map(wanted));
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

/** What the frontmatter's content is not, with its 0-based line in the content. */
type ContentProblem =
  | { code: "malformed-yaml"; line: number; detail: string }
  | { code: "not-a-mapping"; line: number }
  | { code: "unsafe-edit"; line: number; detail: string };

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
      return {
        code: "unsafe-edit",
        line,
        detail: problem.detail,
        message: `The properties cannot take the topic entries here without changing other properties (${problem.detail}); nothing was written. Line ${line + 1}.`,
      };
  }
}

/**
 * The frontmatter's data, from the real parser, and where its top-level keys are, from the line
 * locator — which is only trusted when it finds exactly the keys the parser read, in the same order.
 */
function readFrontmatter(
  content: string,
): { ok: true; value: { data: Record<string, unknown>; located: Located } } | { ok: false; problem: ContentProblem } {
  const read = readYaml(content);
  if (!read.ok) {
    return { ok: false, problem: { code: "malformed-yaml", line: pointAt(content, read.line), detail: read.message } };
  }
  const first = firstContentLine(content);
  const value = read.value;
  if (first !== null && (!isPlainObject(value) || first.text.trimStart().startsWith("{")))
    return { ok: false, problem: { code: "not-a-mapping", line: 0 } };
  const data = isPlainObject(value) ? value : {};
  const located = locateKeys(content);
  if ("refuse" in located)
    return { ok: false, problem: { code: "unsafe-edit", line: located.line, detail: located.refuse } };
  const found = jsKeyOrder(located.keys.map((k) => k.key));
  const parsed = Object.keys(data);
  if (found.length !== parsed.length || found.some((key, i) => key !== parsed[i])) {
    const line = located.keys.find((k, i) => k.key !== parsed[i])?.line ?? 0;
    return {
      ok: false,
      problem: { code: "unsafe-edit", line, detail: "the property lines could not be told apart for certain" },
    };
  }
  return { ok: true, value: { data, located } };
}

interface LocatedKey {
  key: string;
  /** Offset of the key's line in the content. */
  start: number;
  /** 0-based line in the content. */
  line: number;
  /** The key line's text after the `:`. */
  valueText: string;
}

interface Located {
  indent: number;
  keys: LocatedKey[];
}

/**
 * The top-level keys by their lines: a key line sits at exactly the map's indentation (the first
 * content line's) and is a plain or quoted key, `:`, then a space or the line's end. Deeper lines and
 * `- ` items (a compact list) belong to the key above; anything else at that indentation is refused.
 */
function locateKeys(content: string): Located | { refuse: string; line: number } {
  const keys: LocatedKey[] = [];
  let indent = -1;
  let offset = 0;
  const lines = content.split("\n");
  for (let n = 0; n < lines.length; offset += (lines[n]?.length ?? 0) + 1, n++) {
    const line = (lines[n] ?? "").replace(/\r$/, "");
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const spaces = /^ */.exec(line)?.[0].length ?? 0;
    if (indent < 0) indent = spaces;
    if (spaces > indent) continue;
    if (spaces < indent) return { refuse: "a line less indented than the properties", line: n };
    const rest = line.slice(indent);
    if (/^-(?:[ \t]|$)/.test(rest)) {
      if (keys.length === 0) return { refuse: "a list item before any property", line: n };
      continue;
    }
    const key = keyOf(rest);
    if (key === null) return { refuse: "a line that is not a simple key: value", line: n };
    keys.push({ key: key.key, start: offset, line: n, valueText: key.after });
  }
  return { indent: Math.max(indent, 0), keys };
}

/** The key of a `key: value` line and the text after its `:`; null when it is not that simple. */
function keyOf(rest: string): { key: string; after: string } | null {
  let key: string;
  let after: string;
  if (rest.startsWith('"')) {
    let i = 1;
    while (i < rest.length && rest[i] !== '"') i += rest[i] === "\\" ? 2 : 1;
    if (i >= rest.length) return null;
    try {
      key = JSON.parse(rest.slice(0, i + 1)) as string;
    } catch {
      return null; // a YAML-only escape: not guessed
    }
    after = rest.slice(i + 1);
  } else if (rest.startsWith("'")) {
    let i = 1;
    for (; i < rest.length; i++) {
      if (rest[i] !== "'") continue;
      if (rest[i + 1] === "'") i++;
      else break;
    }
    if (i >= rest.length) return null;
    key = rest.slice(1, i).replace(/''/g, "'");
    after = rest.slice(i + 1);
  } else {
    if (/^[?:&!*[\]{}|>%@`,#\t]/.test(rest)) return null;
    const colon = /:(?:[ \t]|$)/.exec(rest);
    if (!colon) return null;
    key = rest.slice(0, colon.index);
    if (/[ \t]#/.test(key)) return null;
    key = key.trimEnd();
    if (key === "") return null;
    after = rest.slice(colon.index);
  }
  if (!/^:(?:[ \t]|$)/.test(after)) return null;
  return { key, after: after.slice(1) };
}

/** The order JavaScript gives an object's keys: array indexes first, ascending, then the rest as written. */
function jsKeyOrder(keys: string[]): string[] {
  const isIndex = (key: string): boolean => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
  return [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((key) => !isIndex(key))];
}

/** Whether a key's value is written as an alias (`*x`) or carries an anchor or a tag: the user's. */
function writtenAsNode(content: string, at: LocatedKey, located: { keys: LocatedKey[] }): boolean {
  const next = located.keys[located.keys.indexOf(at) + 1];
  const region = content.slice(at.start, next ? next.start : content.length);
  const lines = [at.valueText, ...region.split("\n").slice(1)];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    return /^[*&!]/.test(trimmed);
  }
  return false;
}

function firstContentLine(content: string): { text: string; line: number } | null {
  const lines = content.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const text = (lines[n] ?? "").replace(/\r$/, "");
    const trimmed = text.trim();
    if (trimmed !== "" && !trimmed.startsWith("#")) return { text, line: n };
  }
  return null;
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
    (item) => isPlainObject(item) && "title" in item && (typeof item.title !== "object" || item.title === null),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
  const topics = read.ok && isPlainObject(read.value) ? read.value.topics : undefined;
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
  const proto: unknown = typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (proto !== Object.prototype && proto !== null)
    throw new Unfaithful(key, `"${path}" holds a value that cannot be written back as it is`);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
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
      const proto: unknown = Object.getPrototypeOf(item);
      if (proto !== Object.prototype && proto !== null)
        throw new Unfaithful("topics", "a topic entry holds a key that cannot be written back (__proto__)");
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

/**
 * The text range of each top-level key: from its line to the line before the next key, less trailing
 * blank and comment lines, however indented (those sit between keys and are left alone).
 */
function keyRegions(content: string, keys: readonly LocatedKey[]): Map<string, { from: number; to: number }> {
  const regions = new Map<string, { from: number; to: number }>();
  keys.forEach((key, i) => {
    const from = key.start;
    let to = keys[i + 1]?.start ?? content.length;
    for (;;) {
      const lastLineStart = content.lastIndexOf("\n", to - 2) + 1;
      if (lastLineStart <= from) break;
      const line = content.slice(lastLineStart, to).trim();
      if (line !== "" && !line.startsWith("#")) break;
      to = lastLineStart;
    }
    regions.set(key.key, { from, to });
  });
  return regions;
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
function pointAt(content: string, line: number | null): number {
  if (line === null) return 0;
  const lines = content.split("\n");
  if (lines.slice(line).join("\n").trim() !== "") return line;
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) if (/^[^\s#]/.test(lines[i] ?? "")) return i;
  return line;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
