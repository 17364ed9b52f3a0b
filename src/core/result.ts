/**
 * One shape for everything that can fail on user input: a value, or a problem with a code (for code
 * and for translations), the note's 0-based line when there is one, and an English message for
 * people. The app shows the message (localized by code where it can), the CLI prints it; nobody drops it.
 */

export interface Problem<Code extends string = string> {
  code: Code;
  /** English sentence for people (the CLI prints it; the app falls back to it). */
  message: string;
  /** 0-based line of the note the problem is on, when there is one. */
  line?: number;
  /** The underlying tool's own words (a YAML parser's, a server's), when there are some. */
  detail?: string;
}

export type Result<T, Code extends string = string> = { ok: true; value: T } | { ok: false; problem: Problem<Code> };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(problem: Problem<Code>): { ok: false; problem: Problem<Code> } {
  return { ok: false, problem };
}
