/**
 * Every term the tokenizer has met, numbered once for the life of the process: indexes, caches and
 * queries pass small integers around, never strings. A term met only as a character pair inside a
 * longer word (a hidden term) is not "shown": reasons name shown terms only.
 * Imports nothing.
 */

const ids = new Map<string, number>();
const texts: string[] = [];
/** Per term: met as a word on its own (`SHOWN`), a tag's term (`TAG`). */
let shown = new Uint8Array(1024);
const SHOWN = 1;
const TAG = 2;

/** The id of `term`, numbered now if new. */
export function termId(term: string): number {
  let id = ids.get(term);
  if (id === undefined) {
    id = texts.length;
    ids.set(term, id);
    texts.push(term);
    if (id >= shown.length) {
      const grown = new Uint8Array(shown.length * 2);
      grown.set(shown);
      shown = grown;
    }
  }
  return id;
}

export function termText(id: number): string {
  return texts[id] ?? "";
}

/** How many terms are numbered: every id is below this. */
export function termCount(): number {
  return texts.length;
}

/** Mark a term as met as a word on its own. */
export function markShown(id: number): void {
  shown[id] = (shown[id] ?? 0) | SHOWN;
}

/** Mark a term as a tag's (`#tag`): said as a tag, never as a word. */
export function markTag(id: number): void {
  shown[id] = (shown[id] ?? 0) | TAG;
}

/** Whether the term was met as a word on its own (not only as a character pair). */
export function isShown(id: number): boolean {
  return ((shown[id] ?? 0) & SHOWN) !== 0;
}

/** Whether the term may be named as a shared word: met on its own, and no tag's. */
export function isWord(id: number): boolean {
  return shown[id] === SHOWN;
}
