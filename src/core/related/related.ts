/**
 * Related topics across sessions: one model for the plugin and the CLI. BM25 over each topic's title
 * (weighted), tags, summary and body, with an inverted index updated one session at a time, and a
 * strong signal on top — the same paper (arXiv id, DOI, link, or title). Terms in more than a third
 * of the topics carry no signal and are left out of queries; top-k retrieval prunes with per-term
 * upper bounds (MaxScore), so a query never walks the long postings lists of common terms.
 * May import core/index, core/note, core/papers, result, text helpers and i18n's Translate type.
 */
import { paperIds, type PaperId } from "../papers/paper-id";
import { Postings, runAll } from "./postings";
import { Doc } from "./doc";
import { K1, termScore, type QueryTerm } from "./bm25";
import { reasonsFor } from "./reasons";
import { Scores } from "./scores";
import { insertTop } from "./select";
import { countOf, holdsAny, lowerBound, topicTerms, type TermVector } from "./term-vector";
import { addPaperTopic, removePaperTopic, topicsPresenting, type PaperTopics } from "./paper-topics";
import type { Related, Similarity, TopicDocument } from "./model";
import type { IndexedTopic, SessionEntry } from "../index/topic-index";

const SAME_PAPER_SCORE = 100;
const TAG_SCORE = 2;
/** Weight of a fully similar meaning (cosine 1) against BM25 scores, which run to about 10–40. */
const MEANING_WEIGHT = 12;
/** The query is a topic's most telling terms; more add little but cost postings walks. */
const QUERY_TERMS = 12;
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
/**
 * Of the topics the walk found, this many times the shortlist, best first, are completed with the
 * common terms not walked; the common terms re-rank what the telling ones found. Past `FULL_FACTOR`
 * times, only while the shortlist is not yet full: a full one is seldom changed by the last third,
 * and each completion costs a few memory reads.
 */
const RERANK_FACTOR = 3;
const FULL_FACTOR = 2;
/**
 * Postings walked for one query, at most, once there are candidates enough: the rarest terms find
 * the candidates, and a query costs the same in any size of vault (the CLI's pass stays linear).
 */
const WALK_BUDGET = 1500;
/** Postings this short are walked without first asking whether they could still matter. */
const SHORT_POSTING = 64;
/** Terms in more than this share of the topics are stop words of this corpus… */
const CORPUS_STOP_SHARE = 1 / 3;
/** …once there are enough topics for a share to mean something. */
const CORPUS_STOP_MIN_TOPICS = 12;

export class RelatedIndex {
  /**
   * Each topic's entry, terms and papers by id, as given (a first build makes no object per topic:
   * nothing for the collector to copy while it runs), and its `Doc` once a query needs one.
   */
  readonly #topics: Array<IndexedTopic | undefined> = [];
  readonly #vectors: Array<TermVector | undefined> = [];
  readonly #paperLists: Array<PaperId[] | undefined> = [];
  readonly #docs: Array<Doc | undefined> = [];
  #count = 0;
  readonly #byFile = new Map<string, number[]>();
  /** Each topic's file's topics (the list `#byFile` holds): a query skips them without a lookup by name. */
  readonly #siblings: Array<number[] | undefined> = [];
  readonly #postings = new Postings();
  /** While `fill` adds topics: their postings wait for one pack at the end. */
  #filling = false;
  readonly #papers: PaperTopics = new Map();
  #nextId = 0;
  #totalLength = 0;
  /** The walk's scores, with each topic's length norm at the mean length `normsAvg`. */
  readonly #scores = new Scores();
  #lengths = new Float64Array(0);
  #normsAvg = NaN;
  #normsUpTo = 0;
  #similarity: Similarity | null = null;

  /**
   * `exact`: walk every posting and complete every topic seen — the ranking pruning approximates,
   * for checking how well it does (slow on a large vault).
   */
  constructor(private readonly exact = false) {}

  get size(): number {
    return this.#count;
  }

  /** Blend a semantic similarity into the scores (null: lexical only, as by default). */
  setSimilarity(similarity: Similarity | null): void {
    this.#similarity = similarity;
  }

  /** Replace one session's topics (a note changed, was added or renamed). */
  setSession(file: string, documents: readonly TopicDocument[]): void {
    const old = this.#byFile.get(file) ?? [];
    const ids: number[] = [];
    for (const item of documents) ids.push(this.#add(item));
    for (const id of old) this.#remove(id);
    for (const id of ids) this.#siblings[id] = ids;
    if (ids.length > 0) this.#byFile.set(file, ids);
    else this.#byFile.delete(file);
  }

  /**
   * Fill an empty index with many sessions at once (a first build), yielding after each session and
   * while packing so a caller can pause: the topics first, then every posting written once.
   */
  *fill(sessions: Iterable<SessionEntry>, documents: (session: SessionEntry) => TopicDocument[]): Generator<void> {
    this.#filling = true;
    try {
      for (const session of sessions) {
        this.setSession(session.file, documents(session));
        yield;
      }
    } finally {
      this.#filling = false;
    }
    yield* this.#postings.pack(this.#vectors);
  }

  /** The id of an indexed topic (found among its file's few), or undefined. */
  #idOf(topic: IndexedTopic): number | undefined {
    for (const id of this.#byFile.get(topic.file) ?? []) if (this.#topics[id] === topic) return id;
    return undefined;
  }

  removeSession(file: string): void {
    for (const id of this.#byFile.get(file) ?? []) this.#remove(id);
    this.#byFile.delete(file);
  }

  /** Files indexed. */
  files(): string[] {
    return [...this.#byFile.keys()];
  }

  /**
   * Topics of other sessions that presented the same paper, by the strong signals (ids, link, title)
   * or one title holding the other whole. The "presented before" badge and the panel both ask this.
   */
  samePaper(topic: IndexedTopic): IndexedTopic[] {
    const id = this.#idOf(topic);
    const doc = id === undefined ? this.#makeDoc({ topic }) : this.#doc(id);
    const out: IndexedTopic[] = [];
    for (const other of topicsPresenting(this.#papers, doc.papers, id)) {
      const found = this.#topics[other];
      if (found && found.file !== topic.file) out.push(found);
    }
    return out;
  }

  /** The `top` most related topics of other sessions, best first. */
  related(topic: IndexedTopic, top = 10): Related[] {
    const id = this.#idOf(topic);
    return this.#query(id === undefined ? this.#makeDoc({ topic }) : this.#doc(id), id, top);
  }

  /** Every indexed topic with its `top` most related, in index order (the CLI's one pass). */
  *relatedAll(top = 10): Generator<{ topic: IndexedTopic; related: Related[] }> {
    for (let id = 0; id < this.#topics.length; id++) {
      const topic = this.#topics[id];
      if (topic) yield { topic, related: this.#query(this.#doc(id), id, top) };
    }
  }

  /** `own`: the id of the topic asked about when it is indexed (its own postings are not a match). */
  #query(doc: Doc, own: number | undefined, top: number): Related[] {
    const n = this.#count;
    const avg = n > 0 ? this.#totalLength / n : 1;
    const scores = this.#normsFor(avg);
    // The topics of the asking note are no match: skipped for this query.
    const sameNote = (own === undefined ? this.#byFile.get(doc.topic.file) : this.#siblings[own]) ?? [];
    for (const id of sameNote) scores.skip(id);
    const samePaper = topicsPresenting(this.#papers, doc.papers, own);
    for (const other of samePaper) if (!scores.skipped(other)) scores.bonus(other, SAME_PAPER_SCORE);

    const query = this.#queryTerms(doc, own, n, avg);
    const keep = top + SHORTLIST_EXTRA;
    // Bonuses given after the postings (shared tags, meaning) may lift anyone by this much.
    const slack = TAG_SCORE * doc.topic.tags.length + (this.#similarity ? MEANING_WEIGHT : 0);
    let remaining = 0;
    for (const q of query) remaining += q.bound;
    let i = 0;
    const walkCap = this.exact ? Infinity : Math.max(WALK_MIN, n * WALK_SHARE);
    const completeAtMost = this.exact ? Infinity : keep * RERANK_FACTOR;
    const completeWhenFull = this.exact ? Infinity : keep * FULL_FACTOR;
    const walkBudget = this.exact ? Infinity : WALK_BUDGET;
    let walked = 0;
    // MaxScore, first phase: walk postings while a topic not yet seen could still reach the top (a
    // short list is walked without asking: the test costs more than the walk).
    for (; i < query.length; i++) {
      const q = query[i] as QueryTerm;
      const live = this.#postings.df(q.id);
      // The k-th best can only beat every unseen topic if the best does: ask the cheap question first.
      if (scores.seen >= keep && live > SHORT_POSTING) {
        if (live > walkCap || walked + live > walkBudget) break;
        if (scores.best > remaining + slack && scores.kth(keep) > remaining + slack) break;
      }
      remaining -= q.bound;
      scores.term(q.weight);
      walked += live;
      this.#postings.walk(q.id, scores);
    }
    // Second phase: the topics seen, best partial score first, completed with the terms not walked,
    // until no topic left could reach the shortlist even with every remaining term.
    const found = scores.takeBest(completeAtMost);
    for (const id of sameNote) scores.setNorm(id, this.#lengths[id] ?? 0, avg);
    const { taken } = scores;
    // The terms not walked, by id: one forward search through each candidate's sorted terms.
    const rest = query.slice(i).sort((a, b) => a.id - b.id);
    const { tagTerms } = doc;
    const shortlist: Array<{ id: number; score: number }> = [];
    for (let k = 0; k < found; k++) {
      const other = taken.ids[k] ?? 0;
      let score = taken.scores[k] ?? 0;
      if (shortlist.length === keep && (k >= completeWhenFull || score + remaining < (shortlist[keep - 1]?.score ?? 0)))
        break;
      let shared = taken.hits[k] ?? 0;
      // A candidate's terms are read only when needed: each read is a few memory misses.
      if (rest.length > 0) {
        const terms = this.#vectors[other] as TermVector;
        const { ids, tfs } = terms;
        let lo = 0;
        for (const q of rest) {
          lo = lowerBound(ids, q.id, lo);
          if (lo >= ids.length) break;
          if (ids[lo] !== q.id) continue;
          score += termScore(q.weight, tfs[lo] ?? 0, terms.length, avg);
          shared++;
        }
      }
      if (shared < MIN_SHARED_TERMS && !samePaper.has(other) && !holdsAny(this.#vectors[other] as TermVector, tagTerms))
        continue;
      insertTop(shortlist, { id: other, score }, keep);
    }
    const meaning = new Map<number, number>();
    for (const entry of shortlist) {
      for (const tag of tagTerms) if (countOf(this.#vectors[entry.id] as TermVector, tag) > 0) entry.score += TAG_SCORE;
      const candidate = this.#doc(entry.id);
      if (!samePaper.has(entry.id) && containsTitle(doc.titleKey, candidate.titleKey)) {
        samePaper.add(entry.id);
        entry.score += SAME_PAPER_SCORE;
      }
      const similar = this.#similarity?.(doc.topic, candidate.topic) ?? null;
      if (similar !== null) {
        meaning.set(entry.id, similar);
        entry.score += MEANING_WEIGHT * Math.max(0, similar);
      }
    }
    // Equal scores in id order: the same list whichever order the postings were walked in.
    shortlist.sort((a, b) => b.score - a.score || a.id - b.id);
    const out: Related[] = [];
    for (const { id: other, score } of shortlist) {
      const candidate = this.#doc(other);
      const reasons = reasonsFor({
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
  #queryTerms(doc: Doc, own: number | undefined, n: number, avg: number): QueryTerm[] {
    const cutoff = n >= CORPUS_STOP_MIN_TOPICS ? n * CORPUS_STOP_SHARE : Infinity;
    const self = own === undefined ? 0 : 1;
    const { ids, tfs } = doc.terms;
    // The `QUERY_TERMS` heaviest, heaviest first, kept by insertion in two flat arrays.
    const { ids: pickedIds, weights } = picked;
    let count = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] ?? 0;
      const df = this.#postings.df(id);
      if (df - self < 1 || df > cutoff) continue;
      const tf = tfs[k] ?? 0;
      // The query's own repeats count, saturated as BM25 saturates a document's.
      const weight = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * ((tf * (K1 + 1)) / (tf + K1));
      if (count === QUERY_TERMS && (weights[QUERY_TERMS - 1] ?? 0) >= weight) continue;
      let at = count < QUERY_TERMS ? count++ : QUERY_TERMS - 1;
      for (; at > 0 && (weights[at - 1] ?? 0) < weight; at--) {
        weights[at] = weights[at - 1] ?? 0;
        pickedIds[at] = pickedIds[at - 1] ?? 0;
      }
      weights[at] = weight;
      pickedIds[at] = id;
    }
    const out: QueryTerm[] = [];
    for (let k = 0; k < count; k++) {
      const id = pickedIds[k] ?? 0;
      const weight = weights[k] ?? 0;
      out.push({ id, weight, bound: termScore(weight, this.#postings.maxTf(id), 0, avg) });
    }
    return out.sort((a, b) => b.bound - a.bound);
  }

  /** The topics' walk data, with length norms for the mean length `avg`. */
  /** The walk's scores, with every topic's length norm at the mean length `avg`. */
  #normsFor(avg: number): Scores {
    const scores = this.#scores;
    if (this.#normsAvg === avg && this.#normsUpTo === this.#nextId) return scores;
    for (let id = 0; id < this.#nextId; id++) scores.setNorm(id, this.#lengths[id] ?? 0, avg);
    this.#normsAvg = avg;
    this.#normsUpTo = this.#nextId;
    return scores;
  }

  /** The indexed topic `id` as a query needs it (made on first use, kept while it is indexed). */
  #doc(id: number): Doc {
    let doc = this.#docs[id];
    if (!doc)
      this.#docs[id] = doc = new Doc(
        this.#topics[id] as IndexedTopic,
        this.#vectors[id] as TermVector,
        this.#paperLists[id] ?? [],
      );
    return doc;
  }

  #add(item: TopicDocument): number {
    const id = this.#nextId++;
    const { topic } = item;
    const terms = item.terms ?? topicTerms(topic, item.body);
    const papers = item.papers ?? paperIds(topic, item.body ?? "");
    if (this.#lengths.length <= id) {
      const size = Math.max(1024, this.#lengths.length * 2);
      this.#lengths = grow(this.#lengths, size);
      this.#scores.reserve(size);
    }
    this.#lengths[id] = Math.max(terms.length, 1e-9);
    this.#topics.push(topic);
    this.#vectors.push(terms);
    this.#paperLists.push(papers);
    this.#docs.push(undefined);
    this.#count++;
    this.#totalLength += terms.length;
    this.#postings.add(id, terms, !this.#filling);
    addPaperTopic(this.#papers, id, papers);
    return id;
  }

  #remove(id: number): void {
    const terms = this.#vectors[id];
    if (!terms) return;
    const papers = this.#paperLists[id] ?? [];
    this.#topics[id] = this.#vectors[id] = this.#paperLists[id] = this.#docs[id] = this.#siblings[id] = undefined;
    this.#lengths[id] = 0;
    this.#scores.setNorm(id, 0, 1);
    this.#count--;
    this.#totalLength -= terms.length;
    this.#postings.remove(id, terms, (other) => this.#vectors[other] !== undefined);
    if (this.#postings.wasteful) runAll(this.#postings.pack(this.#vectors));
    removePaperTopic(this.#papers, id, papers);
  }

  #makeDoc(item: TopicDocument): Doc {
    const { topic } = item;
    return new Doc(topic, item.terms ?? topicTerms(topic, item.body), item.papers ?? paperIds(topic, item.body ?? ""));
  }
}

function grow<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** The query's picked terms while choosing them (reused: no allocation per query). */
const picked = { ids: new Int32Array(QUERY_TERMS), weights: new Float64Array(QUERY_TERMS) };

/** One title holds the other whole, and the shorter is long enough to name one work. */
function containsTitle(a: string, b: string): boolean {
  if (a.length < 20 || b.length < 20) return false;
  return a.length <= b.length ? b.includes(a) : a.includes(b);
}
