/**
 * The vault's papers: which topics present one (kind `paper`, and every main topic), the query each
 * makes, and the resolved answers grouped so that one paper presented twice is one paper.
 */
import type { ParsedNote, Topic } from "../note/model";
import type { PaperDetails } from "./details";
import { paperIds } from "./paper-id";
import type { PaperQuery, Resolution, ResolveProblem } from "./resolve";
import { foldTitle } from "./title-match";

/** A topic as SPEC §5's `presented` lists it. */
export interface Presented {
  file: string;
  line: number;
  date: string | null;
  presenter: string | null;
  title: string;
}

export interface PaperTopic extends Presented {
  query: PaperQuery;
}

export interface LibraryPaper {
  details: PaperDetails;
  presented: Presented[];
}

export interface Library {
  papers: LibraryPaper[];
  unresolved: Presented[];
  failed: Array<{ topic: Presented; problem: ResolveProblem }>;
}

/** Lines under a title that may name the paper (the template's link line, a pasted URL); later lines cite others. */
const ID_LINES = 8;

/** The topics of a parsed note that present a paper. `text` is the note's text, for links in the first body lines. */
export function paperTopics(note: ParsedNote, file: string, text: string): PaperTopic[] {
  const lines = text.split(/\r\n|\r|\n/);
  return note.topics
    .filter((topic) => (topic.kind === "paper" || topic.main) && topic.title.trim() !== "")
    .map((topic) => paperTopic(note, topic, file, lines));
}

/** One topic as a paper topic, whatever its kind (the user asked for this one). */
export function paperTopic(note: ParsedNote, topic: Topic, file: string, lines: readonly string[]): PaperTopic {
  const body = lines.slice(topic.line + 1, Math.min(topic.endLine, topic.line + ID_LINES) + 1).join("\n");
  return {
    file,
    line: topic.line,
    date: note.date,
    presenter: topic.presenter,
    title: topic.title,
    query: { title: topic.title, ids: paperIds(topic, body) },
  };
}

/** Keys one paper is known by: arXiv id, DOI, folded title. */
export function detailKeys(details: Pick<PaperDetails, "arxiv" | "doi" | "title">): string[] {
  const keys: string[] = [];
  if (details.arxiv) keys.push(`arxiv:${details.arxiv}`);
  if (details.doi) keys.push(`doi:${details.doi}`);
  const title = foldTitle(details.title);
  if (title !== "") keys.push(`title:${title}`);
  return keys;
}

export function buildLibrary(topics: readonly PaperTopic[], resolutions: readonly Resolution[]): Library {
  const papers: LibraryPaper[] = [];
  const byKey = new Map<string, LibraryPaper>();
  const unresolved: Presented[] = [];
  const failed: Library["failed"] = [];
  topics.forEach((topic, i) => {
    const { query: _query, ...presented } = topic;
    const resolution = resolutions[i];
    if (resolution?.status === "failed") failed.push({ topic: presented, problem: resolution.problem });
    if (resolution?.status !== "found") {
      unresolved.push(presented);
      return;
    }
    const keys = detailKeys(resolution.details);
    let paper = keys.map((key) => byKey.get(key)).find(Boolean);
    if (!paper) {
      paper = { details: resolution.details, presented: [] };
      papers.push(paper);
    }
    for (const key of keys) if (!byKey.has(key)) byKey.set(key, paper);
    paper.presented.push(presented);
  });
  for (const paper of papers) paper.presented.sort(byDateThenFile);
  papers.sort(
    (a, b) => byDateThenFile(a.presented[0], b.presented[0]) || a.details.title.localeCompare(b.details.title),
  );
  return { papers, unresolved, failed };
}

function byDateThenFile(a: Presented | undefined, b: Presented | undefined): number {
  return (
    (a?.date ?? "").localeCompare(b?.date ?? "") ||
    (a?.file ?? "").localeCompare(b?.file ?? "") ||
    (a?.line ?? 0) - (b?.line ?? 0)
  );
}

/** SPEC §5's `papers --json`. */
export function libraryJson(library: Library): {
  papers: Array<Omit<PaperDetails, "abstract" | "tldr"> & { presented: Presented[] }>;
  unresolved: Array<Pick<Presented, "file" | "line" | "title">>;
} {
  return {
    papers: library.papers.map(({ details, presented }) => ({
      title: details.title,
      authors: details.authors,
      year: details.year,
      venue: details.venue,
      arxiv: details.arxiv,
      doi: details.doi,
      url: details.url,
      presented,
    })),
    unresolved: library.unresolved.map(({ file, line, title }) => ({ file, line, title })),
  };
}
