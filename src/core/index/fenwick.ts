/**
 * Running sums of counts that change one at a time (a Fenwick tree): a count changed, the sum before
 * an item, and the item at a running sum, each in log n. Imports nothing.
 */
export class Fenwick {
  /** Node k (from 1) holds the sum of the `k & -k` counts ending at item k - 1. */
  readonly #tree: Int32Array;

  /** Built from `counts` in one pass. */
  constructor(counts: readonly number[]) {
    const n = counts.length;
    const tree = new Int32Array(n + 1);
    for (let k = 1; k <= n; k++) {
      tree[k] = (tree[k] ?? 0) + (counts[k - 1] ?? 0);
      const parent = k + (k & -k);
      if (parent <= n) tree[parent] = (tree[parent] ?? 0) + (tree[k] ?? 0);
    }
    this.#tree = tree;
  }

  /** Item `c`'s count changed by `delta`. */
  add(c: number, delta: number): void {
    const tree = this.#tree;
    for (let k = c + 1; k < tree.length; k += k & -k) tree[k] = (tree[k] ?? 0) + delta;
  }

  /** The sum of the counts of items before `c`. */
  before(c: number): number {
    let sum = 0;
    for (let k = c; k > 0; k -= k & -k) sum += this.#tree[k] ?? 0;
    return sum;
  }

  /**
   * The most items, from the first, that `fits` takes, asked of growing runs of items (their number and
   * the sum of their counts); `fits` must take every shorter run of one it takes.
   */
  find(fits: (items: number, sum: number) => boolean): number {
    const tree = this.#tree;
    const n = tree.length - 1;
    let items = 0;
    let sum = 0;
    // Down from the largest power of two at most n (none for no items).
    for (let step = n > 0 ? 1 << (31 - Math.clz32(n)) : 0; step > 0; step >>= 1) {
      const next = items + step;
      const more = sum + (tree[next] ?? 0);
      if (next <= n && fits(next, more)) {
        items = next;
        sum = more;
      }
    }
    return items;
  }
}
