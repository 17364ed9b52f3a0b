/**
 * The minimal frontmatter edit: only the given keys are (re)written; every other byte — other keys,
 * their order, comments, quoting, blank lines, the body, line endings, a BOM — is left exactly as it
 * was, and every write is checked (`frontmatter-check.ts`) before it is returned.
 */
import { ok, type Problem } from "../result";
import { checkWrite, deepEqual, unfaithful, Unfaithful } from "./frontmatter-check";
import { type ContentProblem, isMap, keyRegions, readFrontmatter, writtenAsNode } from "./frontmatter-locator";
import { findBlock } from "./frontmatter-read";
import { emitEntry } from "./yaml-emit";

export type FrontmatterCode = "malformed-yaml" | "unclosed-frontmatter" | "not-a-mapping" | "user-key" | "unsafe-edit";

/** A frontmatter problem always names its line; the app localizes from `code` and `detail`. */
export type FrontmatterError = Problem<FrontmatterCode> & { line: number };

export type SyncResult =
  { ok: true; value: { text: string; changed: boolean } } | { ok: false; problem: FrontmatterError };

export type Wanted = [key: string, value: unknown];

/**
 * Set top-level properties of any note with the same minimal edit: each key whose value differs is
 * rewritten in place, missing ones are appended, every other byte stays. A note without frontmatter gets one.
 */
export function setProperties(text: string, values: ReadonlyArray<readonly [key: string, value: unknown]>): SyncResult {
  return editProperties(text, () => values.map(([key, value]) => [key, value]));
}

/** The edit under both writers: `wantedFor` names the keys to set, given the note's properties (null without frontmatter). */
export function editProperties(
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

function withEol(text: string, eol: string): string {
  return eol === "\n" ? text : text.replace(/\r?\n/g, eol);
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
