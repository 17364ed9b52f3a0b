/**
 * Where a frontmatter's top-level keys are, line by line. The real YAML parser (yaml-parser.ts) is the
 * judge of values and validity; the locator is trusted only when it finds exactly the parser's keys,
 * in order, and anything it does not understand is refused. May import only this folder's parser.
 */
import { readYaml } from "./yaml-parser";

/** What the frontmatter's content is not, with its 0-based line in the content. */
export type ContentProblem =
  | { code: "malformed-yaml"; line: number; detail: string }
  | { code: "not-a-mapping"; line: number }
  | { code: "unsafe-edit"; line: number; detail: string };

/**
 * The frontmatter's data, from the real parser, and where its top-level keys are, from the line
 * locator — which is only trusted when it finds exactly the keys the parser read, in the same order.
 */
export function readFrontmatter(
  content: string,
): { ok: true; value: { data: Record<string, unknown>; located: Located } } | { ok: false; problem: ContentProblem } {
  const read = readYaml(content);
  if (!read.ok) {
    return { ok: false, problem: { code: "malformed-yaml", line: pointAt(content, read.line), detail: read.message } };
  }
  const first = firstContentLine(content);
  const value = read.value;
  if (first !== null && (!isMap(value) || first.text.trimStart().startsWith("{")))
    return { ok: false, problem: { code: "not-a-mapping", line: 0 } };
  const data = isMap(value) ? value : {};
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

export interface LocatedKey {
  key: string;
  /** Offset of the key's line in the content. */
  start: number;
  /** 0-based line in the content. */
  line: number;
  /** The key line's text after the `:`. */
  valueText: string;
}

export interface Located {
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
export function writtenAsNode(content: string, at: LocatedKey, located: { keys: LocatedKey[] }): boolean {
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
 * The text range of each top-level key: from its line to the line before the next key, less trailing
 * blank and comment lines, however indented (those sit between keys and are left alone).
 */
export function keyRegions(content: string, keys: readonly LocatedKey[]): Map<string, { from: number; to: number }> {
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

/** A YAML map as the parser gives it (any object but an array). */
export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
