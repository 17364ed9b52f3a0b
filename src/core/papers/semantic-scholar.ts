/** The Semantic Scholar Graph API's pure parts: request URLs and its paper JSON read into `PaperDetails`. */
import { cleanText, emptyDetails, type PaperDetails } from "./details";
import { findDoi, normalizeArxivId, type PaperId } from "./paper-id";

export const S2_FIELDS = "title,authors,year,venue,publicationVenue,journal,externalIds,tldr,abstract,url";

/** The id Semantic Scholar resolves for a paper id, or null when it has none for it (a bare title, a blog link). */
export function s2Id(id: PaperId): string | null {
  if (id.scheme === "arxiv") return `ARXIV:${id.value}`;
  if (id.scheme === "doi") return `DOI:${id.value}`;
  if (id.scheme !== "url") return null;
  const acl = /^aclanthology\.org\/(.+)$/.exec(id.value);
  if (acl?.[1]) return `ACL:${acl[1].replace(/^([a-z])/, (c) => c.toUpperCase())}`;
  const sha = /^semanticscholar\.org\/paper\/([0-9a-f]{40})$/.exec(id.value);
  return sha?.[1] ?? null;
}

function pathId(id: string): string {
  return encodeURIComponent(id).replace(/%2F/gi, "/").replace(/%3A/gi, ":");
}

export function s2PaperUrl(base: string, id: string): string {
  return `${base}/paper/${pathId(id)}?fields=${S2_FIELDS}`;
}

/** POST this with `s2BatchBody(ids)`: the answer is a list in the same order, null for unknown ids. */
export function s2BatchUrl(base: string): string {
  return `${base}/paper/batch?fields=${S2_FIELDS}`;
}

export function s2BatchBody(ids: readonly string[]): string {
  return JSON.stringify({ ids });
}

/** The one paper whose title matches best; HTTP 404 when none does. Its title still has to agree. */
export function s2MatchUrl(base: string, title: string): string {
  return `${base}/paper/search/match?query=${encodeURIComponent(title)}&fields=${S2_FIELDS}`;
}

export function s2Headers(apiKey: string): Record<string, string> {
  return apiKey.trim() === "" ? {} : { "x-api-key": apiKey.trim() };
}

/** One paper object; null when it is not one (a `null` in a batch answer, an error object). */
export function parseS2Paper(value: unknown): PaperDetails | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const paper = value as Record<string, unknown>;
  const title = cleanText(paper.title);
  if (!title) return null;
  const details = emptyDetails(title);
  details.authors = Array.isArray(paper.authors)
    ? paper.authors
        .map((a) => cleanText(typeof a === "object" && a !== null ? (a as Record<string, unknown>).name : null))
        .filter((name): name is string => name !== null)
    : [];
  details.year = typeof paper.year === "number" && Number.isInteger(paper.year) ? paper.year : null;
  details.venue = venueOf(paper);
  const external = record(paper.externalIds);
  const arxiv = cleanText(external.ArXiv);
  details.arxiv = arxiv ? normalizeArxivId(arxiv) : null;
  details.doi = findDoi(cleanText(external.DOI) ?? "");
  details.abstract = cleanText(paper.abstract);
  details.tldr = cleanText(record(paper.tldr).text);
  details.url = cleanText(paper.url);
  return details;
}

/** The venue's full name when known; `arXiv.org` is where a preprint is, not a venue. */
function venueOf(paper: Record<string, unknown>): string | null {
  const candidates = [record(paper.publicationVenue).name, paper.venue, record(paper.journal).name];
  for (const candidate of candidates) {
    const name = cleanText(candidate);
    if (name && !/^arxiv(\.org)?$/i.test(name)) return name;
  }
  return null;
}

/** `{ data: [paper] }` of a title match. */
export function parseS2Match(value: unknown): PaperDetails | null {
  const data = record(value).data;
  return Array.isArray(data) ? parseS2Paper(data[0]) : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
