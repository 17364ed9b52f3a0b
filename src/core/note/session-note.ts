/**
 * SPEC §5's session-note rule, in one place, and the one way to read a note with the user's
 * settings: the index, automatic sync and the CLI's `sync`, `index` and `vault` all go through here.
 */
import type { ParsedNote } from "./model";
import { parseNote } from "./parser";
import { SESSION_TYPE } from "./vocabulary";

/** The settings that decide how a note reads: where session notes live, and the user's kind aliases. */
export interface NoteSettings {
  /** Vault-relative folder, `/`-separated (`Sessions`); empty: the vault's root. */
  sessionsFolder: string;
  kindAliases?: Readonly<Record<string, string>>;
}

export interface SessionNoteRead {
  note: ParsedNote;
  /** True when the note is a session note by SPEC §5; only then may anything write to it unasked. */
  session: boolean;
}

/** Parse `text` (the note at vault-relative `path`) and say whether it is a session note. */
export function readSessionNote(text: string, path: string, settings: NoteSettings): SessionNoteRead {
  const note = parseNote(text, { path, kindAliases: settings.kindAliases });
  return { note, session: isSessionNote(note, path, settings.sessionsFolder) };
}

/**
 * A session note is a `.md` note with `type: study-session`; or one inside the sessions folder with
 * at least one topic; or, anywhere, one with a topic under a section marker. `@name` lines followed
 * by text elsewhere (a meeting note, a chat log) do not make a session note.
 */
export function isSessionNote(
  note: Pick<ParsedNote, "type" | "topics" | "sectionTopics">,
  path: string,
  sessionsFolder: string,
): boolean {
  if (!isMarkdownPath(path)) return false;
  if (note.type === SESSION_TYPE) return true;
  if (note.sectionTopics > 0) return true;
  return note.topics.length > 0 && isInFolder(path, sessionsFolder);
}

/** Only `.md` files are notes (a `.txt` page is read by `parse` and `import`, never written by sync). */
export function isMarkdownPath(path: string): boolean {
  return path.toLowerCase().endsWith(".md");
}

/** Whether vault-relative `path` lies inside `folder` (any depth); the root folder `""` holds everything. */
export function isInFolder(path: string, folder: string): boolean {
  const clean = folder.replace(/^\/+|\/+$/g, "");
  if (clean === "") return true;
  return path.startsWith(`${clean}/`);
}
