/**
 * From topics to papers: ids are looked up in batches (arXiv `id_list`, Semantic Scholar `/paper/batch`,
 * Crossref for DOIs the others do not know), titles one by one (Semantic Scholar's title match, then an
 * arXiv title search), and a title answer is taken only when its title agrees with the topic's.
 */
import { ok, type Problem } from "../result";
import { arxivIdListUrl, arxivTitleSearchUrl, parseArxivFeed } from "./arxiv";
import { canonicalUrl, mergeDetails, type PaperDetails } from "./details";
import { crossrefWorkUrl, parseCrossrefWork } from "./crossref";
import type { FetchProblem, Fetcher, Service } from "./http";
import { paperIdKey, type PaperId } from "./paper-id";
import {
  parseS2Match,
  parseS2Paper,
  s2BatchBody,
  s2BatchUrl,
  s2Headers,
  s2Id,
  s2MatchUrl,
  s2PaperUrl,
} from "./semantic-scholar";
import { foldTitle, titlesAgree, withoutVenueSuffix } from "./title-match";
import type { ParseXml } from "./xml";

export interface PaperQuery {
  title: string;
  /** From `paperIds`, strongest first. */
  ids: PaperId[];
}

export type Resolution =
  { status: "found"; details: PaperDetails } | { status: "unresolved" } | { status: "failed"; problem: ResolveProblem };

export type ResolveProblem = FetchProblem | (Problem<"malformed" | "http"> & { service: Service; host: string });

/** Answers kept between runs (the plugin's data): a paper, or `null` for "asked, no paper agrees". */
export interface PaperCache {
  get(key: string): PaperDetails | null | undefined;
  set(key: string, value: PaperDetails | null): void;
}

export interface PaperApis {
  arxivApi: string;
  semanticScholarApi: string;
  crossrefApi: string;
  semanticScholarKey: string;
  fetcher: Fetcher;
  parseXml: ParseXml;
}

const ARXIV_BATCH = 50;
const S2_BATCH = 100;

/** The cache key of a query: its strongest id, else its folded title. */
export function queryKey(query: PaperQuery): string {
  const strong = query.ids.find((id) => id.scheme !== "title" && (id.scheme !== "url" || s2Id(id) !== null));
  return strong ? paperIdKey(strong) : `title:${foldTitle(query.title)}`;
}

/** One resolution per query, in order. `onProgress(done, total)` after each query is settled. */
export async function resolvePapers(
  queries: readonly PaperQuery[],
  apis: PaperApis,
  cache?: PaperCache,
  onProgress?: (done: number, total: number) => void,
): Promise<Resolution[]> {
  const session = new Lookup(apis);
  const keys = queries.map(queryKey);
  const results: Array<Resolution | undefined> = keys.map((key) => {
    const cached = cache?.get(key);
    if (cached === undefined) return undefined;
    return cached === null ? { status: "unresolved" } : { status: "found", details: cached };
  });
  let done = results.filter(Boolean).length;
  const pending = queries.map((q, i) => (results[i] === undefined ? i : -1)).filter((i) => i >= 0);
  await session.byIds(pending.map((i) => queries[i] as PaperQuery));
  for (const i of pending) {
    const query = queries[i] as PaperQuery;
    let result = session.fromIds(query);
    if (result.status !== "found") {
      const byTitle = await session.byTitle(query.title);
      if (byTitle.status === "found" || result.status === "unresolved") result = byTitle;
    }
    results[i] = result;
    const key = keys[i] ?? "";
    if (result.status === "found") cache?.set(key, result.details);
    else if (result.status === "unresolved") cache?.set(key, null);
    onProgress?.(++done, queries.length);
  }
  return results.map((r) => r ?? { status: "unresolved" });
}

/** One run's answers, so a paper named by ten topics is asked for once. */
class Lookup {
  readonly #arxiv = new Map<string, PaperDetails | null>();
  readonly #s2 = new Map<string, PaperDetails | null>();
  readonly #crossref = new Map<string, PaperDetails | null>();
  readonly #problems = new Map<string, ResolveProblem>();

  readonly #apis: PaperApis;

  constructor(apis: PaperApis) {
    this.#apis = apis;
  }

  async byIds(queries: readonly PaperQuery[]): Promise<void> {
    const arxivIds = unique(queries.flatMap((q) => q.ids.filter((id) => id.scheme === "arxiv").map((id) => id.value)));
    for (let i = 0; i < arxivIds.length; i += ARXIV_BATCH) await this.#arxivBatch(arxivIds.slice(i, i + ARXIV_BATCH));
    const s2Ids = unique(queries.flatMap((q) => q.ids.map(s2Id).filter((id): id is string => id !== null)));
    for (let i = 0; i < s2Ids.length; i += S2_BATCH) await this.#s2Batch(s2Ids.slice(i, i + S2_BATCH));
    for (const query of queries) {
      const doi = query.ids.find((id) => id.scheme === "doi")?.value;
      if (doi && !this.#s2.get(`DOI:${doi}`) && !query.ids.some((id) => this.#arxiv.get(id.value)))
        await this.#crossrefWork(doi);
    }
  }

  /** What the id lookups found for `query`: arXiv for the text, Semantic Scholar for venue and TL;DR. */
  fromIds(query: PaperQuery): Resolution {
    const found: PaperDetails[] = [];
    const failures: ResolveProblem[] = [];
    for (const id of query.ids) {
      if (id.scheme === "arxiv") this.#collect(this.#arxiv, id.value, `arxiv:${id.value}`, found, failures);
      const s2 = s2Id(id);
      if (s2) this.#collect(this.#s2, s2, `s2:${s2}`, found, failures);
      if (id.scheme === "doi") this.#collect(this.#crossref, id.value, `crossref:${id.value}`, found, failures);
    }
    const [primary, ...rest] = found;
    if (primary) {
      const details = mergeDetails(primary, ...rest);
      // A preprint's journal_ref is a better venue than nothing, but a venue Semantic Scholar knows is better still.
      const s2Venue = rest.find((d) => d.venue !== null)?.venue;
      if (s2Venue && primary.arxiv) details.venue = s2Venue;
      details.url = canonicalUrl(details);
      return { status: "found", details };
    }
    const failure = failures[0];
    return failure ? { status: "failed", problem: failure } : { status: "unresolved" };
  }

  /** Semantic Scholar's title match, then arXiv's title search; only an agreeing title is taken. */
  async byTitle(written: string): Promise<Resolution> {
    const title = withoutVenueSuffix(written);
    if (foldTitle(title).length < 6) return { status: "unresolved" };
    let failure: ResolveProblem | null = null;
    const s2 = await this.#json("semanticScholar", {
      url: s2MatchUrl(this.#apis.semanticScholarApi, title),
      method: "GET",
      headers: s2Headers(this.#apis.semanticScholarKey),
    });
    if (s2.ok && s2.value !== NOT_FOUND) {
      const match = parseS2Match(s2.value);
      if (match && titlesAgree(title, match.title)) {
        const more = match.arxiv ? await this.#arxivDetails(match.arxiv) : null;
        const details = more ? mergeDetails(more, match) : match;
        if (more && match.venue) details.venue = match.venue;
        details.url = canonicalUrl(details);
        return { status: "found", details };
      }
    } else if (!s2.ok) {
      failure = s2.problem;
    }
    const feed = await this.#feed(arxivTitleSearchUrl(this.#apis.arxivApi, title));
    if (feed.ok) {
      const hit = feed.value.find((paper) => titlesAgree(title, paper.title));
      if (hit) return { status: "found", details: { ...hit, url: canonicalUrl(hit) } };
    } else {
      failure ??= feed.problem;
    }
    return failure ? { status: "failed", problem: failure } : { status: "unresolved" };
  }

  #collect(
    answers: Map<string, PaperDetails | null>,
    key: string,
    problemKey: string,
    found: PaperDetails[],
    failures: ResolveProblem[],
  ): void {
    const answer = answers.get(key);
    if (answer) found.push(answer);
    const problem = this.#problems.get(problemKey);
    if (answer === undefined && problem) failures.push(problem);
  }

  async #arxivDetails(id: string): Promise<PaperDetails | null> {
    if (!this.#arxiv.has(id)) await this.#arxivBatch([id]);
    return this.#arxiv.get(id) ?? null;
  }

  async #arxivBatch(ids: readonly string[]): Promise<void> {
    const feed = await this.#feed(arxivIdListUrl(this.#apis.arxivApi, ids));
    if (!feed.ok) {
      for (const id of ids) this.#problems.set(`arxiv:${id}`, feed.problem);
      return;
    }
    for (const id of ids) this.#arxiv.set(id, null);
    for (const paper of feed.value) if (paper.arxiv) this.#arxiv.set(paper.arxiv, paper);
  }

  async #s2Batch(ids: readonly string[]): Promise<void> {
    const headers = s2Headers(this.#apis.semanticScholarKey);
    const base = this.#apis.semanticScholarApi;
    if (ids.length === 1) {
      const id = ids[0] ?? "";
      const answer = await this.#json("semanticScholar", { url: s2PaperUrl(base, id), method: "GET", headers });
      if (answer.ok) this.#s2.set(id, answer.value === NOT_FOUND ? null : parseS2Paper(answer.value));
      else this.#problems.set(`s2:${id}`, answer.problem);
      return;
    }
    const answer = await this.#json("semanticScholar", {
      url: s2BatchUrl(base),
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: s2BatchBody(ids),
    });
    if (answer.ok && (answer.value === NOT_FOUND || Array.isArray(answer.value))) {
      const list: unknown[] = Array.isArray(answer.value) ? (answer.value as unknown[]) : [];
      ids.forEach((id, i) => this.#s2.set(id, parseS2Paper(list[i])));
      return;
    }
    const problem = answer.ok ? malformed("semanticScholar", base, "not a list of papers") : answer.problem;
    for (const id of ids) this.#problems.set(`s2:${id}`, problem);
  }

  async #crossrefWork(doi: string): Promise<void> {
    if (this.#crossref.has(doi)) return;
    const answer = await this.#json("crossref", { url: crossrefWorkUrl(this.#apis.crossrefApi, doi), method: "GET" });
    if (answer.ok) this.#crossref.set(doi, answer.value === NOT_FOUND ? null : parseCrossrefWork(answer.value));
    else this.#problems.set(`crossref:${doi}`, answer.problem);
  }

  async #feed(url: string): Promise<{ ok: true; value: PaperDetails[] } | { ok: false; problem: ResolveProblem }> {
    const answer = await this.#apis.fetcher.request("arxiv", { url, method: "GET" });
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) return { ok: false, problem: httpProblem("arxiv", url, answer.value.status) };
    const parsed = parseArxivFeed(safeParse(this.#apis.parseXml, answer.value.text));
    return parsed.ok ? ok(parsed.papers) : { ok: false, problem: malformed("arxiv", url, parsed.detail) };
  }

  /** A JSON answer; `NOT_FOUND` for 404 (an unknown id, no title match). */
  async #json(
    service: Service,
    request: Parameters<Fetcher["request"]>[1],
  ): Promise<{ ok: true; value: unknown } | { ok: false; problem: ResolveProblem }> {
    const answer = await this.#apis.fetcher.request(service, request);
    if (!answer.ok) return answer;
    const { status, text } = answer.value;
    if (status === 404) return ok(NOT_FOUND);
    if (status !== 200) return { ok: false, problem: httpProblem(service, request.url, status) };
    try {
      return ok(JSON.parse(text) as unknown);
    } catch {
      return { ok: false, problem: malformed(service, request.url, "not JSON") };
    }
  }
}

const NOT_FOUND = Symbol("not found");

function safeParse(parse: ParseXml, text: string): ReturnType<ParseXml> {
  try {
    return parse(text);
  } catch {
    return null;
  }
}

function malformed(service: Service, url: string, detail: string): ResolveProblem {
  const host = hostName(url);
  return { code: "malformed", service, host, detail, message: `${host} answered something unreadable (${detail}).` };
}

function httpProblem(service: Service, url: string, status: number): ResolveProblem {
  const host = hostName(url);
  return { code: "http", service, host, detail: String(status), message: `${host} answered HTTP ${status}.` };
}

function hostName(url: string): string {
  return /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1] ?? url;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
