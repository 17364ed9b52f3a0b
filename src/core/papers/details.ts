/** One shape for what every service tells about a paper, and how answers from several are combined. */

export interface PaperDetails {
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  /** Without version: `1706.03762`, `hep-th/9901001`. */
  arxiv: string | null;
  /** Lower-cased; never arXiv's own `10.48550/…`. */
  doi: string | null;
  url: string | null;
  abstract: string | null;
  /** Semantic Scholar's one-sentence summary. */
  tldr: string | null;
}

export function emptyDetails(title: string): PaperDetails {
  return {
    title,
    authors: [],
    year: null,
    venue: null,
    arxiv: null,
    doi: null,
    url: null,
    abstract: null,
    tldr: null,
  };
}

/** `primary`'s values, with gaps filled from `others` in order. */
export function mergeDetails(primary: PaperDetails, ...others: Array<PaperDetails | null | undefined>): PaperDetails {
  const out: PaperDetails = { ...primary, authors: [...primary.authors] };
  for (const other of others) {
    if (!other) continue;
    if (out.title === "") out.title = other.title;
    if (out.authors.length === 0) out.authors = [...other.authors];
    out.year ??= other.year;
    out.venue ??= other.venue;
    out.arxiv ??= other.arxiv;
    out.doi ??= other.doi;
    out.abstract ??= other.abstract;
    out.tldr ??= other.tldr;
    out.url ??= other.url;
  }
  return out;
}

/** The link people expect: the arXiv page, else the DOI, else what the service gave. */
export function canonicalUrl(details: PaperDetails): string | null {
  if (details.arxiv) return `https://arxiv.org/abs/${details.arxiv}`;
  if (details.doi) return `https://doi.org/${details.doi}`;
  return details.url;
}

/** Text from a service: control characters out, whitespace collapsed, markup tags and entities undone. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ENTITIES[name] ?? "")
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text === "" ? null : text;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'" };
