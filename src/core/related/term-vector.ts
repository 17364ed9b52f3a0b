/**
 * A text's terms counted, as sorted term ids with their counts: what the related-topics index keeps of
 * a topic, what the app caches per note, and what a query walks. Counting runs over ids in flat arrays
 * (no string is hashed twice).
 * May import the tokenizer, the term ids and core/text.
 */
import { foldKey } from "../text";
import { markTag, termCount, termId } from "./term-ids";
import { kthLargest, scratchOf } from "./select";
import { tokenIds } from "./tokenize";

export interface TermVector {
  /** Term ids, ascending. */
  readonly ids: Int32Array;
  /** Each term's count (weighted: a title term counts `TITLE_WEIGHT`). */
  readonly tfs: Float32Array;
  /** The sum of the counts: the document's length for BM25. */
  readonly length: number;
}

const TITLE_WEIGHT = 3;
const TAG_WEIGHT = 2;
/**
 * Distinct terms kept of one body (its most frequent). A long paper summary has hundreds of distinct
 * words; its most repeated ones say what it is about, and a cap keeps a 100,000-topic index within a
 * phone's memory.
 */
const BODY_TERMS = 64;

/** Counts by term id, reused by every count (entries are zeroed after use), and the ids met in order. */
let counts = new Float64Array(4096);
const met: number[] = [];
const scratch: number[] = [];

function add(id: number, weight: number): void {
  if (id >= counts.length) {
    const grown = new Float64Array(Math.max(id + 1, counts.length * 2, termCount()));
    grown.set(counts);
    counts = grown;
  }
  if (counts[id] === 0) met.push(id);
  counts[id] = (counts[id] ?? 0) + weight;
}

function addText(text: string, weight: number): void {
  scratch.length = 0;
  tokenIds(text, scratch);
  for (const term of scratch) add(term < 0 ? ~term : term, weight);
}

/** Keep only the `keep` most frequent of the terms met so far; at the cut, the first met. */
function keepMost(keep: number): void {
  if (met.length <= keep) return;
  // No sort: the cut is found in linear time.
  const cut = kthCount(keep);
  let room = keep;
  for (const id of met) if ((counts[id] ?? 0) > cut) room--;
  let kept = 0;
  for (const id of met) {
    const count = counts[id] ?? 0;
    if (count > cut || (count === cut && room-- > 0)) met[kept++] = id;
    else counts[id] = 0;
  }
  met.length = kept;
}

/** The counts gathered since the last call, as a vector. */
function collect(): TermVector {
  // Copied by hand: `Int32Array.from` walks an array through the iterator protocol, many times slower.
  const sorted = new Int32Array(met.length);
  for (let k = 0; k < met.length; k++) sorted[k] = met[k] ?? 0;
  sorted.sort();
  const tfs = new Float32Array(sorted.length);
  let length = 0;
  for (let k = 0; k < sorted.length; k++) {
    const tf = counts[sorted[k] ?? 0] ?? 0;
    tfs[k] = tf;
    length += tf;
  }
  for (const id of met) counts[id] = 0;
  met.length = 0;
  return { ids: sorted, tfs, length };
}

let values = new Float64Array(256);

/** The `k`-th largest count among the terms met (k ≤ met.length). */
function kthCount(k: number): number {
  values = scratchOf(values, met.length);
  for (let i = 0; i < met.length; i++) values[i] = counts[met[i] ?? 0] ?? 0;
  return kthLargest(values, met.length, k);
}

/** A body's most frequent terms, counted: what the index keeps of a body. */
export function bodyTermCounts(body: string): TermVector {
  addText(body, 1);
  keepMost(BODY_TERMS);
  return collect();
}

/**
 * All the terms of a topic: its title (weighted), tags, summary, and its body's most frequent terms
 * (given as text, or already counted).
 */
export function topicTerms(
  topic: { title: string; tags: readonly string[]; summary: string },
  body?: string | TermVector,
): TermVector {
  // A body given as text is counted and cut in place, as `bodyTermCounts` would, with no vector made.
  if (typeof body === "string") {
    addText(body, 1);
    keepMost(BODY_TERMS);
  }
  addText(topic.title, TITLE_WEIGHT);
  for (const tag of topic.tags) add(tagTerm(tag), TAG_WEIGHT);
  addText(topic.summary, 1);
  if (body !== undefined && typeof body !== "string")
    for (let k = 0; k < body.ids.length; k++) add(body.ids[k] ?? 0, body.tfs[k] ?? 0);
  return collect();
}

/** Tag terms by the tag as written: a vault has a few hundred tags, met on every topic. */
const tagTerms = new Map<string, number>();

export function tagTerm(tag: string): number {
  let id = tagTerms.get(tag);
  if (id === undefined) {
    id = termId(`#${foldKey(tag)}`);
    markTag(id);
    if (tagTerms.size >= 10_000) tagTerms.clear();
    tagTerms.set(tag, id);
  }
  return id;
}

/** The count of term `id` in `terms`, or 0 (binary search). */
export function countOf(terms: TermVector, id: number): number {
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

/** The first index at or after `from` whose id is at least `id` (`ids` ascending). */
export function lowerBound(ids: Int32Array, id: number, from: number): number {
  let lo = from;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ids[mid] ?? 0) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `terms` holds any of `ids`. */
export function holdsAny(terms: TermVector, ids: readonly number[]): boolean {
  for (const id of ids) if (countOf(terms, id) > 0) return true;
  return false;
}
