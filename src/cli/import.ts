/**
 * `import FILE… --out DIR`: pasted pages (`.txt`, `.md`) and Notion workspace exports (the `.zip` as
 * downloaded, or its unpacked folder) into session notes and plain notes under DIR. A target that
 * exists is never overwritten: left as it is when it is this import's own earlier output, else
 * reported (exit 1). Bad input is refused before anything is written.
 */
import { linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { planExport, type ExportPlan } from "../core/import/export";
import { NOTION_ID_KEY } from "../core/import/export-note";
import { importPage } from "../core/import/page";
import { uniqueName } from "../core/session/file-names";
import { DEFAULT_LIMITS, exportFromFiles, unpackExport, type ExportFile } from "../core/import/zip";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, fsReason, usageError } from "./errors";
import { readNote, toSlashes } from "./files";
import { parseHtml } from "./html";
import type { Io } from "./io";
import { stringFlag, type Args, type Verb } from "./verb";

const ATTACHMENTS = "attachments";

interface Target {
  path: string;
  content: string | Uint8Array;
  /** Whether an existing file at `path` is this import's own earlier output. */
  isOwn: (existing: Uint8Array) => boolean;
}

interface Tally {
  written: number;
  unchanged: number;
  conflicts: number;
}

export const importVerb: Verb = {
  name: "import",
  usage: "FILE… --out DIR [--lang ja|en]",
  summary: "pasted pages and Notion exports (.zip or folder) into session notes",
  description: `Convert pages pasted from Notion (.txt, .md) and Notion workspace exports (the .zip as
downloaded, Markdown & CSV or HTML, or its unpacked folder) into notes under DIR:
session pages become synced session notes named like new ones, other pages plain
notes named by their title, attachments go to DIR/attachments, links between pages
become wiki links and database properties become frontmatter. A file that exists is
never overwritten: this import's own earlier output is left as it is; any other file
is reported and the exit code is 1. Bad input (not a Notion export, a damaged zip, a
zip bomb, unsafe names) is refused before anything is written.`,
  options: {
    out: { type: "string", value: "DIR", help: "the folder to write the notes into" },
    lang: { type: "string", value: "ja|en", help: "the language of the headings of pasted pages (default ja)" },
  },
  run: runImport,
};

function runImport(args: Args, io: Io): number {
  const out = stringFlag(args, "out");
  if (out === undefined) throw usageError("import needs --out DIR", "import");
  if (args.positional.length === 0) throw usageError("import needs one or more FILEs", "import");
  const lang = stringFlag(args, "lang") ?? "ja";
  if (lang !== "ja" && lang !== "en") throw usageError(`--lang takes ja or en; not '${lang}'`, "import");
  checkOut(out);
  let failed = 0;
  const tally: Tally = { written: 0, unchanged: 0, conflicts: 0 };
  const pastedNames = new Set<string>();
  for (const file of args.positional) {
    try {
      if (isExport(file)) {
        if (!importExport(file, out, io, tally)) failed++;
        continue;
      }
      const result = importPage(readNote(file), file, lang);
      if (!result.ok) throw new CliError(`${file}: ${result.problem.message}`, EXIT_BAD_INPUT);
      const text = result.value.text;
      // Two pages of one run that would share a name (undated pages) get `-2`, `-3` …, the same on every run.
      const stem = uniqueName(result.value.fileName.replace(/\.md$/, ""), pastedNames);
      pastedNames.add(stem);
      const target = { path: join(out, `${stem}.md`), content: text, isOwn: sameText(text) };
      if (!writeTargets([target], io, tally)) failed++;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      failed++;
      io.err(`session-notes: ${error.message}`);
    }
  }
  if (tally.conflicts > 0) {
    io.err(
      `session-notes: ${tally.conflicts} file(s) not imported: a different file has that name (nothing was overwritten)`,
    );
  }
  return failed > 0 || tally.conflicts > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

function checkOut(out: string): void {
  let stat;
  try {
    stat = statSync(out);
  } catch {
    return; // created on the first write
  }
  if (!stat.isDirectory()) throw new CliError(`--out ${out}: not a folder`, EXIT_BAD_INPUT);
}

function isExport(file: string): boolean {
  try {
    if (statSync(file).isDirectory()) return true;
  } catch {
    return false; // reading it reports the error with the file's name
  }
  return /\.zip$/i.test(file);
}

/** One export, all or nothing on bad input; returns false when something was not imported. */
function importExport(file: string, out: string, io: Io, tally: Tally): boolean {
  const files = readExport(file);
  const plan = planExport(
    files,
    { fileNamePattern: "{{date}} {{series}}", attachmentFolder: ATTACHMENTS, parseHtml },
    (phase, done, total) => {
      if (phase !== "tables" && (done === total || done % 50 === 0)) {
        io.err(`session-notes: ${file}: ${done}/${total} pages ${phase === "read" ? "read" : "converted"}`);
      }
    },
  );
  if (!plan.ok) throw new CliError(`${file}: ${plan.problem.message}; nothing was written`, EXIT_BAD_INPUT);
  const targets: Target[] = [
    ...plan.value.notes.map((note) => ({
      path: join(out, note.name),
      content: note.text,
      isOwn: note.id ? sameNotionPage(note.id, note.text) : sameText(note.text),
    })),
    ...plan.value.attachments.map((a) => ({
      path: join(out, ATTACHMENTS, a.name),
      content: a.bytes,
      isOwn: (existing: Uint8Array) => Buffer.from(existing).equals(Buffer.from(a.bytes)),
    })),
  ];
  const before = { ...tally };
  const ok = writeTargets(targets, io, tally);
  report(file, plan.value, tally, before, io);
  return ok && plan.value.skipped.length === 0;
}

function report(file: string, plan: ExportPlan, tally: Tally, before: Tally, io: Io): void {
  const sessions = plan.notes.filter((n) => n.session).length;
  io.err(
    `session-notes: ${file}: ${sessions} session notes, ${plan.notes.length - sessions} pages, ` +
      `${plan.attachments.length} attachments, ${plan.skipped.length} skipped; ` +
      `${tally.written - before.written} written, ${tally.unchanged - before.unchanged} unchanged, ` +
      `${tally.conflicts - before.conflicts} not imported`,
  );
  for (const skipped of plan.skipped) io.err(`session-notes: skipped ${skipped.source}: ${skipped.reason}`);
}

/** The export's files: from the zip, or from the unpacked folder (symbolic links are not followed). */
function readExport(file: string): ExportFile[] {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new CliError(`cannot read '${file}': ${fsReason(error)}`, EXIT_BAD_INPUT);
  }
  if (!stat.isDirectory()) {
    if (stat.size > DEFAULT_LIMITS.maxBytes)
      throw new CliError(`${file}: larger than the import limit`, EXIT_BAD_INPUT);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new CliError(`cannot read '${file}': ${fsReason(error)}`, EXIT_BAD_INPUT);
    }
    const unpacked = unpackExport(bytes);
    if (!unpacked.ok) throw new CliError(`${file}: ${unpacked.problem.message}; nothing was written`, EXIT_BAD_INPUT);
    return unpacked.value;
  }
  const files: ExportFile[] = [];
  let budget = DEFAULT_LIMITS.maxBytes;
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !lstatSync(full).isSymbolicLink()) {
        budget -= statSync(full).size;
        if (budget < 0)
          throw new CliError(`${file}: larger than the import limit; nothing was written`, EXIT_BAD_INPUT);
        files.push({ path: toSlashes(relative(file, full)), bytes: readFileSync(full) });
      }
    }
  };
  walk(file);
  const checked = exportFromFiles(files);
  if (!checked.ok) throw new CliError(`${file}: ${checked.problem.message}; nothing was written`, EXIT_BAD_INPUT);
  return checked.value;
}

/** Write each target that does not exist; an existing one is left alone (own output) or reported. */
function writeTargets(targets: readonly Target[], io: Io, tally: Tally): boolean {
  let ok = true;
  for (const target of targets) {
    let existing: Uint8Array | null = null;
    try {
      existing = readFileSync(target.path);
    } catch {
      existing = null;
    }
    if (existing !== null) {
      if (target.isOwn(existing)) {
        tally.unchanged++;
        continue;
      }
      tally.conflicts++;
      ok = false;
      io.err(`session-notes: ${target.path} exists already and is a different file: not overwritten`);
      continue;
    }
    writeNew(target.path, target.content);
    tally.written++;
    io.out(target.path);
  }
  return ok;
}

/** A new file, whole or not at all: written beside it, then linked into place (which fails if the name is taken). */
function writeNew(path: string, content: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, content, { flag: "wx" });
    linkSync(temporary, path);
  } catch (error) {
    throw new CliError(`cannot write '${path}': ${fsReason(error)}`, EXIT_BAD_INPUT);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function sameText(text: string): (existing: Uint8Array) => boolean {
  return (existing) => Buffer.from(existing).toString("utf8") === text;
}

/** A note that carries the same page's `notion-id` is this import's earlier output, edited since or not. */
function sameNotionPage(id: string, text: string): (existing: Uint8Array) => boolean {
  const line = new RegExp(`^${NOTION_ID_KEY}: "?${id}"?\\r?$`, "m");
  return (existing) => {
    const current = Buffer.from(existing).toString("utf8");
    return current === text || line.test(current.slice(0, current.indexOf("\n---", 3) + 1 || 0));
  };
}
