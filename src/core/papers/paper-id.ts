/**
 * Papers: what identifies the work a topic presents. A `PaperId` is a scheme and a normalized value;
 * `paperIdKey` and `parsePaperIdKey` are its one format/parse pair (for map keys and stored text),
 * `describePaperId` its form for people. May import only core text helpers.
 */
import { foldKey } from "../text";

export type PaperScheme = "arxiv" | "doi" | "url" | "title";

export interface PaperId {
  scheme: PaperScheme;
  /**
   * Normalized: arXiv id without version (old-style ids without subject class, `math/0309136`), DOI
   * lower-cased, URL without scheme/tracking (ACL Anthology, OpenReview and Semantic Scholar pages in
   * one canonical form each), folded title.
   */
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

const ARXIV_NEW = String.raw`\d{4}\.\d{4,5}`;
/** `hep-th/9901001`, `math.GT/0309136`, `cond-mat.mes-hall/0211022`. */
const ARXIV_OLD = String.raw`[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2}(?:-[a-z]+)?)?\/\d{7}`;
/** Where an arXiv id is named: its pages (abs, pdf, html, format, mirrors), `arXiv:`, its DataCite DOI. */
const ARXIV = new RegExp(
  String.raw`(?:(?:arxiv\.org|ar5iv(?:\.labs\.arxiv)?\.org|alphaxiv\.org|huggingface\.co)\/(?:abs|pdf|html|format|ps|papers)\/|\barxiv(?::\s*|\s+)|10\.48550\/arxiv\.)(${ARXIV_NEW}|${ARXIV_OLD})(?:v\d+)?(?!\d)`,
  "i",
);
const DOI = /\b(10\.\d{4,9}\/[-._;()/:a-z0-9]+[a-z0-9])/i;
const ACL = /\b(?:aclanthology\.org|aclweb\.org\/anthology)\/(\d{4}\.[a-z\d-]+\.\d+|[a-z]\d{2}-\d{4})/i;
const OPENREVIEW = /\bopenreview\.net\/(?:forum|pdf|attachment)\?(?:[^#\s]*&)?id=([\w-]+)/i;
/** What each pattern above must contain somewhere: a text without any of these names no paper. */
const ID_MARKERS =
  /arxiv|ar5iv|alphaxiv|huggingface\.co|10\.\d|aclanthology\.org|aclweb\.org|openreview\.net|semanticscholar\.org/i;
const SEMANTIC_SCHOLAR = /\bsemanticscholar\.org\/(?:paper\/(?:[^/\s?#]+\/)?([0-9a-f]{40})|arxiv\/([\d.]+))/i;

/** The arXiv id named in `text` (first one), normalized; null when there is none. */
export function findArxivId(text: string): string | null {
  const match = ARXIV.exec(text);
  return match?.[1] ? normalizeArxivId(match[1]) : null;
}

/** `2301.00001v2` → `2301.00001`; `math.GT/0309136` → `math/0309136` (the API's canonical form). */
export function normalizeArxivId(id: string): string {
  const bare = id.trim().replace(/v\d+$/i, "");
  const slash = bare.indexOf("/");
  if (slash < 0) return bare;
  const archive = bare.slice(0, slash).toLowerCase();
  const dot = archive.indexOf(".");
  return `${dot < 0 ? archive : archive.slice(0, dot)}${bare.slice(slash)}`;
}

/** The DOI named in `text`, lower-cased; arXiv's own DOIs (`10.48550/arXiv.…`) are arXiv ids, not DOIs. */
export function findDoi(text: string): string | null {
  const match = DOI.exec(text);
  if (!match?.[1]) return null;
  const doi = match[1].toLowerCase();
  return doi.startsWith("10.48550/arxiv.") ? null : doi;
}

/**
 * A paper page in one canonical form, so the PDF and the abstract page are one paper:
 * `aclanthology.org/2024.acl-long.1`, `openreview.net/forum?id=X`, `semanticscholar.org/paper/<sha>`.
 */
export function canonicalPaperUrl(url: string): string | null {
  const acl = ACL.exec(url);
  if (acl?.[1]) return `aclanthology.org/${acl[1].toLowerCase()}`;
  const openReview = OPENREVIEW.exec(url);
  if (openReview?.[1]) return `openreview.net/forum?id=${openReview[1]}`;
  const s2 = SEMANTIC_SCHOLAR.exec(url);
  if (s2?.[1]) return `semanticscholar.org/paper/${s2[1].toLowerCase()}`;
  return null;
}

/** Ids of the thing a topic presents, strongest first: arXiv id, DOI, normalized link, title. */
export function paperIds(source: { title: string; url: string | null; summary: string }, body: string): PaperId[] {
  const out: PaperId[] = [];
  const parts = [source.url ?? "", source.title, source.summary, body];
  // Every id pattern holds one of the markers, which hold no line break: a text with none has no id.
  // Most bodies have none, and are then read once rather than copied and read three times.
  let page: string | null = null;
  if (parts.some((part) => ID_MARKERS.test(part))) {
    const text = parts.join("\n");
    const arxiv = findArxivId(text);
    if (arxiv) out.push({ scheme: "arxiv", value: arxiv });
    const doi = findDoi(text);
    if (doi) out.push({ scheme: "doi", value: doi });
    page = canonicalPaperUrl(text);
    if (page) out.push({ scheme: "url", value: page });
  }
  if (source.url && /^https?:\/\//i.test(source.url) && findArxivId(source.url) === null) {
    const value = canonicalPaperUrl(source.url) ?? normalizeUrl(source.url);
    if (value !== page) out.push({ scheme: "url", value });
  }
  const title = titleKey(source.title);
  if (title.length >= 12) out.push({ scheme: "title", value: title });
  return out;
}

/** A title folded for comparison: case, width and punctuation ignored. */
export function titleKey(title: string): string {
  const folded = foldKey(title);
  // Most titles are words and single spaces already (folding collapsed the spaces): nothing to replace.
  return ONLY_WORDS.test(folded) ? folded : folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * Letters, digits and spaces of the common scripts (ASCII, kana, the common kanji): a plain class,
 * read many times faster than the Unicode properties, which are asked only of the other titles.
 */
const ONLY_WORDS = /^[a-z0-9 \u3041-\u3096\u30a1-\u30fa\u30fc-\u30fe\u4e00-\u9fa5]*$/;

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
