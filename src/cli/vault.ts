/** A folder of notes read the way the plugin reads a vault. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ParsedNote } from "../core/note/model";
import { isSessionNote, parseNote } from "../core/note/parser";
import { sessionFromParse } from "../core/index/session-entry";
import { TopicIndex } from "../core/index/topic-index";
import { CliError } from "./errors";
import { listMarkdown, readNote } from "./files";

export interface LoadedVault {
  index: TopicIndex;
  notes: ParsedNote[];
  /** Each session note's text, by its path relative to the folder. */
  texts: Map<string, string>;
  /** Files that could not be read, with the reason; they are reported, not fatal. */
  problems: string[];
}

export function loadVault(dir: string, kindAliases?: Readonly<Record<string, string>>): LoadedVault {
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
    const note = parseNote(text, { path: file, kindAliases });
    if (!isSessionNote(note)) continue;
    notes.push(note);
    texts.set(file, text);
    index.upsert(sessionFromParse(file, note));
  }
  return { index, notes, texts, problems };
}
