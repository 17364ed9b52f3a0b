/** The CLI's only contact with the file system: reading notes and walking folders. */
import {
  accessSync,
  constants,
  lstatSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
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

/**
 * Replace a note's content all at once: a sibling temporary file renamed over it, so no reader ever
 * sees half a note. A symbolic link is followed and its target written (the link itself stays a
 * link); a note the user may not write (read-only) is refused, never replaced by the rename.
 */
export function writeNoteAtomically(path: string, text: string): void {
  let target = path;
  try {
    if (lstatSync(path).isSymbolicLink()) target = realpathSync(path);
  } catch (error) {
    throw new CliError(`cannot write '${path}': ${fsReason(error)}; nothing written`, EXIT_BAD_INPUT);
  }
  let mode: number;
  try {
    const stat = statSync(target);
    if (!stat.isFile()) throw new CliError(`${path}: not a regular file; nothing written`, EXIT_BAD_INPUT);
    mode = stat.mode;
    // Root may write anything, so the mode bits are checked too: a read-only note stays as it is.
    accessSync(target, constants.W_OK);
    if ((mode & 0o222) === 0) throw new CliError(`${path}: is read-only; nothing written`, EXIT_BAD_INPUT);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const denied = error instanceof Error && "code" in error && (error.code === "EACCES" || error.code === "EPERM");
    throw new CliError(
      denied ? `${path}: is read-only; nothing written` : `cannot write '${path}': ${fsReason(error)}; nothing written`,
      EXIT_BAD_INPUT,
    );
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: "utf8", mode, flag: "wx" });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`cannot write '${path}': ${fsReason(error)}; nothing written`, EXIT_BAD_INPUT);
  }
}

export interface ExpandedPath {
  /** The file as the file system knows it. */
  path: string;
  /** Named on the command line (not found by walking a folder). */
  explicit: boolean;
  /**
   * The note's path as the session-note rule sees it (`/` separators): from the sessions folder on
   * when the path passes through it (`vault/Sessions/a.md` → `Sessions/a.md`), else as given.
   */
  notePath: string;
}

/** Every file named, and every Markdown file under each folder named, once each. */
export function expandPaths(paths: readonly string[], sessionsFolder: string): ExpandedPath[] {
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
  return [...out].map(([path, explicit]) => ({ path, explicit, notePath: notePathIn(path, sessionsFolder) }));
}

/** `path` from the sessions folder on when it passes through it, else `path` with `/` separators. */
export function notePathIn(path: string, sessionsFolder: string): string {
  const slashed = toSlashes(path).replace(/^(\.\/)+/, "");
  const folder = sessionsFolder.replace(/^\/+|\/+$/g, "");
  if (folder === "") return slashed;
  if (slashed.startsWith(`${folder}/`)) return slashed;
  const at = slashed.lastIndexOf(`/${folder}/`);
  return at >= 0 ? slashed.slice(at + 1) : slashed;
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
