/**
 * Related topics across sessions: one model for the plugin and the CLI. BM25 over each topic's title
 * (weighted), tags, summary and body, with an inverted index updated one session at a time, and a
 * strong signal on top — the same paper (arXiv id, DOI, link, or title). Terms in more than a third
 * of the topics carry no signal and are left out of queries; top-k retrieval prunes with per-term
 * upper bounds (MaxScore), so a query never walks the long postings lists of common terms.
 */
import { paperIdKey, paperIds, titleKey, type PaperId } from "../papers/paper-id";
import { foldKey } from "../text";
import { HIDDEN_PREFIX, termLabel, tokenize } from "./tokenize";
import type { IndexedTopic } from "../index/topic-index";

export type Reason =
  | { type: "same-paper"; paper: PaperId }
  | { type: "tag"; tag: string }
  /** Shared terms, as the query topic's reader writes them (glossary concepts in its language). */
  | { type: "words"; words: string[] }
  | { type: "meaning" }
  | { type: "presenter" };

export interface Related {
  topic: IndexedTopic;
  score: number;
  reasons: Reason[];
}

/**
 * What the index knows of one topic beyond its entry: the body text when the note was read, or its
 * terms already tokenized (from a cache), which saves tokenizing the body again.
 */
export interface TopicDocument {
  topic: IndexedTopic;
  body?: string;
  bodyTerms?: TermCounts;
  /** The papers the topic presents, when worked out with its body beforehand (with `bodyTerms`). */
  papers?: PaperId[];
}

/** Terms of a text with their counts. */
export type TermCounts = ReadonlyMap<string, number>;

/**
 * A body's most frequent terms, counted: what the index keeps of a body. A long paper summary has
 * hundreds of distinct words; its most repeated ones say what it is about, and a cap keeps a
 * 100,000-topic index within a phone's memory.
 */
export function bodyTermCounts(body: string): TermCounts {
  const counts = new Map<string, number>();
  for (const term of tokenize(body)) counts.set(term, (counts.get(term) ?? 0) + 1);
  if (counts.size <= BODY_TERMS) return counts;
  // Ties keep the first seen (Array.prototype.sort is stable).
  return new Map([...counts].sort((a, b) => b[1] - a[1]).slice(0, BODY_TERMS));
}

/** Semantic similarity of two topics in [0, 1] (embeddings), or null where unknown. */
export type Similarity = (a: IndexedTopic, b: IndexedTopic) => number | null;

const HIDDEN_CODE = HIDDEN_PREFIX.charCodeAt(0);
const TITLE_WEIGHT = 3;
/** Distinct terms kept of one body (its most frequent). */
const BODY_TERMS = 64;
const TAG_WEIGHT = 2;
const SAME_PAPER_SCORE = 100;
const TAG_SCORE = 2;
/** Weight of a fully similar meaning (cosine 1) against BM25 scores, which run to about 10–40. */
const MEANING_WEIGHT = 12;
/** Below this cosine two texts are not "similar in meaning" worth a reason. */
const MEANING_REASON = 0.8;
/** The query is a topic's most telling terms; more add little but cost postings walks. */
const QUERY_TERMS = 24;
/** Scored in full (title containment, meaning) before the cut, beyond those asked for. */
const SHORTLIST_EXTRA = 5;
/** Topics sharing fewer terms than this (and no paper or tag) are not related by one stray word. */
const MIN_SHARED_TERMS = 2;
/**
 * Postings longer than this are never walked once there are candidates enough: their terms only
 * re-rank the candidates the rarer terms found (a document-frequency cutoff for walking, not scoring).
 */
const WALK_SHARE = 0.005;
const WALK_MIN = 500;
/** Terms in more than this share of the topics are stop words of this corpus… */
const CORPUS_STOP_SHARE = 1 / 3;
/** …once there are enough topics for a share to mean something. */
const CORPUS_STOP_MIN_TOPICS = 12;
const K1 = 1.2;
const B = 0.75;

/** BM25's contribution of one term: `idf` of the term, `tf` in a document of `length` (`avg` mean). */
export function termScore(idf: number, tf: number, length: number, avg: number): number {
  return (idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * length) / avg));
}

/** A topic's terms, counted, with ids of this index (sorted, for lookups by binary search). */
interface Terms {
  ids: Int32Array;
  tfs: Float32Array;
  length: number;
  refs: number;
}

interface Doc {
  topic: IndexedTopic;
  terms: Terms;
  textKey: string;
  bodyTerms: TermCounts | null;
  papers: PaperId[];
  /** Tags folded for comparison, and as the topic writes them. */
  tags: string[];
  tagLabels: string[];
  titleKey: string;
  /** Folded presenter name, or "" for none. */
  presenterKey: string;
  language: "en" | "ja";
}

/** A term's postings as parallel arrays; removed documents are skipped and dropped once half the list. */
interface Posting {
  ids: number[];
  tfs: number[];
  dead: number;
  /** Highest tf ever added: with the shortest length, the term's upper bound. */
  maxTf: number;
  /** Seen as a word on its own, not only as a character pair inside a longer word. */
  shown: boolean;
}

interface QueryTerm {
  id: number;
  weight: number;
  bound: number;
}

export class RelatedIndex {
  private readonly docs: Array<Doc | undefined> = [];
  private count = 0;
  private readonly byFile = new Map<string, number[]>();
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: Posting[] = [];
  private readonly papers = new Map<string, Set<number>>();
  private readonly ids = new Map<IndexedTopic, number>();
  /**
   * Terms by topic text, shared by the documents holding that text: an update re-tokenizes only what
   * changed. Bodies given as text are keyed by a hash of it; bodies given as cached terms by that
   * object (the app keeps one per unchanged note) and the rest of the topic's text.
   */
  private readonly cache = new Map<string, Terms>();
  private readonly bodyCache = new WeakMap<TermCounts, Map<string, Terms>>();
  private nextId = 0;
  private totalLength = 0;
  /** Score accumulator reused by every query (ids index it; entries are zeroed after use). */
  private scores = new Float64Array(0);
  /** Query terms each document shares (ids index it, zeroed after use like `scores`). */
  private hits = new Uint8Array(0);
  private lengths = new Float64Array(0);
  private fileOf = new Int32Array(0);
  private readonly fileIds = new Map<string, number>();
  private similarity: Similarity | null = null;

  get size(): number {
    return this.count;
  }

  /** Blend a semantic similarity into the scores (null: lexical only, as by default). */
  setSimilarity(similarity: Similarity | null): void {
    this.similarity = similarity;
  }

  /** Replace one session's topics (a note changed, was added or renamed). */
  setSession(file: string, documents: readonly TopicDocument[]): void {
    const old = this.byFile.get(file) ?? [];
    // Add before removing, so unchanged topics find their terms in the cache.
    const ids: number[] = [];
    for (const item of documents) ids.push(this.add(item));
    for (const id of old) this.remove(id);
    if (ids.length > 0) this.byFile.set(file, ids);
    else this.byFile.delete(file);
  }

  removeSession(file: string): void {
    for (const id of this.byFile.get(file) ?? []) this.remove(id);
    this.byFile.delete(file);
  }

  /** Files indexed. */
  files(): string[] {
    return [...this.byFile.keys()];
  }

  /**
   * Topics of other sessions that presented the same paper, by the strong signals (ids, link, title)
   * or one title holding the other whole. The "presented before" badge and the panel both ask this.
   */
  samePaper(topic: IndexedTopic): IndexedTopic[] {
    const id = this.ids.get(topic);
    const doc = id === undefined ? this.makeDoc({ topic }, false) : this.docs[id];
    if (!doc) return [];
    const out: IndexedTopic[] = [];
    for (const other of this.samePaperIds(doc)) {
      const found = this.docs[other]?.topic;
      if (found && found.file !== topic.file) out.push(found);
    }
    return out;
  }

  /** The `top` most related topics of other sessions, best first. */
  related(topic: IndexedTopic, top = 10): Related[] {
    const id = this.ids.get(topic);
    const doc = id === undefined ? this.makeDoc({ topic }, false) : this.docs[id];
    return doc ? this.query(doc, top) : [];
  }

  /** Every indexed topic with its `top` most related, in index order (the CLI's one pass). */
  *relatedAll(top = 10): Generator<{ topic: IndexedTopic; related: Related[] }> {
    for (const doc of this.docs) if (doc) yield { topic: doc.topic, related: this.query(doc, top) };
  }

  private query(doc: Doc, top: number): Related[] {
    const n = this.count;
    const avg = n > 0 ? this.totalLength / n : 1;
    if (this.scores.length < this.nextId) {
      this.scores = new Float64Array(Math.max(this.nextId, this.scores.length * 2, 1024));
      this.hits = new Uint8Array(this.scores.length);
    }
    const { scores, hits, lengths, fileOf } = this;
    const ownFile = this.fileIds.get(doc.topic.file) ?? -1;
    const touched: number[] = [];
    const bump = (other: number, amount: number): void => {
      if ((lengths[other] ?? 0) <= 0 || fileOf[other] === ownFile) return;
      if (scores[other] === 0) touched.push(other);
      scores[other] = (scores[other] ?? 0) + amount;
    };
    const samePaper = this.samePaperIds(doc);
    for (const other of samePaper) bump(other, SAME_PAPER_SCORE);

    const query = this.queryTerms(doc, n, avg);
    const keep = top + SHORTLIST_EXTRA;
    // Bonuses given after the postings (shared tags, meaning) may lift anyone by this much.
    const slack = TAG_SCORE * doc.tags.length + (this.similarity ? MEANING_WEIGHT : 0);
    let remaining = 0;
    for (const q of query) remaining += q.bound;
    let i = 0;
    let threshold = 0;
    const walkCap = Math.max(WALK_MIN, n * WALK_SHARE);
    // MaxScore: walk postings while a document not yet seen could still reach the top; after that,
    // only the candidates that can are scored, by looking the remaining terms up in them.
    for (; i < query.length; i++) {
      const q = query[i] as QueryTerm;
      const posting = this.postings[q.id] as Posting;
      if (touched.length >= keep) {
        threshold = kthLargest(scores, touched, keep);
        if (threshold > remaining + slack || posting.ids.length - posting.dead > walkCap) break;
      }
      remaining -= q.bound;
      const { ids, tfs } = posting;
      const idf = q.weight;
      for (let p = 0; p < ids.length; p++) {
        const other = ids[p] ?? 0;
        const length = lengths[other] ?? 0;
        if (length <= 0 || fileOf[other] === ownFile) continue;
        const before = scores[other] ?? 0;
        if (before === 0) touched.push(other);
        scores[other] = before + termScore(idf, tfs[p] ?? 0, length, avg);
        hits[other] = (hits[other] ?? 0) + 1;
      }
    }
    let candidates = touched;
    if (i < query.length) {
      candidates = [];
      for (const other of touched) {
        if ((scores[other] ?? 0) + remaining + slack >= threshold) candidates.push(other);
        else scores[other] = hits[other] = 0;
      }
      for (; i < query.length; i++) {
        const q = query[i] as QueryTerm;
        for (const other of candidates) {
          const terms = (this.docs[other] as Doc).terms;
          const tf = tfOf(terms, q.id);
          if (tf <= 0) continue;
          scores[other] = (scores[other] ?? 0) + termScore(q.weight, tf, terms.length, avg);
          hits[other] = (hits[other] ?? 0) + 1;
        }
      }
    }
    const shortlist: Array<{ id: number; score: number }> = [];
    for (const other of candidates) {
      const score = scores[other] ?? 0;
      const shared = hits[other] ?? 0;
      scores[other] = hits[other] = 0;
      if (shared < MIN_SHARED_TERMS && !samePaper.has(other) && !this.sharesTag(doc, other)) continue;
      insertTop(shortlist, { id: other, score }, keep);
    }
    const meaning = new Map<number, number>();
    for (const entry of shortlist) {
      const candidate = this.docs[entry.id] as Doc;
      for (const tag of doc.tags) if (candidate.tags.includes(tag)) entry.score += TAG_SCORE;
      if (!samePaper.has(entry.id) && containsTitle(doc.titleKey, candidate.titleKey)) {
        samePaper.add(entry.id);
        entry.score += SAME_PAPER_SCORE;
      }
      const similar = this.similarity?.(doc.topic, candidate.topic) ?? null;
      if (similar !== null) {
        meaning.set(entry.id, similar);
        entry.score += MEANING_WEIGHT * Math.max(0, similar);
      }
    }
    shortlist.sort((a, b) => b.score - a.score);
    const out: Related[] = [];
    for (const { id: other, score } of shortlist) {
      const candidate = this.docs[other] as Doc;
      const reasons = this.reasons({
        doc,
        candidate,
        samePaper: samePaper.has(other),
        meaning: meaning.get(other) ?? null,
        query,
        avg,
      });
      // Matched only through character pairs of different words: nothing a person would call related.
      if (reasons.every((reason) => reason.type === "presenter")) continue;
      out.push({ topic: candidate.topic, score, reasons });
      if (out.length === top) break;
    }
    return out;
  }

  /**
   * A topic's most telling terms, rarest-weighted first: terms no other topic has, and terms of more
   * than a third of the topics (this corpus's stop words), are left out.
   */
  private queryTerms(doc: Doc, n: number, avg: number): QueryTerm[] {
    const cutoff = n >= CORPUS_STOP_MIN_TOPICS ? n * CORPUS_STOP_SHARE : Infinity;
    const own = this.ids.has(doc.topic) ? 1 : 0;
    const out: Array<QueryTerm & { rank: number }> = [];
    const { ids, tfs } = doc.terms;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] ?? 0;
      const posting = this.postings[id];
      if (!posting) continue;
      const df = posting.ids.length - posting.dead;
      if (df - own < 1 || df > cutoff) continue;
      const tf = tfs[k] ?? 0;
      // The query's own repeats count, saturated as BM25 saturates a document's.
      const weight = this.idf(df, n) * ((tf * (K1 + 1)) / (tf + K1));
      const bound = termScore(weight, posting.maxTf, 0, avg);
      out.push({ id, weight, bound, rank: weight });
    }
    out.sort((a, b) => b.rank - a.rank);
    if (out.length > QUERY_TERMS) out.length = QUERY_TERMS;
    return out.sort((a, b) => b.bound - a.bound);
  }

  private idf(df: number, n: number): number {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Why `candidate` is related to `doc`, strongest first, in the words of `doc`'s reader. */
  private reasons(args: {
    doc: Doc;
    candidate: Doc;
    samePaper: boolean;
    meaning: number | null;
    query: readonly QueryTerm[];
    avg: number;
  }): Reason[] {
    const { doc, candidate, query, avg } = args;
    const out: Reason[] = [];
    if (args.samePaper) {
      const keys = new Set(candidate.papers.map(paperIdKey));
      const shared = doc.papers.find((paper) => keys.has(paperIdKey(paper)));
      out.push({
        type: "same-paper",
        paper: shared ?? { scheme: "title", value: candidate.topic.title },
      });
    }
    doc.tags.forEach((tag, i) => {
      if (candidate.tags.includes(tag)) out.push({ type: "tag", tag: doc.tagLabels[i] ?? tag });
    });
    if (args.meaning !== null && args.meaning >= MEANING_REASON) out.push({ type: "meaning" });
    const words = query
      .map((q) => {
        const tf = tfOf(candidate.terms, q.id);
        const term = this.terms[q.id] ?? "";
        const shown = tf > 0 && !term.startsWith("#") && (this.postings[q.id]?.shown ?? false);
        return {
          term,
          score: shown ? termScore(q.weight, tf, candidate.terms.length, avg) : 0,
        };
      })
      .filter((w) => w.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((w) => termLabel(w.term, doc.language));
    if (words.length > 0) out.push({ type: "words", words });
    if (doc.presenterKey !== "" && doc.presenterKey === candidate.presenterKey) out.push({ type: "presenter" });
    return out;
  }

  private sharesTag(doc: Doc, other: number): boolean {
    const tags = (this.docs[other] as Doc).tags;
    return doc.tags.some((tag) => tags.includes(tag));
  }

  private samePaperIds(doc: Doc): Set<number> {
    const out = new Set<number>();
    for (const paper of doc.papers) for (const other of this.papers.get(paperIdKey(paper)) ?? []) out.add(other);
    const own = this.ids.get(doc.topic);
    if (own !== undefined) out.delete(own);
    return out;
  }

  private add(item: TopicDocument): number {
    const id = this.nextId++;
    const doc = this.makeDoc(item, true);
    if (this.lengths.length <= id) {
      const size = Math.max(1024, this.lengths.length * 2);
      this.lengths = grow(this.lengths, size);
      this.fileOf = grow(this.fileOf, size);
    }
    let fileId = this.fileIds.get(item.topic.file);
    if (fileId === undefined) this.fileIds.set(item.topic.file, (fileId = this.fileIds.size));
    this.lengths[id] = Math.max(doc.terms.length, 1e-9);
    this.fileOf[id] = fileId;
    this.docs[id] = doc;
    this.count++;
    this.ids.set(item.topic, id);
    this.totalLength += doc.terms.length;
    const { ids, tfs } = doc.terms;
    for (let k = 0; k < ids.length; k++) {
      const posting = this.postings[ids[k] ?? 0] as Posting;
      const tf = tfs[k] ?? 0;
      posting.ids.push(id);
      posting.tfs.push(tf);
      if (tf > posting.maxTf) posting.maxTf = tf;
    }
    for (const paper of doc.papers) {
      const key = paperIdKey(paper);
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
    if (this.ids.get(doc.topic) === id) this.ids.delete(doc.topic);
    this.totalLength -= doc.terms.length;
    for (const term of doc.terms.ids) {
      const posting = this.postings[term];
      if (!posting) continue;
      posting.dead++;
      if (posting.dead * 2 > posting.ids.length) this.compact(posting);
    }
    if (--doc.terms.refs === 0) {
      if (doc.bodyTerms) this.bodyCache.get(doc.bodyTerms)?.delete(doc.textKey);
      else this.cache.delete(doc.textKey);
    }
    for (const paper of doc.papers) {
      const key = paperIdKey(paper);
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

  private termId(term: string): number {
    const hidden = term.charCodeAt(0) === HIDDEN_CODE;
    const text = hidden ? term.slice(1) : term;
    let id = this.termIds.get(text);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(text, id);
      this.terms.push(text);
      this.postings.push({ ids: [], tfs: [], dead: 0, maxTf: 0, shown: false });
    }
    if (!hidden) (this.postings[id] as Posting).shown = true;
    return id;
  }

  /** Terms of a topic, from the cache when the same text was seen; `keep` holds them for a document. */
  private termsOf(item: TopicDocument, textKey: string, keep: boolean): Terms {
    let cache = this.cache;
    if (item.bodyTerms) {
      const byBody = this.bodyCache.get(item.bodyTerms);
      if (byBody) cache = byBody;
      else this.bodyCache.set(item.bodyTerms, (cache = new Map<string, Terms>()));
    }
    const cached = cache.get(textKey);
    if (cached) {
      if (keep) cached.refs++;
      return cached;
    }
    const { topic } = item;
    const counts = new Map<number, number>();
    const add = (term: string, weight: number): void => {
      const id = this.termId(term);
      counts.set(id, (counts.get(id) ?? 0) + weight);
    };
    const addAll = (tokens: readonly string[], weight: number): void => {
      for (const token of tokens) add(token, weight);
    };
    addAll(tokenize(topic.title), TITLE_WEIGHT);
    addAll(
      topic.tags.map((tag) => `#${foldKey(tag)}`),
      TAG_WEIGHT,
    );
    addAll(tokenize(topic.summary), 1);
    const body = item.bodyTerms ?? (item.body ? bodyTermCounts(item.body) : undefined);
    if (body) for (const [term, n] of body) add(term, n);
    const ids = Int32Array.from(counts.keys()).sort();
    const tfs = new Float32Array(ids.length);
    let length = 0;
    ids.forEach((id, k) => {
      const tf = counts.get(id) ?? 0;
      tfs[k] = tf;
      length += tf;
    });
    const terms: Terms = { ids, tfs, length, refs: keep ? 1 : 0 };
    if (keep) cache.set(textKey, terms);
    return terms;
  }

  private makeDoc(item: TopicDocument, keep: boolean): Doc {
    const { topic } = item;
    const textKey = topicTextKey(item);
    const terms = this.termsOf(item, textKey, keep);
    return {
      topic,
      terms,
      textKey,
      bodyTerms: item.bodyTerms ?? null,
      papers: item.papers ?? paperIds(topic, item.body ?? ""),
      tags: topic.tags.map(foldKey),
      tagLabels: topic.tags,
      titleKey: titleKey(topic.title),
      presenterKey: topic.presenter === null ? "" : foldKey(topic.presenter),
      language: /[\u3040-\u30ff\u4e00-\u9fff]/.test(`${topic.title}${topic.summary}`) ? "ja" : "en",
    };
  }
}

/** Identity of a topic's text for the terms cache: a hash of everything tokenized, not the text itself. */
function topicTextKey(item: TopicDocument): string {
  const { topic } = item;
  const head = `${topic.title}\u0000${topic.tags.join(" ")}\u0000${topic.summary}`;
  // With cached body terms the body's identity is the object itself (see `bodyCache`).
  return item.bodyTerms ? head : hash(`${head}\u0000${item.body ?? ""}`);
}

/** Two 32-bit FNV-1a style hashes and the length: collisions are as good as impossible in one vault. */
function hash(text: string): string {
  let a = 2166136261;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${text.length}`;
}

function tfOf(terms: Terms, id: number): number {
  const { ids } = terms;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = ids[mid] ?? 0;
    if (at === id) return terms.tfs[mid] ?? 0;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

let scratch = new Float64Array(1024);

/** The k-th largest score among `ids` (k ≤ ids.length). */
function kthLargest(scores: Float64Array, ids: readonly number[], k: number): number {
  if (scratch.length < ids.length) scratch = new Float64Array(Math.max(ids.length, scratch.length * 2));
  const values = scratch.subarray(0, ids.length);
  for (let i = 0; i < ids.length; i++) values[i] = scores[ids[i] ?? 0] ?? 0;
  // Quickselect for the (k-1)-th in descending order.
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) > pivot) i++;
      while ((values[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const t = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] ?? 0;
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
