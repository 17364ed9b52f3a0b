/**
 * One verb of the CLI: its usage text, its options and what it runs. A new verb is one file exporting a
 * `Verb` and one row in the table in main.ts; parsing, `--help` and usage errors come from here.
 */
import type { Io } from "./io";

export interface OptionSpec {
  type: "boolean" | "string";
  /** A one-letter form (`-o`), rarely needed. */
  short?: string;
  /** The value's placeholder in help, e.g. `DIR` (string options only). */
  value?: string;
  help: string;
}

/** A verb's arguments once read: positionals in order and each option given (last one wins). */
export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

export interface Verb {
  name: string;
  /** The arguments after the verb's name, e.g. `FILE [--json]`. */
  usage: string;
  /** One line for the verb list of `session-notes help`. */
  summary: string;
  /** What `VERB --help` says after the usage line: a paragraph or two, plain text, wrapped at 80. */
  description: string;
  options: Readonly<Record<string, OptionSpec>>;
  run: (args: Args, io: Io) => number;
}

export function stringFlag(args: Args, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Said wherever line numbers are shown: people's editors count from 1, Obsidian and §3 JSON from 0. */
export const LINE_NOTE =
  "Line numbers in text output count from 1, as editors show them; in --json output\n`line` and `endLine` count from 0 (Obsidian's convention).";

export function verbHelp(verb: Verb): string {
  const rows: Array<[string, string]> = Object.entries(verb.options).map(([name, option]) => [
    `${option.short ? `-${option.short}, ` : ""}--${name}${option.value ? ` ${option.value}` : ""}`,
    option.help,
  ]);
  rows.push(["-h, --help", "show this help"]);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `usage: session-notes ${verb.name} ${verb.usage}`,
    "",
    verb.description,
    "",
    "Options:",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
  ].join("\n");
}
