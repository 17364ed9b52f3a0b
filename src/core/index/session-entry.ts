/**
 * A session as the index holds it, built either from a parse (an unsynced note) or from the note's
 * properties as Obsidian's metadata cache has them (a synced note: no file read at all).
 */
import type { ParsedNote, Presenter } from "../note/model";
import { SESSION_TYPE } from "../note/vocabulary";
import { linkedNotes, presenterName } from "./people-links";
import type { IndexedTopic, SessionEntry } from "./topic-index";

const NO_TAGS: readonly string[] = Object.freeze([]);

export function sessionFromParse(file: string, note: ParsedNote): SessionEntry {
  return {
    file,
    date: note.date,
    series: note.series,
    presenters: note.presenters,
    topics: note.topics.map((topic) => ({ ...topic, file, date: note.date })),
  };
}

/**
 * From properties: `null` unless the note is a synced session note (`type: study-session` and a
 * `topics` list). Lines are not stored in properties; `line` is -1 until the note is read. This runs
 * for every session note at start-up, so it reads the entries directly, one object per topic.
 */
export function sessionFromProperties(file: string, frontmatter: unknown): SessionEntry | null {
  if (typeof frontmatter !== "object" || frontmatter === null) return null;
  const fm = frontmatter as Record<string, unknown>;
  if (fm.type !== SESSION_TYPE || !Array.isArray(fm.topics)) return null;
  const date = typeof fm.date === "string" ? (/^\d{4}-\d{2}-\d{2}/.exec(fm.date)?.[0] ?? null) : null;
  const topics: IndexedTopic[] = [];
  for (const item of fm.topics as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const raw = item as Record<string, unknown>;
    const title = text(raw.title);
    if (title === null || title.trim() === "") continue;
    topics.push({
      presenter: presenterText(raw.presenter),
      kind: text(raw.kind),
      kindLabel: null,
      title,
      url: text(raw.url),
      main: raw.main === true,
      tags: Array.isArray(raw.tags) ? tagList(raw.tags as unknown[]) : (NO_TAGS as string[]),
      line: -1,
      endLine: -1,
      summary: "",
      file,
      date,
    });
  }
  const presenters: Presenter[] = Array.isArray(fm.presenters)
    ? (fm.presenters as unknown[])
        .filter((p): p is string => typeof p === "string" && p.trim() !== "")
        .map((value) => ({ name: presenterName(value), aliases: [] }))
    : [];
  const series = typeof fm.series === "string" ? fm.series : null;
  const links = linkedNotes(fm.presenters);
  return { file, date, series, presenters, topics, ...(links.length > 0 ? { links } : {}) };
}

/** A topic's presenter: a plain name, or a link to a people note read as the name it shows. */
function presenterText(value: unknown): string | null {
  const name = text(value);
  return name !== null && name.startsWith("[[") ? presenterName(name) : name;
}

/** A property value as text. Cheap on purpose: it runs for every field of every topic at start-up. */
function text(value: unknown): string | null {
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** Tags as sync writes them are used as they are (never mutated); anything else is cleaned up. */
function tagList(values: unknown[]): string[] {
  let clean = true;
  for (const value of values) {
    if (typeof value !== "string" || value === "" || value.charCodeAt(0) === 0x23) {
      clean = false;
      break;
    }
  }
  if (clean) return values as string[];
  const tags: string[] = [];
  for (const value of values) {
    const tag = text(value);
    if (tag !== null && tag.trim() !== "") tags.push(tag.charCodeAt(0) === 0x23 ? tag.slice(1) : tag);
  }
  return tags;
}
