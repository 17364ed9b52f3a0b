/** The CLI's only contact with the file system: reading notes and walking folders. */
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { decodeNote, type NoteEncoding } from "../core/encoding";
import { CliError, EXIT_BAD_INPUT, fsReason } from "./errors";

export function readNote(path: string): string {
  return readNoteWithEncoding(path).text;
}

export function readNoteWithEncoding(path: string): { text: string; encoding: NoteEncoding } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot open '${path}': ${fsReason(error)}`, EXIT_BAD_INPUT);
  }
  const decoded = decodeNote(bytes);
  if (!decoded.ok) throw new CliError(`${path}: ${decoded.problem.message}`, EXIT_BAD_INPUT);
  return { text: decoded.value.text, encoding: decoded.value.encoding };
}

/** Replace a file's content all at once: a sibling temporary file renamed over it, so no reader ever sees half a note. */
export function writeNoteAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const mode = statSync(path).mode;
    writeFileSync(temporary, text, { encoding: "utf8", mode });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`cannot write '${path}': ${fsReason(error)}`, EXIT_BAD_INPUT);
  }
}

/** Every file named, and every Markdown file under each folder named, once each. */
export function expandPaths(paths: readonly string[]): Array<{ path: string; explicit: boolean }> {
  const out = new Map<string, boolean>();
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      out.set(path, true); // reading it reports the error with the file's name
      continue;
    }
    if (!isDir) {
      out.set(path, true);
      continue;
    }
    for (const file of listMarkdown(path)) if (!out.has(join(path, file))) out.set(join(path, file), false);
  }
  return [...out].map(([path, explicit]) => ({ path, explicit }));
}

const SKIPPED_FOLDERS = new Set(["node_modules"]);

/** Markdown files under `dir`, as `/`-separated paths relative to it, sorted. Hidden folders are skipped. */
export function listMarkdown(dir: string): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    throw new CliError(`cannot open folder '${dir}': ${fsReason(error, "folder")}`, EXIT_BAD_INPUT);
  }
  if (!stat.isDirectory())
    throw new CliError(`cannot open folder '${dir}': it is a file, not a folder`, EXIT_BAD_INPUT);
  const out: string[] = [];
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      throw new CliError(`cannot open folder '${folder}': ${fsReason(error, "folder")}`, EXIT_BAD_INPUT);
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) {
        out.push(toSlashes(relative(dir, full)));
      }
    }
  };
  walk(dir);
  return out.sort();
}

export function toSlashes(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}
