/** `sync PATH… [--check] [--config FILE]`: write each session note's topic entries into its properties (SPEC §4, §5). */
import { isMarkdownPath, readSessionNote } from "../core/note/session-note";
import { linkedNotes } from "../core/index/people-links";
import { syncFrontmatter } from "../core/properties/frontmatter";
import { readProperties } from "../core/properties/frontmatter-read";
import { readConfig } from "./config";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, usageError } from "./errors";
import { existsSync, statSync } from "node:fs";
import type { Presenter } from "../core/note/model";
import type { Settings } from "../core/settings";
import { expandPaths, readNoteWithEncoding, writeNoteAtomically, type ExpandedPath } from "./files";
import { peopleLinker, vaultOfConfig } from "./people";
import type { Io } from "./io";
import { stringFlag, type Args, type Verb } from "./verb";

export const syncVerb: Verb = {
  name: "sync",
  usage: "PATH… [--check] [--config FILE]",
  summary: "write each session note's topics into its properties",
  description: `Write each session note's presenters and topics into its properties.
PATH is a note or a folder (every .md note under it). Only the plugin's keys change;
a note already in sync is not written; malformed YAML is refused with its line.
Session notes only (SPEC §5): type: study-session, a topic under a topic section,
or a topic inside the sessions folder (Sessions, or --config's sessionsFolder).
Only .md notes are written; a symbolic link is followed and its target written;
a read-only note is refused.
With presenterLinks on in --config, presenters are written as links to people
notes ("[[People/Alice|Alice]]"), people merged over the notes synced, the
members and the people notes of the vault holding data.json (else of each
folder named): sync the whole vault to write what the plugin writes.`,
  options: {
    check: { type: "boolean", help: "write nothing; exit 1 if any note would change" },
    config: {
      type: "string",
      value: "FILE",
      help: "the plugin's data.json: the sessions folder, kind aliases, and presenters as links to people notes",
    },
  },
  run: runSync,
};

/**
 * Links to people notes: people merged over every session note being synced (read once before the
 * writes), the members and the people notes of the vault that holds the settings file, else of each
 * folder named.
 */
function linksFor(
  settings: Settings,
  configPath: string | undefined,
  positional: readonly string[],
  paths: readonly ExpandedPath[],
): (presenter: Presenter) => string {
  const presenters: Presenter[] = [];
  const links: Array<[string, string]> = [];
  for (const { path, notePath } of paths) {
    if (!isMarkdownPath(path)) continue;
    try {
      const { text } = readNoteWithEncoding(path);
      const { note, session } = readSessionNote(text, notePath, settings);
      if (!session) continue;
      presenters.push(...note.presenters);
      links.push(...linkedNotes(readProperties(text)?.presenters));
    } catch (error) {
      if (!(error instanceof CliError)) throw error; // reported with the note's name when it is synced
    }
  }
  const vault = vaultOfConfig(configPath);
  const vaults = vault !== null ? [vault] : positional.filter((p) => existsSync(p) && statSync(p).isDirectory());
  const linker = peopleLinker(settings, { vaults, presenters, links });
  return (presenter) => linker.value(presenter);
}

function runSync(args: Args, io: Io): number {
  if (args.positional.length === 0) throw usageError("sync needs one or more PATHs (notes or folders)", "sync");
  const check = args.flags.has("check");
  const settings = readConfig(stringFlag(args, "config"), io);
  const counts = { updated: 0, unchanged: 0, failed: 0, skipped: 0 };
  const paths = expandPaths(args.positional, settings.sessionsFolder);
  const presenterValue = settings.presenterLinks
    ? linksFor(settings, stringFlag(args, "config"), args.positional, paths)
    : (presenter: Presenter) => presenter.name;
  for (const { path, explicit, notePath } of paths) {
    try {
      if (!isMarkdownPath(path)) {
        // Only .md files are notes; a .txt page is converted by `import`, never written in place.
        throw new CliError(`${path}: not a Markdown note (.md); nothing written`, EXIT_BAD_INPUT);
      }
      const { text, encoding } = readNoteWithEncoding(path);
      const { note, session } = readSessionNote(text, notePath, settings);
      if (!session) {
        counts.skipped++;
        if (explicit)
          io.err(
            `session-notes: ${path}: not a session note (no type: study-session, no topic under a topic section, not in the sessions folder "${settings.sessionsFolder}"); skipped`,
          );
        continue;
      }
      const result = syncFrontmatter(text, note, { presenterValue });
      if (!result.ok) {
        counts.failed++;
        const line = result.problem.line === undefined ? "" : `:${result.problem.line + 1}`;
        io.err(`session-notes: ${path}${line}: ${result.problem.message}; nothing written`);
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
