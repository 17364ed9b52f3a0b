/** The smallest single replacement turning one text into another, and mapping offsets across it. */

export interface TextChange {
  from: number;
  to: number;
  text: string;
}

/** One contiguous change (common prefix and suffix left alone): one undo step, cursor kept. */
export function minimalChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair or a CRLF between the kept and the replaced text.
  while (
    start > 0 &&
    (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === "\r" && before[start] === "\n"))
  )
    start--;
  while (
    endBefore < before.length &&
    (isLowSurrogate(before.charCodeAt(endBefore)) || (before[endBefore - 1] === "\r" && before[endBefore] === "\n"))
  ) {
    endBefore++;
    endAfter++;
  }
  return { from: start, to: endBefore, text: after.slice(start, endAfter) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Where an offset in the old text lands after the change (text before it stays, text after it shifts). */
export function mapOffset(offset: number, change: TextChange): number {
  if (offset <= change.from) return offset;
  if (offset >= change.to) return offset + change.text.length - (change.to - change.from);
  return change.from + Math.min(offset - change.from, change.text.length);
}
