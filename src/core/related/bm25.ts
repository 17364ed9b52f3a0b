/** BM25, the relevance sum of related topics: its constants and one term's contribution. Imports nothing. */
export const K1 = 1.2;
export const B = 0.75;

/** BM25's contribution of one term: `idf` of the term, `tf` in a document of `length` (`avg` mean). */
export function termScore(idf: number, tf: number, length: number, avg: number): number {
  return (idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * length) / avg));
}

/** A term of a query: its id, its weight (idf, the query's own repeats saturated) and its upper bound. */
export interface QueryTerm {
  id: number;
  weight: number;
  bound: number;
}
