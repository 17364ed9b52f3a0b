/**
 * The related index's topics by the papers they present: by scheme, then value (no key string made
 * per paper); one topic is a number, a second makes it a list (most papers are presented once).
 * Plain functions over the map. May import core/papers' types only.
 */
import type { PaperId } from "../papers/paper-id";

export type PaperTopics = Map<string, Map<string, number | number[]>>;

/** Topic `id` presents `papers`. */
export function addPaperTopic(map: PaperTopics, id: number, papers: readonly PaperId[]): void {
  for (const { scheme, value } of papers) {
    let byValue = map.get(scheme);
    if (!byValue) map.set(scheme, (byValue = new Map<string, number | number[]>()));
    const ids = byValue.get(value);
    if (ids === undefined) byValue.set(value, id);
    else if (typeof ids === "number") byValue.set(value, [ids, id]);
    else ids.push(id);
  }
}

/** Topic `id`, which presented `papers`, is gone. */
export function removePaperTopic(map: PaperTopics, id: number, papers: readonly PaperId[]): void {
  for (const { scheme, value } of papers) {
    const byValue = map.get(scheme);
    const ids = byValue?.get(value);
    if (!byValue || ids === undefined) continue;
    if (typeof ids === "number") {
      if (ids === id) byValue.delete(value);
      continue;
    }
    const at = ids.indexOf(id);
    if (at >= 0) ids.splice(at, 1);
    if (ids.length === 0) byValue.delete(value);
  }
}

/** The topics presenting any of `papers`, but `own`. */
export function topicsPresenting(map: PaperTopics, papers: readonly PaperId[], own: number | undefined): Set<number> {
  const out = new Set<number>();
  for (const paper of papers) {
    const ids = map.get(paper.scheme)?.get(paper.value);
    if (typeof ids === "number") out.add(ids);
    else for (const other of ids ?? []) out.add(other);
  }
  if (own !== undefined) out.delete(own);
  return out;
}
