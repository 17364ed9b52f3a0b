/** The CLI's only contact with the file system: reading notes and walking folders. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { decodeNote } from "../core/encoding";
import { CliError, EXIT_BAD_INPUT } from "./errors";

export function readNote(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`${path}: cannot read: ${describe(error)}`, EXIT_BAD_INPUT);
  }
  const decoded = decodeNote(bytes);
  if (!decoded.ok) throw new CliError(`${path}: ${decoded.reason}`, EXIT_BAD_INPUT);
  return decoded.text;
}

const SKIPPED_FOLDERS = new Set(["node_modules"]);

/** Markdown files under `dir`, as `/`-separated paths relative to it, sorted. Hidden folders are skipped. */
export function listMarkdown(dir: string): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    throw new CliError(`${dir}: cannot read: ${describe(error)}`, EXIT_BAD_INPUT);
  }
  if (!stat.isDirectory()) throw new CliError(`${dir}: not a folder`, EXIT_BAD_INPUT);
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
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

export function describe(error: unknown): string {
  if (error instanceof Error) return "code" in error && typeof error.code === "string" ? error.code : error.message;
  return String(error);
}
