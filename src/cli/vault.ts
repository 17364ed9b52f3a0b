/** A folder of notes read the way the plugin reads a vault. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ParsedNote } from "../core/note/model";
import { readSessionNote, type NoteSettings } from "../core/note/session-note";
import { sessionFromParse } from "../core/index/session-entry";
import { TopicIndex } from "../core/index/topic-index";
import { CliError } from "./errors";
import { listMarkdown, notePathIn, readNote } from "./files";

export interface LoadedVault {
  index: TopicIndex;
  notes: ParsedNote[];
  /** Each session note's text, by its path relative to the folder. */
  texts: Map<string, string>;
  /** Files that could not be read, with the reason; they are reported, not fatal. */
  problems: string[];
}

/** The sessions folder is `Sessions` under `dir` unless the settings (from `--config`) say otherwise. */
export function loadVault(dir: string, settings: NoteSettings = { sessionsFolder: "Sessions" }): LoadedVault {
  const index = new TopicIndex();
  const notes: ParsedNote[] = [];
  const texts = new Map<string, string>();
  const problems: string[] = [];
  const files = listMarkdown(dir);
  if (files.length === 0 && readdirSync(dir).some((name) => name.toLowerCase().endsWith(".txt"))) {
    // Pasted or exported pages are .txt: say how to use them rather than report an empty vault.
    problems.push(
      `${dir}: no .md notes here, only .txt pages; parse one with "parse FILE", or convert them with "import FILE… --out DIR"`,
    );
  }
  for (const file of files) {
    let text: string;
    try {
      text = readNote(join(dir, file));
    } catch (error) {
      if (error instanceof CliError) {
        problems.push(error.message);
        continue;
      }
      throw error;
    }
    // `file` (relative to DIR) is the note's path in output; the rule also sees `DIR/Sessions/…` as inside.
    const inFolder = notePathIn(join(dir, file), settings.sessionsFolder);
    const { note, session } = readSessionNote(text, inFolder, settings);
    if (!session) continue;
    note.path = file; // the same base name, so the same date: only the reported path differs
    notes.push(note);
    texts.set(file, text);
    index.upsert(sessionFromParse(file, note));
  }
  return { index, notes, texts, problems };
}
