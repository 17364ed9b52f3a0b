/**
 * A query's scores while it walks postings: BM25 summed per topic in one flat array, and the best
 * candidates taken from them. One instance per index, reused by every query (no allocation per
 * posting or per query); the walk calls one method, which the engine inlines.
 * May import BM25 and the selection helpers only.
 */
import { B, K1 } from "./bm25";
import { kthLargest, scratchOf } from "./select";

/** Slots of a topic in `hot`: its length norm (negative: skip it), the query's score so far. */
const HOT = 2;
const NORM = 0;
const SCORE = 1;

export class Scores {
  /**
   * What a walk reads and writes of each topic, side by side (one memory read per posting, eight
   * bytes a topic): its BM25 length norm (negative once removed, and for the asking note's own
   * topics during a query) and the query's score. Shared-term counts apart. Zeroed after each query.
   */
  #hot = new Float32Array(0);
  #hits = new Uint8Array(0);
  /**
   * Topics with a score in this query, in the order first met: the first `seen` (the array is kept
   * at its length between queries: emptied, V8 would give its room back and grow it again each time).
   */
  readonly #touched: number[] = [];
  seen = 0;
  /** The best score so far in this query. */
  best = 0;
  /** The weight of the term being walked. */
  #idf = 0;
  #scratch = new Float64Array(1024);
  /** After `takeBest`: the best candidates, best first, with partial scores and shared-term counts. */
  readonly taken = { ids: new Int32Array(64), scores: new Float64Array(64), hits: new Float64Array(64) };

  /** Room for topics with ids below `size`. */
  reserve(size: number): void {
    if (this.#hits.length >= size) return;
    const room = Math.max(1024, size, this.#hits.length * 2);
    const hot = new Float32Array(room * HOT);
    hot.set(this.#hot);
    this.#hot = hot;
    const hits = new Uint8Array(room);
    hits.set(this.#hits);
    this.#hits = hits;
  }

  /** Set topic `id`'s length norm from its length (0: removed, skipped from now on) at mean `avg`. */
  setNorm(id: number, length: number, avg: number): void {
    this.#hot[id * HOT + NORM] = length > 0 ? K1 * (1 - B + (B * length) / avg) : -1;
  }

  /** Skip topic `id` until its norm is set again (the asking note's own topics). */
  skip(id: number): void {
    this.#hot[id * HOT + NORM] = -1;
  }

  /** Whether topic `id` is skipped. */
  skipped(id: number): boolean {
    return (this.#hot[id * HOT + NORM] ?? -1) < 0;
  }

  /** Add `amount` to topic `id`'s score, outside any term (a strong signal: the same paper). */
  bonus(id: number, amount: number): void {
    const at = id * HOT + SCORE;
    if (this.#hot[at] === 0) this.#touched[this.seen++] = id;
    this.#hot[at] = (this.#hot[at] ?? 0) + amount;
  }

  /** Walk the next term, of weight `idf`: give `visit` its postings. */
  term(idf: number): void {
    this.#idf = idf;
  }

  /** One posting of the term being walked: topic `other` holds it `tf` times. */
  visit(other: number, tf: number): void {
    const hot = this.#hot;
    const at = other * HOT;
    const norm = hot[at + NORM] ?? -1;
    if (norm < 0) return;
    const before = hot[at + SCORE] ?? 0;
    if (before === 0) this.#touched[this.seen++] = other;
    const score = before + (this.#idf * (tf * (K1 + 1))) / (tf + norm);
    hot[at + SCORE] = score;
    if (score > this.best) this.best = score;
    this.#hits[other] = (this.#hits[other] ?? 0) + 1;
  }

  /** The `k`-th largest score so far (k ≤ seen). */
  kth(k: number): number {
    const touched = this.#touched;
    this.#scratch = scratchOf(this.#scratch, this.seen);
    for (let i = 0; i < this.seen; i++) this.#scratch[i] = this.#hot[(touched[i] ?? 0) * HOT + SCORE] ?? 0;
    return kthLargest(this.#scratch, this.seen, k);
  }

  /**
   * The `most` touched topics with the highest scores, best first, into `taken` (a bounded heap with
   * the worst at its root: one pass, no sort of everything), and every score and count zeroed for the
   * next query. Returns how many were taken.
   */
  takeBest(most: number): number {
    const hot = this.#hot;
    const hits = this.#hits;
    const touched = this.#touched;
    const size = Math.min(most, this.seen);
    if (this.taken.ids.length < size) {
      const room = Math.max(size, this.taken.ids.length * 2);
      this.taken.ids = new Int32Array(room);
      this.taken.scores = new Float64Array(room);
      this.taken.hits = new Float64Array(room);
    }
    const { taken } = this;
    let count = 0;
    for (let t = 0; t < this.seen; t++) {
      const other = touched[t] ?? 0;
      const at = other * HOT + SCORE;
      const score = hot[at] ?? 0;
      const shared = hits[other] ?? 0;
      hot[at] = 0;
      hits[other] = 0;
      if (count < size) {
        // Sift up: the worst stays at the root.
        let i = count++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!ranksBefore(taken.scores[parent] ?? 0, taken.ids[parent] ?? 0, score, other)) break;
          move(taken, parent, i);
          i = parent;
        }
        put(taken, i, other, score, shared);
      } else if (ranksBefore(score, other, taken.scores[0] ?? 0, taken.ids[0] ?? 0))
        siftDown(taken, 0, other, score, shared, count);
    }
    this.seen = 0;
    this.best = 0;
    // Heap sort in place: the worst goes to the end each time, which leaves the best first.
    for (let end = count - 1; end > 0; end--) {
      const id = taken.ids[end] ?? 0;
      const score = taken.scores[end] ?? 0;
      const shared = taken.hits[end] ?? 0;
      move(taken, 0, end);
      siftDown(taken, 0, id, score, shared, end);
    }
    return count;
  }
}

type Taken = Scores["taken"];

/** Whether a candidate ranks before another: higher score, then lower id (any walk order agrees). */
function ranksBefore(scoreA: number, idA: number, scoreB: number, idB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && idA < idB);
}

function move(taken: Taken, from: number, to: number): void {
  taken.ids[to] = taken.ids[from] ?? 0;
  taken.scores[to] = taken.scores[from] ?? 0;
  taken.hits[to] = taken.hits[from] ?? 0;
}

function put(taken: Taken, at: number, id: number, score: number, shared: number): void {
  taken.ids[at] = id;
  taken.scores[at] = score;
  taken.hits[at] = shared;
}

/** Put (id, score, shared) at heap slot `i` of a heap of `size` and sift it down to its place. */
function siftDown(taken: Taken, i: number, id: number, score: number, shared: number, size: number): void {
  const { ids, scores } = taken;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    const right = child + 1;
    if (right < size && ranksBefore(scores[child] ?? 0, ids[child] ?? 0, scores[right] ?? 0, ids[right] ?? 0))
      child = right;
    if (!ranksBefore(score, id, scores[child] ?? 0, ids[child] ?? 0)) break;
    move(taken, child, i);
    i = child;
  }
  put(taken, i, id, score, shared);
}
