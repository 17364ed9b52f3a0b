/**
 * Picking the best few without sorting everything: the k-th largest of some numbers (quickselect),
 * and a short best-first list kept by insertion. Used by term counting and by queries. Imports nothing.
 */

/** The `k`-th largest of `values[0..n)` (1 ≤ k ≤ n); reorders those values. */
export function kthLargest(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
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
        values[i++] = values[j] ?? 0;
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] ?? 0;
}

/** Keep `best` the `top` highest scores, highest first; ties keep the first in (a short list: insertion is cheapest). */
export function insertTop<T extends { score: number }>(best: T[], item: T, top: number): void {
  if (best.length === top && (best[top - 1]?.score ?? 0) >= item.score) return;
  let at = best.length;
  while (at > 0 && (best[at - 1]?.score ?? 0) < item.score) at--;
  best.splice(at, 0, item);
  if (best.length > top) best.pop();
}

/** A scratch array of at least `n` numbers, grown by doubling and reused. */
export function scratchOf(array: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  return array.length >= n ? array : new Float64Array(Math.max(n, array.length * 2));
}
