/**
 * One note per paper in the papers folder: flat properties (`type: paper`, title, authors, year, venue,
 * arxiv, doi, url, presented) that Bases and the Properties panel show, a TL;DR / abstract callout, and
 * the user's own notes below. A refill only fills properties that are missing or empty and adds new
 * `presented` links: what a user typed or changed is never overwritten, and the body is never touched.
 */
import { setProperties, type SyncResult } from "../properties/frontmatter-edit";
import { readProperties } from "../properties/frontmatter-read";
import { ok } from "../result";
import type { BibPaper } from "./bibtex";
import type { PaperDetails } from "./details";
import { normalizeArxivId } from "./paper-id";
import { detailKeys } from "./library";

export const PAPER_TYPE = "paper";

/** The keys a paper note's properties have, in this order. */
const KEYS = ["type", "title", "authors", "year", "venue", "arxiv", "doi", "url", "presented"] as const;

export interface PaperNoteLabels {
  /** Heading of the user's part (`Notes`, `メモ`). */
  notes: string;
}

export const PAPER_NOTE_LABELS: Record<"ja" | "en", PaperNoteLabels> = {
  ja: { notes: "メモ" },
  en: { notes: "Notes" },
};

/** `[[Sessions/2024-08-29 機械学習勉強会]]`: a link by vault path, the same from the plugin and the CLI. */
export function noteLink(path: string): string {
  return `[[${path.replace(/\.md$/i, "")}]]`;
}

/** The target of a `[[link]]` property value (`Papers/X`), or null. */
export function linkTarget(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^\s*\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]\s*$/.exec(value);
  return match?.[1]?.trim() ?? null;
}

/** A file name for a paper: the title without the characters file systems and links refuse. */
export function paperFileName(title: string): string {
  const name = title
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\\/:*?"<>|#^[\]\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "");
  const short = name.length > 120 ? name.slice(0, 120).trimEnd() : name;
  return `${short || "Untitled paper"}.md`;
}

function values(details: PaperDetails, presented: readonly string[]): Array<[string, unknown]> {
  const all: Record<(typeof KEYS)[number], unknown> = {
    type: PAPER_TYPE,
    title: details.title,
    authors: details.authors,
    year: details.year,
    venue: details.venue,
    arxiv: details.arxiv,
    doi: details.doi,
    url: details.url,
    presented: [...presented],
  };
  return KEYS.map((key) => [key, all[key]] as [string, unknown]).filter(([, value]) => !isEmpty(value));
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/** A new paper note's whole text. */
export function newPaperNote(details: PaperDetails, presented: readonly string[], labels: PaperNoteLabels): string {
  const parts: string[] = [];
  if (details.tldr) parts.push(callout("abstract", "TL;DR", details.tldr, false));
  if (details.abstract) parts.push(callout("quote", "Abstract", details.abstract, true));
  parts.push(`## ${labels.notes}\n\n`);
  const result = setProperties(parts.join("\n"), values(details, presented));
  return result.ok ? result.value.text : parts.join("\n");
}

/** Service text in a callout: one paragraph, nothing that Markdown would turn into HTML, tags or headings. */
function callout(type: string, title: string, text: string, folded: boolean): string {
  const safe = text.replace(/\s+/g, " ").replace(/</g, "&lt;").replace(/#/g, "\\#").trim();
  return `> [!${type}]${folded ? "-" : ""} ${title}\n> ${safe}\n`;
}

/** Fill what is missing; add new `presented` links after the ones there. Unchanged text when nothing is new. */
export function refillPaperNote(text: string, details: PaperDetails, presented: readonly string[]): SyncResult {
  const current = readProperties(text) ?? {};
  const wanted: Array<[string, unknown]> = [];
  for (const [key, value] of values(details, presented)) {
    const existing = current[key];
    if (key === "presented") {
      // A single link the user typed is kept as the list's first item.
      const links = Array.isArray(existing)
        ? existing.filter((v): v is string => typeof v === "string")
        : typeof existing === "string" && existing.trim() !== ""
          ? [existing]
          : [];
      const have = new Set(links.map(linkTarget));
      const added = presented.filter((link) => !have.has(linkTarget(link)));
      if (added.length > 0 || !Array.isArray(existing)) wanted.push([key, [...links, ...added]]);
    } else if (isEmpty(existing)) {
      wanted.push([key, value]);
    }
  }
  if (wanted.length === 0) return ok({ text, changed: false });
  return setProperties(text, wanted);
}

/** A paper note's properties as a paper, when the note is one (`type: paper` and a title). */
export function readPaperNote(
  properties: Record<string, unknown> | null | undefined,
): (BibPaper & { presented: string[] }) | null {
  if (!properties || properties.type !== PAPER_TYPE) return null;
  const title = text(properties.title);
  if (!title) return null;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.map(text).filter((v): v is string => v !== null) : text(value) ? [String(value)] : [];
  const year = Number(properties.year);
  const arxiv = text(properties.arxiv);
  return {
    title,
    authors: strings(properties.authors),
    year: Number.isInteger(year) && year > 0 ? year : null,
    venue: text(properties.venue),
    arxiv: arxiv ? normalizeArxivId(arxiv) : null,
    doi: text(properties.doi)?.toLowerCase() ?? null,
    url: text(properties.url),
    presented: strings(properties.presented),
  };
}

/** Keys to find an existing paper note by (arXiv id, DOI, folded title). */
export function paperNoteKeys(paper: Pick<BibPaper, "arxiv" | "doi" | "title">): string[] {
  return detailKeys(paper);
}

function text(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export { readProperties };
