/**
 * A group's topics in index order (newest session first, then by path, then as written), kept in
 * sorted chunks so one topic goes in or out in about log n, whatever the group's size.
 * May import the index's types and the running sums.
 */
import { Fenwick } from "./fenwick";
import type { IndexedTopic } from "./topic-index";

/**
 * A topic's place among its session's topics (topics from properties have no line to go by): set by
 * whoever lists a session's topics, read by the index order.
 */
export const ordinals = new WeakMap<IndexedTopic, number>();

/** Index order: newest session first, then by path, then as written in the note. */
function compareTopics(a: IndexedTopic, b: IndexedTopic): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da < db ? 1 : -1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (ordinals.get(a) ?? 0) - (ordinals.get(b) ?? 0);
}

/** Chunks of this size keep an insert or removal to a short copy, whatever the group's size. */
const CHUNK = 256;

/**
 * Topics in index order, stored in chunks: insert, remove and find by position in about log n. Where
 * each chunk starts is kept in running sums of chunk sizes, so a change costs log(chunks), not a pass
 * over every chunk; the sums are built again only when a chunk splits or goes (once per 256 changes).
 */
export class SortedChunks {
  #chunks: IndexedTopic[][] = [];
  /** Running sums of chunk sizes, or null until next asked for. */
  #tree: Fenwick | null = null;
  size = 0;

  static from(sorted: readonly IndexedTopic[]): SortedChunks {
    const list = new SortedChunks();
    for (let i = 0; i < sorted.length; i += CHUNK) list.#chunks.push(sorted.slice(i, i + CHUNK));
    list.size = sorted.length;
    return list;
  }

  insert(topic: IndexedTopic): void {
    this.size++;
    if (this.#chunks.length === 0) {
      this.#chunks.push([topic]);
      this.#tree = null;
      return;
    }
    const c = Math.min(this.#chunkFor(topic), this.#chunks.length - 1);
    const chunk = this.#chunks[c] as IndexedTopic[];
    chunk.splice(lowerBound(chunk, topic), 0, topic);
    if (chunk.length > 2 * CHUNK) {
      this.#chunks.splice(c, 1, chunk.slice(0, CHUNK), chunk.slice(CHUNK));
      this.#tree = null;
    } else this.#tree?.add(c, 1);
  }

  remove(topic: IndexedTopic): boolean {
    const c = this.#chunkFor(topic);
    const chunk = this.#chunks[c];
    if (!chunk) return false;
    for (let i = lowerBound(chunk, topic); i < chunk.length; i++) {
      if (chunk[i] === topic) {
        chunk.splice(i, 1);
        this.size--;
        if (chunk.length === 0) {
          this.#chunks.splice(c, 1);
          this.#tree = null;
        } else this.#tree?.add(c, -1);
        return true;
      }
      if (compareTopics(chunk[i] as IndexedTopic, topic) > 0) break;
    }
    return false;
  }

  at(i: number): IndexedTopic | undefined {
    if (i < 0 || i >= this.size) return undefined;
    // The last chunk whose start is at most `i`.
    const c = this.#sums().find((_, before) => before <= i);
    return this.#chunks[c]?.[i - this.#sums().before(c)];
  }

  indexOf(topic: IndexedTopic): number {
    const c = this.#chunkFor(topic);
    const chunk = this.#chunks[c];
    if (!chunk) return -1;
    for (
      let i = lowerBound(chunk, topic);
      i < chunk.length && compareTopics(chunk[i] as IndexedTopic, topic) <= 0;
      i++
    ) {
      if (chunk[i] === topic) return this.#sums().before(c) + i;
    }
    return -1;
  }

  /** The first chunk whose last topic sorts at or after `topic` (or one past the end). */
  #chunkFor(topic: IndexedTopic): number {
    let lo = 0;
    let hi = this.#chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.#chunks[mid] as IndexedTopic[];
      if (compareTopics(chunk[chunk.length - 1] as IndexedTopic, topic) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #sums(): Fenwick {
    this.#tree ??= new Fenwick(this.#chunks.map((chunk) => chunk.length));
    return this.#tree;
  }
}

function lowerBound(chunk: readonly IndexedTopic[], topic: IndexedTopic): number {
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareTopics(chunk[mid] as IndexedTopic, topic) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
