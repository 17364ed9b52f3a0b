/**
 * `session-notes VERB …`: the command line over the plugin's core (SPEC §5). The CLI is the only place
 * that touches the file system. Each verb is one file exporting a `Verb` (verb.ts) and one row below.
 * May import node:*, the core, i18n and the CLI-side parsers (htmlparser2, fast-xml-parser); never obsidian.
 */
import { version } from "../../package.json";
import { asksForHelp, readArgs } from "./args";
import { CliError, EXIT_OK, EXIT_USAGE, usageError } from "./errors";
import { importVerb } from "./import";
import { indexVerb } from "./index";
import type { Io } from "./io";
import { newVerb } from "./new";
import { papersVerb } from "./papers";
import { parseVerb } from "./parse";
import { relatedVerb } from "./related";
import { statsVerb } from "./stats";
import { syncVerb } from "./sync";
import { LINE_NOTE, verbHelp, type Verb } from "./verb";

const VERBS: readonly Verb[] = [
  parseVerb,
  indexVerb,
  syncVerb,
  newVerb,
  importVerb,
  relatedVerb,
  statsVerb,
  papersVerb,
];

function usage(): string {
  const width = Math.max(...VERBS.map((verb) => verb.name.length)) + 3;
  return [
    "usage: session-notes [-h | --help] [--version] VERB [ARGS]",
    "",
    "Study Session Notes on a folder of Markdown notes, with the plugin's own core.",
    "",
    "Verbs:",
    ...VERBS.map((verb) => `  ${verb.name.padEnd(width)}${verb.summary}`),
    `  ${"help".padEnd(width)}this text, or 'help VERB' for one verb`,
    "",
    "'session-notes help VERB' or 'session-notes VERB --help' shows a verb's options.",
    "Exit codes: 0 success; 1 bad input, a refused write or a failed --check; 2 usage error.",
    LINE_NOTE,
  ].join("\n");
}

function findVerb(name: string): Verb {
  const verb = VERBS.find((v) => v.name === name);
  if (verb) return verb;
  const near = VERBS.filter((v) => v.name.startsWith(name.slice(0, 2)) || name.startsWith(v.name));
  const hint = near.length > 0 ? `; did you mean ${near.map((v) => `'${v.name}'`).join(" or ")}?` : "";
  throw usageError(`'${name}' is not a verb${hint}`);
}

export function run(argv: string[], io: Io): number | Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.err(usage());
      return EXIT_USAGE;
    }
    if (first === "-h" || first === "--help") {
      io.out(usage());
      return EXIT_OK;
    }
    if (first === "--version" || first === "-V") {
      io.out(`session-notes ${version}`);
      return EXIT_OK;
    }
    if (first === "help") {
      const [name, ...extra] = rest;
      if (extra.length > 0) throw usageError("help takes at most one VERB");
      io.out(name === undefined ? usage() : verbHelp(findVerb(name)));
      return EXIT_OK;
    }
    if (first.startsWith("-")) throw usageError(`unknown option '${first}'; options go after the verb`);
    const verb = findVerb(first);
    if (asksForHelp(rest)) {
      io.out(verbHelp(verb));
      return EXIT_OK;
    }
    const code = verb.run(readArgs(verb, rest), io);
    return typeof code === "number" ? code : code.catch((error: unknown) => reportError(error, io));
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof CliError) {
    io.err(`session-notes: ${error.message}`);
    return error.exitCode;
  }
  throw error;
}
