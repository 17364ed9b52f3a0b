/** `session-notes VERB …`: the command line over the plugin's core (SPEC §5). */
import { indexToJson } from "../core/index/index-json";
import { parseNote } from "../core/note/parser";
import { GROUPINGS, isGroupBy } from "../core/index/topic-index";
import { parseArgs, stringFlag } from "./args";
import { CliError, EXIT_OK, usageError } from "./errors";
import { toSlashes, readNote } from "./files";
import { formatIndex, formatNote } from "./format";
import { runImport } from "./import";
import { runNew } from "./new";
import { runPapers } from "./papers";
import { runRelated } from "./related";
import { runSync } from "./sync";
import type { Io } from "./io";
import { loadVault } from "./vault";

const USAGE = `Usage: session-notes VERB …

  parse FILE [--json]                 parse one session note (.md or .txt)
  index DIR [--json] [--by kind|tag|presenter|month]
                                      every session note under DIR, grouped
  sync PATH… [--check]                write topic entries into each session note's
                                      properties; --check writes nothing and
                                      exits 1 if any note would change
  new --vault DIR [--date YYYY-MM-DD] [--config FILE] [--lang ja|en]
                                      create the next session note (never
                                      overwriting one) and print its path
  import FILE… --out DIR [--lang ja|en]
                                      pasted or exported pages (Notion) into
                                      session notes; never overwrites
  related DIR [--json] [--top K]      for every topic, the K (default 5) most
                                      related topics in other sessions
  papers DIR [--json] [--fill] [--config FILE]
                                      the papers presented, with details from
                                      arXiv, Semantic Scholar and Crossref;
                                      --fill writes one note per paper and
                                      links each topic to it
  help                                this text

Exit codes: 0 success, 1 bad input or a failed --check, 2 usage error.`;

/** Verbs that ask the network (papers) finish later: their exit code is a promise. */
type Verb = (argv: string[], io: Io) => number | Promise<number>;

const VERBS: Record<string, Verb> = {
  parse: runParse,
  index: runIndex,
  sync: runSync,
  new: runNew,
  related: runRelated,
  import: runImport,
  papers: runPapers,
};

export function run(argv: string[], io: Io): number | Promise<number> {
  const [verb, ...rest] = argv;
  try {
    if (verb === undefined || verb === "help" || verb === "--help" || verb === "-h") {
      (verb === undefined ? io.err : io.out)(USAGE);
      return verb === undefined ? 2 : EXIT_OK;
    }
    const handler = VERBS[verb];
    if (!handler) throw usageError(`unknown verb "${verb}"`);
    const code = handler(rest, io);
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

function runParse(argv: string[], io: Io): number {
  const args = parseArgs(argv, [], ["json"]);
  const [file, ...extra] = args.positional;
  if (file === undefined || extra.length > 0) throw usageError("parse takes exactly one FILE");
  const note = parseNote(readNote(file), { path: toSlashes(file) });
  io.out(args.flags.has("json") ? JSON.stringify(note, null, 2) : formatNote(note));
  return EXIT_OK;
}

function runIndex(argv: string[], io: Io): number {
  const args = parseArgs(argv, ["by"], ["json"]);
  const [dir, ...extra] = args.positional;
  if (dir === undefined || extra.length > 0) throw usageError("index takes exactly one DIR");
  const by = stringFlag(args, "by") ?? "kind";
  if (!isGroupBy(by)) throw usageError(`--by takes one of ${GROUPINGS.join(", ")}`);
  const { index, problems } = loadVault(dir);
  for (const problem of problems) io.err(`session-notes: ${problem}`);
  io.out(args.flags.has("json") ? JSON.stringify(indexToJson(index), null, 2) : formatIndex(index, by));
  return EXIT_OK;
}
