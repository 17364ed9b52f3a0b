/** `sync PATH… [--check]`: write each session note's topic entries into its properties (SPEC §4, §5). */
import { syncFrontmatter } from "../core/properties/frontmatter";
import { isSessionNote, parseNote } from "../core/note/parser";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, usageError } from "./errors";
import { expandPaths, readNoteWithEncoding, toSlashes, writeNoteAtomically } from "./files";
import type { Io } from "./io";
import type { Args, Verb } from "./verb";

export const syncVerb: Verb = {
  name: "sync",
  usage: "PATH… [--check]",
  summary: "write each session note's topics into its properties",
  description: `Write each session note's presenters and topics into its properties (SPEC §4).
PATH is a note or a folder (every .md note under it). Only the plugin's keys change;
a note already in sync is not written; malformed YAML is refused with its line.`,
  options: {
    check: { type: "boolean", help: "write nothing; exit 1 if any note would change" },
  },
  run: runSync,
};

function runSync(args: Args, io: Io): number {
  if (args.positional.length === 0) throw usageError("sync needs one or more PATHs (notes or folders)", "sync");
  const check = args.flags.has("check");
  const counts = { updated: 0, unchanged: 0, failed: 0, skipped: 0 };
  for (const { path, explicit } of expandPaths(args.positional)) {
    try {
      const { text, encoding } = readNoteWithEncoding(path);
      const note = parseNote(text, { path: toSlashes(path) });
      if (!isSessionNote(note)) {
        counts.skipped++;
        if (explicit)
          io.err(
            `session-notes: ${path}: not a session note (no presenter with a topic, no type: study-session); skipped`,
          );
        continue;
      }
      const result = syncFrontmatter(text, note);
      if (!result.ok) {
        counts.failed++;
        io.err(`session-notes: ${path}:${result.problem.line + 1}: ${result.problem.message}`);
        continue;
      }
      if (!result.value.changed) {
        counts.unchanged++;
        continue;
      }
      if (check) {
        counts.updated++;
        io.err(`session-notes: ${path}: topic entries are out of date`);
        continue;
      }
      if (encoding !== "utf-8") {
        throw new CliError(`${path}: is ${encoding.toUpperCase()}; only UTF-8 notes are written`, EXIT_BAD_INPUT);
      }
      writeNoteAtomically(path, result.value.text);
      counts.updated++;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      counts.failed++;
      io.err(`session-notes: ${error.message}`);
    }
  }
  const changed = check ? `${counts.updated} would change` : `${counts.updated} updated`;
  io.out(
    `${changed}, ${counts.unchanged} unchanged, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} not session notes` : ""}`,
  );
  return counts.failed > 0 || (check && counts.updated > 0) ? EXIT_BAD_INPUT : EXIT_OK;
}
