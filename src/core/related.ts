/**
 * Related topics across sessions: BM25 over each topic's title (weighted), tags and body text, with an
 * inverted index updated one session at a time, and strong signals on top — the same paper (URL, arXiv
 * id in any version or form, DOI, or title), shared #tags — and a weak one, the same presenter.
 */
import { foldKey } from "./text";
import { tokenize } from "./tokenize";
import type { IndexedTopic } from "./topic-index";

export type Reason =
  | { type: "same-paper"; via: "url" | "arxiv" | "doi" | "title" }
  | { type: "tag"; tag: string }
  | { type: "words"; words: string[] }
  | { type: "presenter" };

export interface Related {
  topic: IndexedTopic;
  score: number;
  reasons: Reason[];
}

/** What the index knows of one topic beyond its entry: the body text, when the note was read. */
export interface TopicDocument {
  topic: IndexedTopic;
  body?: string;
}

const TITLE_WEIGHT = 3;
const TAG_WEIGHT = 2;
const SAME_PAPER_SCORE = 100;
const TAG_SCORE = 2;
const PRESENTER_SCORE = 0.5;
/** The query is a topic's most telling terms; more add little but cost postings walks. */
const QUERY_TERMS = 24;
const K1 = 1.2;
const B = 0.75;

interface Doc {
  topic: IndexedTopic;
  terms: Map<string, number>;
  length: number;
  papers: string[];
  tags: string[];
}

export class RelatedIndex {
  private readonly docs = new Map<number, Doc>();
  private readonly byFile = new Map<string, number[]>();
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly papers = new Map<string, Set<number>>();
  private readonly ids = new Map<IndexedTopic, number>();
  private nextId = 0;
  private totalLength = 0;

  get size(): number {
    return this.docs.size;
  }

  /** Replace one session's topics (a note changed, was added or renamed). */
  setSession(file: string, documents: readonly TopicDocument[]): void {
    this.removeSession(file);
    const ids: number[] = [];
    for (const document of documents) ids.push(this.add(document));
    if (ids.length > 0) this.byFile.set(file, ids);
  }

  removeSession(file: string): void {
    for (const id of this.byFile.get(file) ?? []) this.remove(id);
    this.byFile.delete(file);
  }

  /** Topics of other sessions the same paper was presented in (strong signals only). */
  samePaper(topic: IndexedTopic): IndexedTopic[] {
    const id = this.ids.get(topic);
    const doc = id === undefined ? null : this.docs.get(id);
    const keys = doc ? doc.papers : paperKeys(topic, "");
    const out = new Set<IndexedTopic>();
    for (const key of keys) {
      for (const other of this.papers.get(key) ?? []) {
        const found = this.docs.get(other)?.topic;
        if (found && found.file !== topic.file) out.add(found);
      }
    }
    return [...out];
  }

  /** The `top` most related topics of other sessions, best first. */
  related(topic: IndexedTopic, top = 10): Related[] {
    const id = this.ids.get(topic);
    const doc = id === undefined ? this.makeDoc({ topic }) : this.docs.get(id);
    if (!doc) return [];
    const scores = new Map<number, number>();
    const shared = new Map<number, Array<{ term: string; score: number }>>();
    const n = this.docs.size;
    const avg = n > 0 ? this.totalLength / n : 1;
    const query = [...doc.terms.entries()]
      .map(([term, tf]) => ({ term, tf, idf: this.idf(term, n) }))
      .sort((a, b) => b.tf * b.idf - a.tf * a.idf)
      .slice(0, QUERY_TERMS);
    for (const { term, idf } of query) {
      if (idf <= 0) continue;
      for (const [other, tf] of this.postings.get(term) ?? []) {
        const length = this.docs.get(other)?.length ?? avg;
        const part = (idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * length) / avg));
        scores.set(other, (scores.get(other) ?? 0) + part);
        let list = shared.get(other);
        if (!list) shared.set(other, (list = []));
        list.push({ term, score: part });
      }
    }
    const reasons = new Map<number, Reason[]>();
    const bump = (other: number, amount: number, reason: Reason): void => {
      scores.set(other, (scores.get(other) ?? 0) + amount);
      let list = reasons.get(other);
      if (!list) reasons.set(other, (list = []));
      list.push(reason);
    };
    const paperSeen = new Set<number>();
    for (const key of doc.papers) {
      for (const other of this.papers.get(key) ?? []) {
        if (paperSeen.has(other)) continue;
        paperSeen.add(other);
        bump(other, SAME_PAPER_SCORE, { type: "same-paper", via: key.slice(0, key.indexOf(":")) as "url" | "arxiv" | "doi" | "title" });
      }
    }
    for (const tag of doc.tags) {
      for (const other of this.postings.get(`#${tag}`) ?? new Map<number, number>()) bump(other[0], TAG_SCORE, { type: "tag", tag });
    }
    const out: Related[] = [];
    const ownTitle = titleKey(topic.title);
    for (const [other, score] of scores) {
      const candidate = this.docs.get(other);
      if (!candidate || candidate.topic.file === topic.file) continue;
      const why = reasons.get(other) ?? [];
      let total = score;
      // A title quoted inside another (`…ホワイトペーパー「Breaking the Wall …」要点まとめ`) is the same paper.
      if (!paperSeen.has(other) && containsTitle(ownTitle, titleKey(candidate.topic.title))) {
        total += SAME_PAPER_SCORE;
        why.unshift({ type: "same-paper", via: "title" });
      }
      if (topic.presenter !== null && candidate.topic.presenter !== null && foldKey(topic.presenter) === foldKey(candidate.topic.presenter)) {
        total += PRESENTER_SCORE;
        why.push({ type: "presenter" });
      }
      const words = (shared.get(other) ?? [])
        .filter((s) => !s.term.startsWith("#"))
        .sort((a, b) => b.score - a.score)
        .slice(0, 3)
        .map((s) => s.term);
      if (words.length > 0) why.push({ type: "words", words });
      out.push({ topic: candidate.topic, score: total, reasons: why });
    }
    out.sort((a, b) => b.score - a.score || (b.topic.date ?? "").localeCompare(a.topic.date ?? ""));
    return out.slice(0, top);
  }

  private idf(term: string, n: number): number {
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private add(document: TopicDocument): number {
    const id = this.nextId++;
    const doc = this.makeDoc(document);
    this.docs.set(id, doc);
    this.ids.set(document.topic, id);
    this.totalLength += doc.length;
    for (const [term, tf] of doc.terms) {
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = new Map<number, number>()));
      posting.set(id, tf);
    }
    for (const key of doc.papers) {
      let set = this.papers.get(key);
      if (!set) this.papers.set(key, (set = new Set()));
      set.add(id);
    }
    return id;
  }

  private remove(id: number): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    this.ids.delete(doc.topic);
    this.totalLength -= doc.length;
    for (const term of doc.terms.keys()) {
      const posting = this.postings.get(term);
      posting?.delete(id);
      if (posting?.size === 0) this.postings.delete(term);
    }
    for (const key of doc.papers) {
      const set = this.papers.get(key);
      set?.delete(id);
      if (set?.size === 0) this.papers.delete(key);
    }
  }

  private makeDoc({ topic, body }: TopicDocument): Doc {
    const terms = new Map<string, number>();
    const addAll = (tokens: readonly string[], weight: number): void => {
      for (const token of tokens) terms.set(token, (terms.get(token) ?? 0) + weight);
    };
    addAll(tokenize(topic.title), TITLE_WEIGHT);
    const tags = topic.tags.map((tag) => tag.toLowerCase());
    addAll(tags.map((tag) => `#${tag}`), TAG_WEIGHT);
    addAll(tokenize(`${topic.summary}\n${body ?? ""}`), 1);
    let length = 0;
    for (const tf of terms.values()) length += tf;
    return { topic, terms, length, papers: paperKeys(topic, body ?? ""), tags };
  }
}

const ARXIV = /(?:arxiv\.org\/(?:abs|pdf)\/|arxiv:\s*)(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?/i;
const DOI = /\b(10\.\d{4,9}\/[-._;()/:a-z0-9]+[a-z0-9])/i;

/** Keys that identify the thing presented: normalized URL, arXiv id, DOI, title. */
export function paperKeys(topic: Pick<IndexedTopic, "title" | "url" | "summary">, body: string): string[] {
  const keys = new Set<string>();
  const text = `${topic.url ?? ""}\n${topic.title}\n${topic.summary}\n${body}`;
  const arxiv = ARXIV.exec(text);
  if (arxiv?.[1]) keys.add(`arxiv:${arxiv[1]}`);
  const doi = DOI.exec(text);
  if (doi?.[1]) keys.add(`doi:${doi[1].toLowerCase()}`);
  if (topic.url && /^https?:\/\//i.test(topic.url) && !ARXIV.test(topic.url)) keys.add(`url:${normalizeUrl(topic.url)}`);
  const title = titleKey(topic.title);
  if (title.length >= 12) keys.add(`title:${title}`);
  return [...keys];
}

function titleKey(title: string): string {
  return foldKey(title).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** One title holds the other whole, and the shorter is long enough to name one work. */
function containsTitle(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 20 && long.includes(short);
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

/** The reasons as the CLI prints them (English). */
export function reasonText(reason: Reason): string {
  switch (reason.type) {
    case "same-paper":
      return reason.via === "title" ? "same paper (same title)" : `same paper (same ${reason.via === "url" ? "link" : reason.via === "arxiv" ? "arXiv id" : "DOI"})`;
    case "tag":
      return `shared tag #${reason.tag}`;
    case "words":
      return `words: ${reason.words.join(", ")}`;
    case "presenter":
      return "same presenter";
  }
}
