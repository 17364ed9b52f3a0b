/**
 * What "fill paper details" writes, planned from plain data so the plugin and the CLI write alike:
 * which paper note each paper goes to (an existing one found by arXiv id, DOI or title, else a new
 * file in the papers folder), its text, and the `paper` link each presenting topic entry gets.
 */
import { syncFrontmatter } from "../properties/frontmatter";
import type { SyncResult } from "../properties/frontmatter-edit";
import { ok } from "../result";
import type { ParsedNote } from "../note/model";
import type { Library, LibraryPaper } from "./library";
import {
  newPaperNote,
  noteLink,
  paperFileName,
  paperNoteKeys,
  readPaperNote,
  refillPaperNote,
  type PaperNoteLabels,
} from "./paper-note";

export interface ExistingNote {
  path: string;
  properties: Record<string, unknown> | null;
}

export interface PlannedPaper {
  paper: LibraryPaper;
  /** Vault path of its note. */
  path: string;
  exists: boolean;
}

export interface FillPlan {
  papers: PlannedPaper[];
  /** Session note → topic title → `[[Papers/…]]`. */
  links: Map<string, Map<string, string>>;
}

/**
 * `notes`: the vault's paper notes (any note whose properties say `type: paper`); `taken`: whether a
 * path is used by any file, so a new note never lands on one.
 */
export function planFill(
  library: Library,
  notes: readonly ExistingNote[],
  folder: string,
  taken: (path: string) => boolean,
): FillPlan {
  const byKey = new Map<string, string>();
  for (const note of notes) {
    const paper = readPaperNote(note.properties);
    if (!paper) continue;
    for (const key of paperNoteKeys(paper)) if (!byKey.has(key)) byKey.set(key, note.path);
  }
  const claimed = new Set<string>();
  const papers: PlannedPaper[] = [];
  const links = new Map<string, Map<string, string>>();
  const prefix = folder.replace(/^\/+|\/+$/g, "");
  for (const paper of library.papers) {
    let path = paperNoteKeys(paper.details)
      .map((key) => byKey.get(key))
      .find((p) => p !== undefined && !claimed.has(p));
    const exists = path !== undefined;
    if (path === undefined) {
      const file = paperFileName(paper.details.title);
      const stem = `${prefix ? `${prefix}/` : ""}${file.slice(0, -3)}`;
      path = `${stem}.md`;
      for (let n = 2; taken(path) || claimed.has(path); n++) path = `${stem} (${n}).md`;
    }
    claimed.add(path);
    papers.push({ paper, path, exists });
    for (const topic of paper.presented) {
      const forFile = links.get(topic.file) ?? new Map<string, string>();
      forFile.set(topic.title, noteLink(path));
      links.set(topic.file, forFile);
    }
  }
  return { papers, links };
}

/** The `presented` links of a paper: its sessions, by vault path, in date order, once each. */
export function presentedLinks(paper: LibraryPaper): string[] {
  return [...new Set(paper.presented.map((p) => noteLink(p.file)))];
}

/** The paper note's next text: a new note, or the refill of `current`. */
export function paperNoteText(planned: PlannedPaper, current: string | null, labels: PaperNoteLabels): SyncResult {
  const presented = presentedLinks(planned.paper);
  if (current === null) return ok({ text: newPaperNote(planned.paper.details, presented, labels), changed: true });
  return refillPaperNote(current, planned.paper.details, presented);
}

/** A session note with its topic entries linked to their paper notes. */
export function linkTopics(text: string, note: ParsedNote, links: ReadonlyMap<string, string>): SyncResult {
  const extras = new Map<string, Record<string, unknown>>();
  for (const [title, link] of links) extras.set(title, { paper: link });
  return syncFrontmatter(text, note, { extras });
}
