/** The arXiv API's pure parts: query URLs and its Atom feed read into `PaperDetails`. */
import { cleanText, emptyDetails, type PaperDetails } from "./details";
import { findArxivId, findDoi } from "./paper-id";
import { child, childrenNamed, type XmlElement } from "./xml";

/** One request for many papers: `id_list=a,b,c`. */
export function arxivIdListUrl(base: string, ids: readonly string[]): string {
  const list = ids.map((id) => encodeURIComponent(id).replace(/%2F/gi, "/")).join(",");
  return `${base}?id_list=${list}&max_results=${ids.length}`;
}

/** A title search (`ti:"…"`), a few hits: the caller takes one only if its title agrees. */
export function arxivTitleSearchUrl(base: string, title: string): string {
  const words = title
    .replace(/[^\p{L}\p{N}\s-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return `${base}?search_query=${encodeURIComponent(`ti:"${words}"`)}&max_results=5`;
}

export type FeedResult = { ok: true; papers: PaperDetails[] } | { ok: false; detail: string };

/**
 * Entries of a feed. arXiv reports a bad query as HTTP 200 with one entry titled `Error` whose id is
 * under `/api/errors`: that is a failure, not a paper. Titles and abstracts arrive hard-wrapped.
 */
export function parseArxivFeed(root: XmlElement | null): FeedResult {
  if (root?.name !== "feed") return { ok: false, detail: "not an Atom feed" };
  const papers: PaperDetails[] = [];
  for (const entry of childrenNamed(root, "entry")) {
    const idText = child(entry, "id")?.text ?? "";
    if (/\/api\/errors/.test(idText)) {
      return { ok: false, detail: cleanText(child(entry, "summary")?.text) ?? "arXiv reported an error" };
    }
    const arxiv = findArxivId(idText);
    const title = cleanText(child(entry, "title")?.text);
    if (!arxiv || !title) continue;
    const details = emptyDetails(title);
    details.arxiv = arxiv;
    details.authors = childrenNamed(entry, "author")
      .map((a) => cleanText(child(a, "name")?.text))
      .filter((name): name is string => name !== null);
    const published = /^(\d{4})/.exec(child(entry, "published")?.text.trim() ?? "");
    details.year = published?.[1] ? Number(published[1]) : null;
    details.abstract = cleanText(child(entry, "summary")?.text);
    details.doi = findDoi(child(entry, "doi")?.text ?? "");
    details.venue = cleanText(child(entry, "journal_ref")?.text);
    details.url = `https://arxiv.org/abs/${arxiv}`;
    papers.push(details);
  }
  return { ok: true, papers };
}
