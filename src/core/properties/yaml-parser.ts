/**
 * The one YAML parser the core reads and checks frontmatter with, set once at start-up: Obsidian's
 * `parseYaml` in the plugin (so `main.js` carries no YAML library), the `yaml` package in the CLI and tests.
 */
import { ok } from "../result";

/** Parses one YAML document; throws on malformed input (duplicate keys included). */
export type ParseYaml = (text: string) => unknown;

export type YamlRead = { ok: true; value: unknown } | { ok: false; line: number | null; message: string };

let parser: ParseYaml | null = null;

/** Set the parser every `readYaml` uses (once, before anything reads YAML). */
export function useYamlParser(parse: ParseYaml): void {
  parser = parse;
}

/**
 * `text` parsed, its values normalized so either parser gives the same data; a malformed text gives
 * the parser's message and its 0-based line when the parser tells it.
 */
export function readYaml(text: string): YamlRead {
  if (parser === null) throw new Error("No YAML parser set: call useYamlParser() at start-up before reading YAML.");
  let value: unknown;
  try {
    value = parser(text);
  } catch (error) {
    return { ok: false, line: errorLine(error), message: firstLine(errorMessage(error)) };
  }
  return ok(plainYaml(value) ?? null);
}

/** A js-yaml timestamp as the `yaml` package reads it: a date at midnight UTC as `YYYY-MM-DD`, else ISO. */
export function plainYaml(value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return String(value);
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(plainYaml);
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = plainYaml(item);
    return out;
  }
  return value;
}

/** `yaml`'s `linePos[0].line` (1-based) or js-yaml's `mark.line` (0-based), as a 0-based line. */
function errorLine(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  const record = error as { linePos?: unknown; mark?: unknown };
  if (Array.isArray(record.linePos)) {
    const first: unknown = record.linePos[0];
    if (typeof first === "object" && first !== null && "line" in first && typeof first.line === "number")
      return Math.max(0, first.line - 1);
  }
  if (typeof record.mark === "object" && record.mark !== null && "line" in record.mark) {
    const line: unknown = record.mark.line;
    if (typeof line === "number") return Math.max(0, line);
  }
  return null;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "unreadable YAML";
}

/** The message's first line, less the place the parser appends (content-relative; the caller names the note's line). */
function firstLine(message: string): string {
  const first = (message.split("\n")[0] ?? message)
    .replace(/ at line \d+, column \d+:?$/, "")
    .replace(/ \(\d+:\d+\)$/, "")
    .trim();
  return first || "unreadable YAML";
}
