/**
 * The inverted index of related topics: for each term, the topics holding it with their counts.
 *
 * Two parts, as search engines keep them: a packed part (one flat array for every term, each term's
 * postings side by side) built in one pass over many topics — a first build writes each posting
 * once, with no per-term array growing — and per-term tails for topics added one at a time since
 * (a note edited). A removed topic's postings are skipped by the walker and dropped when a tail is
 * half dead, or when half the packed part is (then everything live is packed again).
 * May import term vectors only.
 */
import type { TermVector } from "./term-vector";

interface Tail {
  ids: number[];
  tfs: number[];
  dead: number;
}

/** Topics packed per step of `pack` (a step is well under a millisecond). */
const PACK_STEP = 2000;
/** Postings first touched per step of `pack` (a few megabytes). */
const TOUCH_STEP = 1 << 19;

export class Postings {
  /** Term `t`'s packed postings are `ids[start[t]]` to `ids[start[t + 1]]` (exclusive). */
  #start = new Int32Array(1);
  #packedIds = new Int32Array(0);
  #packedTfs = new Float32Array(0);
  #packedDead = 0;
  /** Topics with ids below this are in the packed part; the others in tails. */
  #packedBelow = 0;
  #tails: Array<Tail | undefined> = [];
  /** Per term, side by side (a query reads both): its live topics (df) and its highest count. */
  #stats = new Float32Array(2 * 1024);

  /** Topics holding `term` (live ones). */
  df(term: number): number {
    return this.#stats[2 * term] ?? 0;
  }

  /** The highest count of `term` in any topic ever added: with the shortest length, its upper bound. */
  maxTf(term: number): number {
    return this.#stats[2 * term + 1] ?? 0;
  }

  /** Give `walker` every stored posting of `term` (it skips removed topics). */
  walk(term: number, walker: { visit(doc: number, tf: number): void }): void {
    const packedIds = this.#packedIds;
    const packedTfs = this.#packedTfs;
    for (let p = this.#packedStart(term), end = this.#packedEnd(term); p < end; p++)
      walker.visit(packedIds[p] ?? 0, packedTfs[p] ?? 0);
    const tail = this.#tails[term];
    if (tail) for (let p = 0; p < tail.ids.length; p++) walker.visit(tail.ids[p] ?? 0, tail.tfs[p] ?? 0);
  }

  /** Count a topic's terms; `post` false leaves its postings to the next `pack` (a bulk fill). */
  add(doc: number, terms: TermVector, post = true): void {
    const { ids, tfs } = terms;
    this.#reserve(ids.length > 0 ? (ids[ids.length - 1] ?? 0) + 1 : 0);
    for (let k = 0; k < ids.length; k++) {
      const term = ids[k] ?? 0;
      const tf = tfs[k] ?? 0;
      this.#stats[2 * term] = (this.#stats[2 * term] ?? 0) + 1;
      if (tf > (this.#stats[2 * term + 1] ?? 0)) this.#stats[2 * term + 1] = tf;
      if (!post) continue;
      while (this.#tails.length <= term) this.#tails.push(undefined);
      let tail = this.#tails[term];
      if (!tail) this.#tails[term] = tail = { ids: [], tfs: [], dead: 0 };
      tail.ids.push(doc);
      tail.tfs.push(tf);
    }
  }

  /** Forget a removed topic's postings (`live` tells the topics still there, for compaction). */
  remove(doc: number, terms: TermVector, live: (doc: number) => boolean): void {
    for (const term of terms.ids) {
      this.#stats[2 * term] = (this.#stats[2 * term] ?? 1) - 1;
      if (doc < this.#packedBelow) {
        this.#packedDead++;
        continue;
      }
      const tail = this.#tails[term];
      if (!tail) continue;
      if (++tail.dead * 2 > tail.ids.length) this.#tails[term] = compact(tail, live);
    }
  }

  /** Whether half the packed part is removed topics: time to pack again. */
  get wasteful(): boolean {
    return this.#packedDead > 1024 && this.#packedDead * 2 > this.#packedIds.length;
  }

  /**
   * Pack every live topic's postings (ids ascending) into one flat array, yielding every few thousand
   * topics so a caller can pause between steps; tails are emptied. Counts (`df`) stay as they are.
   */
  *pack(docs: ReadonlyArray<TermVector | undefined>): Generator<void> {
    // Each term's live count (df) is its room: the starts are their running sums.
    const terms = this.#stats.length / 2;
    const counts = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) counts[t + 1] = (counts[t] ?? 0) + (this.#stats[2 * t] ?? 0);
    const start = counts.slice();
    const total = counts[terms] ?? 0;
    // The two large arrays each in a step of its own, and their pages first touched a few megabytes
    // at a time: allocating and touching tens of megabytes at once takes tens of milliseconds.
    yield;
    const ids = new Int32Array(total);
    yield;
    const tfs = new Float32Array(total);
    for (let at = 0; at < total; at += TOUCH_STEP) {
      ids.fill(0, at, at + TOUCH_STEP);
      tfs.fill(0, at, at + TOUCH_STEP);
      yield;
    }
    for (let doc = 0; doc < docs.length; doc++) {
      const vector = docs[doc];
      if (vector) {
        for (let k = 0; k < vector.ids.length; k++) {
          const term = vector.ids[k] ?? 0;
          const at = counts[term] ?? 0;
          ids[at] = doc;
          tfs[at] = vector.tfs[k] ?? 0;
          counts[term] = at + 1;
        }
      }
      if (doc % PACK_STEP === PACK_STEP - 1) yield;
    }
    this.#start = start;
    this.#packedIds = ids;
    this.#packedTfs = tfs;
    this.#packedDead = 0;
    this.#packedBelow = docs.length;
    this.#tails = [];
  }

  #packedStart(term: number): number {
    return term + 1 < this.#start.length ? (this.#start[term] ?? 0) : 0;
  }

  #packedEnd(term: number): number {
    return term + 1 < this.#start.length ? (this.#start[term + 1] ?? 0) : 0;
  }

  #reserve(terms: number): void {
    if (2 * terms <= this.#stats.length) return;
    const stats = new Float32Array(Math.max(2 * terms, this.#stats.length * 2));
    stats.set(this.#stats);
    this.#stats = stats;
  }
}

/** Run steps to the end at once (where no one waits for a pause). */
export function runAll(steps: Iterator<void>): void {
  while (steps.next().done !== true) continue;
}

function compact(tail: Tail, live: (doc: number) => boolean): Tail | undefined {
  const out: Tail = { ids: [], tfs: [], dead: 0 };
  tail.ids.forEach((doc, p) => {
    if (!live(doc)) return;
    out.ids.push(doc);
    out.tfs.push(tail.tfs[p] ?? 0);
  });
  return out.ids.length > 0 ? out : undefined;
}
