/**
 * A session as the index holds it, built either from a parse (an unsynced note) or from the note's
 * properties as Obsidian's metadata cache has them (a synced note: no file read at all).
 */
import type { ParsedNote, Presenter } from "../note/model";
import { SESSION_TYPE } from "../note/vocabulary";
import { isWhitespaceCode } from "../text";
import { linkedNotes, presenterName } from "./people-links";
import type { IndexedTopic, SessionEntry } from "./topic-index";

/** An empty list shared by every topic without tags and every presenter without aliases (never mutated). */
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
  const date = typeof fm.date === "string" ? dateOf(fm.date) : null;
  const topics: IndexedTopic[] = [];
  for (const item of fm.topics as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const raw = item as Record<string, unknown>;
    const title = text(raw.title);
    if (title === null || isBlank(title)) continue;
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
  const presenters: Presenter[] = [];
  let linked = false;
  if (Array.isArray(fm.presenters))
    for (const value of fm.presenters as unknown[]) {
      if (typeof value !== "string" || isBlank(value)) continue;
      presenters.push(presenterOf(value));
      linked ||= value.startsWith("[[");
    }
  const series = typeof fm.series === "string" ? fm.series : null;
  const entry: SessionEntry = { file, date, series, presenters, topics };
  if (linked) {
    const links = linkedNotes(fm.presenters);
    if (links.length > 0) entry.links = links;
  }
  return entry;
}

/**
 * The presenter a `presenters` value names, one shared (frozen) object per spelling: a vault names the
 * same few people in every note, and people merging caches its work per object. Bounded like `foldKey`.
 */
function presenterOf(value: string): Presenter {
  let presenter = presenterCache.get(value);
  if (presenter === undefined) {
    presenter = Object.freeze({ name: presenterName(value), aliases: NO_TAGS as string[] });
    if (presenterCache.size >= PRESENTER_CACHE_SIZE) presenterCache.clear();
    presenterCache.set(value, presenter);
  }
  return presenter;
}

const PRESENTER_CACHE_SIZE = 4096;
const presenterCache = new Map<string, Presenter>();

/** The `YYYY-MM-DD` a date property starts with, or null (a date as sync writes it is used as it is). */
function dateOf(value: string): string | null {
  if (value.length === 10 && isDay(value)) return value;
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null;
}

function isDay(value: string): boolean {
  for (let i = 0; i < 10; i++) {
    const code = value.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 0x2d : code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** Only whitespace (what `trim()` removes), found without making the trimmed copy. */
function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isWhitespaceCode(value.charCodeAt(i))) return false;
  return true;
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
