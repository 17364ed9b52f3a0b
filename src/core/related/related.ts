/**
 * Related topics across sessions: BM25 over each topic's title (weighted), tags and body text, with an
 * inverted index updated one session at a time, and strong signals on top — the same paper (URL, arXiv
 * id in any version or form, DOI, or title), shared #tags — and a weak one, the same presenter.
 */
import { paperIdKey, paperIds, parsePaperIdKey, titleKey, type PaperScheme } from "../papers/paper-id";
import { foldKey } from "../text";
import { tokenize } from "./tokenize";
import type { IndexedTopic } from "../index/topic-index";

export type Reason =
  | { type: "same-paper"; via: PaperScheme }
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
/** How many more than asked are scored in full (presenter, title containment) before the cut. */
const SHORTLIST_EXTRA = 40;
const K1 = 1.2;
const B = 0.75;

interface Doc {
  topic: IndexedTopic;
  terms: Map<string, number>;
  length: number;
  /** `paperIdKey`s of the paper the topic presents. */
  papers: string[];
  tags: string[];
  titleKey: string;
  /** Folded presenter name, or "" for none. */
  presenterKey: string;
}

/**
 * A term's postings as parallel arrays (walked without allocating); removed documents are skipped
 * while walking and dropped once they are half the list.
 */
interface Posting {
  ids: number[];
  tfs: number[];
  dead: number;
}

export class RelatedIndex {
  private readonly docs: Array<Doc | undefined> = [];
  private count = 0;
  private readonly byFile = new Map<string, number[]>();
  private readonly postings = new Map<string, Posting>();
  private readonly papers = new Map<string, Set<number>>();
  private readonly ids = new Map<IndexedTopic, number>();
  private nextId = 0;
  private totalLength = 0;
  /** Score accumulator reused by every query (ids index it; entries are zeroed after use). */
  private scores = new Float64Array(0);
  /** Per document id: its length in terms (0 once removed), and the id of its session note. */
  private lengths = new Float64Array(0);
  private fileOf = new Int32Array(0);
  private readonly fileIds = new Map<string, number>();

  get size(): number {
    return this.count;
  }

  /** Replace one session's topics (a note changed, was added or renamed). */
  setSession(file: string, documents: readonly TopicDocument[]): void {
    this.removeSession(file);
    const ids: number[] = [];
    for (const item of documents) ids.push(this.add(item));
    if (ids.length > 0) this.byFile.set(file, ids);
  }

  removeSession(file: string): void {
    for (const id of this.byFile.get(file) ?? []) this.remove(id);
    this.byFile.delete(file);
  }

  /** Topics of other sessions the same paper was presented in (strong signals only). */
  samePaper(topic: IndexedTopic): IndexedTopic[] {
    const id = this.ids.get(topic);
    const doc = id === undefined ? undefined : this.docs[id];
    const keys = doc ? doc.papers : paperIds(topic, "").map(paperIdKey);
    const out = new Set<IndexedTopic>();
    for (const key of keys) {
      for (const other of this.papers.get(key) ?? []) {
        const found = this.docs[other]?.topic;
        if (found && found.file !== topic.file) out.add(found);
      }
    }
    return [...out];
  }

  /**
   * The `top` most related topics of other sessions, best first. Scores accumulate in a typed array
   * over the query terms' postings; reasons are worked out for the winners only.
   */
  related(topic: IndexedTopic, top = 10): Related[] {
    const id = this.ids.get(topic);
    const doc = id === undefined ? this.makeDoc({ topic }) : this.docs[id];
    if (!doc) return [];
    const n = this.count;
    const avg = n > 0 ? this.totalLength / n : 1;
    if (this.scores.length < this.nextId)
      this.scores = new Float64Array(Math.max(this.nextId, this.scores.length * 2, 1024));
    const { scores, lengths } = this;
    const touched: number[] = [];
    const query = this.queryTerms(doc, n);
    // BM25 over the query terms' postings: typed arrays only, no per-posting object is touched.
    for (const { term, idf } of query) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const { ids, tfs } = posting;
      for (let i = 0; i < ids.length; i++) {
        const other = ids[i] ?? 0;
        const length = lengths[other] ?? 0;
        if (length <= 0) continue;
        const tf = tfs[i] ?? 0;
        const before = scores[other] ?? 0;
        if (before === 0) touched.push(other);
        scores[other] = before + (idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * length) / avg));
      }
    }
    const bump = (other: number, amount: number): void => {
      if ((lengths[other] ?? 0) <= 0) return;
      if (scores[other] === 0) touched.push(other);
      scores[other] = (scores[other] ?? 0) + amount;
    };
    const samePaper = new Set<number>();
    for (const key of doc.papers) for (const other of this.papers.get(key) ?? []) samePaper.add(other);
    for (const other of samePaper) bump(other, SAME_PAPER_SCORE);
    for (const tag of doc.tags) for (const other of this.postings.get(`#${tag}`)?.ids ?? []) bump(other, TAG_SCORE);

    // The best few by these scores, then the bonuses that need a look at the topic itself: a title
    // holding the other title whole shares all its words, so it is always among them.
    const ownFile = this.fileIds.get(topic.file) ?? -1;
    const shortlist: Array<{ id: number; score: number }> = [];
    for (const other of touched) {
      const score = scores[other] ?? 0;
      scores[other] = 0;
      if (this.fileOf[other] !== ownFile) insertTop(shortlist, { id: other, score }, top + SHORTLIST_EXTRA);
    }
    for (const entry of shortlist) {
      const candidate = this.docs[entry.id] as Doc;
      if (doc.presenterKey !== "" && candidate.presenterKey === doc.presenterKey) entry.score += PRESENTER_SCORE;
      if (!samePaper.has(entry.id) && containsTitle(doc.titleKey, candidate.titleKey)) {
        samePaper.add(entry.id);
        entry.score += SAME_PAPER_SCORE;
      }
    }
    shortlist.sort((a, b) => b.score - a.score);
    return shortlist.slice(0, top).map(({ id: other, score }) => {
      const candidate = this.docs[other] as Doc;
      return { topic: candidate.topic, score, reasons: this.reasons(doc, candidate, samePaper.has(other), query, avg) };
    });
  }

  private queryTerms(doc: Doc, n: number): Array<{ term: string; idf: number }> {
    return [...doc.terms.entries()]
      .map(([term, tf]) => ({ term, tf, idf: this.idf(term, n) }))
      .filter((q) => q.idf > 0)
      .sort((a, b) => b.tf * b.idf - a.tf * a.idf)
      .slice(0, QUERY_TERMS);
  }

  /** Why `candidate` is related to `doc`, strongest first. */
  private reasons(
    doc: Doc,
    candidate: Doc,
    paper: boolean,
    query: ReadonlyArray<{ term: string; idf: number }>,
    avg: number,
  ): Reason[] {
    const out: Reason[] = [];
    if (paper) {
      const shared = doc.papers.find((key) => candidate.papers.includes(key));
      out.push({ type: "same-paper", via: (shared === undefined ? null : parsePaperIdKey(shared))?.scheme ?? "title" });
    }
    for (const tag of doc.tags) if (candidate.tags.includes(tag)) out.push({ type: "tag", tag });
    if (doc.presenterKey !== "" && doc.presenterKey === candidate.presenterKey) out.push({ type: "presenter" });
    const words = query
      .filter((q) => !q.term.startsWith("#") && candidate.terms.has(q.term))
      .map((q) => {
        const tf = candidate.terms.get(q.term) ?? 0;
        return { term: q.term, score: (q.idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * candidate.length) / avg)) };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((w) => w.term);
    if (words.length > 0) out.push({ type: "words", words });
    return out;
  }

  private idf(term: string, n: number): number {
    const posting = this.postings.get(term);
    const df = posting ? posting.ids.length - posting.dead : 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private add(item: TopicDocument): number {
    const id = this.nextId++;
    const doc = this.makeDoc(item);
    if (this.lengths.length <= id) {
      const size = Math.max(1024, this.lengths.length * 2);
      this.lengths = grow(this.lengths, size);
      this.fileOf = grow(this.fileOf, size);
    }
    let fileId = this.fileIds.get(item.topic.file);
    if (fileId === undefined) this.fileIds.set(item.topic.file, (fileId = this.fileIds.size));
    this.lengths[id] = doc.length;
    this.fileOf[id] = fileId;
    this.docs[id] = doc;
    this.count++;
    this.ids.set(item.topic, id);
    this.totalLength += doc.length;
    for (const [term, tf] of doc.terms) {
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = { ids: [], tfs: [], dead: 0 }));
      posting.ids.push(id);
      posting.tfs.push(tf);
    }
    for (const key of doc.papers) {
      let set = this.papers.get(key);
      if (!set) this.papers.set(key, (set = new Set()));
      set.add(id);
    }
    return id;
  }

  private remove(id: number): void {
    const doc = this.docs[id];
    if (!doc) return;
    this.docs[id] = undefined;
    this.lengths[id] = 0;
    this.count--;
    this.ids.delete(doc.topic);
    this.totalLength -= doc.length;
    for (const term of doc.terms.keys()) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      posting.dead++;
      if (posting.dead === posting.ids.length) this.postings.delete(term);
      else if (posting.dead * 2 > posting.ids.length) this.compact(posting);
    }
    for (const key of doc.papers) {
      const set = this.papers.get(key);
      set?.delete(id);
      if (set?.size === 0) this.papers.delete(key);
    }
  }

  private compact(posting: Posting): void {
    const ids: number[] = [];
    const tfs: number[] = [];
    posting.ids.forEach((id, i) => {
      if (this.docs[id]) {
        ids.push(id);
        tfs.push(posting.tfs[i] ?? 0);
      }
    });
    posting.ids = ids;
    posting.tfs = tfs;
    posting.dead = 0;
  }

  private makeDoc({ topic, body }: TopicDocument): Doc {
    const terms = new Map<string, number>();
    const addAll = (tokens: readonly string[], weight: number): void => {
      for (const token of tokens) terms.set(token, (terms.get(token) ?? 0) + weight);
    };
    addAll(tokenize(topic.title), TITLE_WEIGHT);
    const tags = topic.tags.map((tag) => tag.toLowerCase());
    addAll(
      tags.map((tag) => `#${tag}`),
      TAG_WEIGHT,
    );
    addAll(tokenize(`${topic.summary}\n${body ?? ""}`), 1);
    let length = 0;
    for (const tf of terms.values()) length += tf;
    return {
      topic,
      terms,
      length,
      papers: paperIds(topic, body ?? "").map(paperIdKey),
      tags,
      titleKey: titleKey(topic.title),
      presenterKey: topic.presenter === null ? "" : foldKey(topic.presenter),
    };
  }
}

function grow<T extends Float64Array | Int32Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** Keep `best` the `top` highest scores, highest first (a short list: insertion is cheapest). */
function insertTop(best: Array<{ id: number; score: number }>, item: { id: number; score: number }, top: number): void {
  if (best.length === top && (best[top - 1]?.score ?? 0) >= item.score) return;
  let at = best.length;
  while (at > 0 && (best[at - 1]?.score ?? 0) < item.score) at--;
  best.splice(at, 0, item);
  if (best.length > top) best.pop();
}

/** One title holds the other whole, and the shorter is long enough to name one work. */
function containsTitle(a: string, b: string): boolean {
  if (a.length < 20 || b.length < 20) return false;
  return a.length <= b.length ? b.includes(a) : a.includes(b);
}

/** The reasons as the CLI prints them (English). */
export function reasonText(reason: Reason): string {
  switch (reason.type) {
    case "same-paper":
      return reason.via === "title"
        ? "same paper (same title)"
        : `same paper (same ${reason.via === "url" ? "link" : reason.via === "arxiv" ? "arXiv id" : "DOI"})`;
    case "tag":
      return `shared tag #${reason.tag}`;
    case "words":
      return `words: ${reason.words.join(", ")}`;
    case "presenter":
      return "same presenter";
  }
}
