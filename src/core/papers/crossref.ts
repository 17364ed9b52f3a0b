/** The Crossref REST API's pure parts: `/works/{doi}` and its work JSON read into `PaperDetails`. */
import { cleanText, emptyDetails, type PaperDetails } from "./details";
import { findDoi } from "./paper-id";

export function crossrefWorkUrl(base: string, doi: string): string {
  return `${base}/works/${encodeURIComponent(doi)}`;
}

/** `{ status: "ok", message: { title: [..], author: [..], "container-title": [..], issued: … } }`. */
export function parseCrossrefWork(value: unknown): PaperDetails | null {
  const message = record(record(value).message);
  const title = first(message.title);
  if (!title) return null;
  const subtitle = first(message.subtitle);
  const details = emptyDetails(subtitle && !title.includes(":") ? `${title}: ${subtitle}` : title);
  details.authors = Array.isArray(message.author)
    ? message.author
        .map((a) => {
          const author = record(a);
          const name = [cleanText(author.given), cleanText(author.family)].filter(Boolean).join(" ");
          return name || cleanText(author.name);
        })
        .filter((name): name is string => typeof name === "string" && name !== "")
    : [];
  for (const key of ["issued", "published", "published-print", "published-online", "created"]) {
    const parts = record(message[key])["date-parts"];
    const year: unknown = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[])[0] : null;
    if (typeof year === "number" && Number.isInteger(year)) {
      details.year = year;
      break;
    }
  }
  details.venue = first(message["container-title"]) ?? cleanText(record(message.event).name);
  details.doi = findDoi(cleanText(message.DOI) ?? "");
  details.abstract = cleanText(message.abstract);
  details.url = cleanText(message.URL);
  return details;
}

function first(value: unknown): string | null {
  return Array.isArray(value) ? cleanText(value[0]) : cleanText(value);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
