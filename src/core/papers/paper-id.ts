/**
 * Papers: what identifies the work a topic presents. A `PaperId` is a scheme and a normalized value;
 * `paperIdKey` and `parsePaperIdKey` are its one format/parse pair (for map keys and stored text),
 * `describePaperId` its form for people. May import only core text helpers.
 */
import { foldKey } from "../text";

export type PaperScheme = "arxiv" | "doi" | "url" | "title";

export interface PaperId {
  scheme: PaperScheme;
  /** Normalized: arXiv id without version, DOI lower-cased, URL without scheme/tracking, folded title. */
  value: string;
}

const SCHEMES: readonly PaperScheme[] = ["arxiv", "doi", "url", "title"];

/** `arxiv:1706.03762`: one string per id, for maps and sets. */
export function paperIdKey(id: PaperId): string {
  return `${id.scheme}:${id.value}`;
}

/** The inverse of `paperIdKey`; null for anything it did not write. */
export function parsePaperIdKey(key: string): PaperId | null {
  const colon = key.indexOf(":");
  const scheme = key.slice(0, colon) as PaperScheme;
  if (colon <= 0 || !SCHEMES.includes(scheme) || colon === key.length - 1) return null;
  return { scheme, value: key.slice(colon + 1) };
}

/** For people: `arXiv 1706.03762`, `DOI 10.18653/…`, the link, or the title. */
export function describePaperId(id: PaperId): string {
  switch (id.scheme) {
    case "arxiv":
      return `arXiv ${id.value}`;
    case "doi":
      return `DOI ${id.value}`;
    default:
      return id.value;
  }
}

const ARXIV = /(?:arxiv\.org\/(?:abs|pdf)\/|arxiv:\s*)(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?/i;
const DOI = /\b(10\.\d{4,9}\/[-._;()/:a-z0-9]+[a-z0-9])/i;

/** Ids of the thing a topic presents, strongest first: arXiv id, DOI, normalized link, title. */
export function paperIds(source: { title: string; url: string | null; summary: string }, body: string): PaperId[] {
  const out: PaperId[] = [];
  const text = `${source.url ?? ""}\n${source.title}\n${source.summary}\n${body}`;
  const arxiv = ARXIV.exec(text);
  if (arxiv?.[1]) out.push({ scheme: "arxiv", value: arxiv[1] });
  const doi = DOI.exec(text);
  if (doi?.[1]) out.push({ scheme: "doi", value: doi[1].toLowerCase() });
  if (source.url && /^https?:\/\//i.test(source.url) && !ARXIV.test(source.url))
    out.push({ scheme: "url", value: normalizeUrl(source.url) });
  const title = titleKey(source.title);
  if (title.length >= 12) out.push({ scheme: "title", value: title });
  return out;
}

/** A title folded for comparison: case, width and punctuation ignored. */
export function titleKey(title: string): string {
  return foldKey(title)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** `https://www.x.com/a/?utm_source=y#z` and `http://x.com/a` are one page. */
export function normalizeUrl(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\/(www\.)?/i, "")
    .replace(/#.*$/, "")
    .replace(/[?&](utm_[^=&]+|ref|source)=[^&]*/gi, "")
    .replace(/\?$/, "")
    .replace(/\/+$/, "")
    .toLowerCase();
}
