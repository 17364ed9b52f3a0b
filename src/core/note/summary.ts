/** A topic's summary (SPEC §2): its first line of body text, list marker aside, on one line and cut to length. */
import { isComment, isSectionLabel } from "./grammar";
import { sliceTrimmed } from "./line-scan";
import { collapseWhitespace, isHttpUrl, truncate } from "../text";

const SUMMARY_LENGTH = 200;

/**
 * The summary that the body line `src[t, e)` (trimmed, no heading) gives its topic, `listMarker`
 * being the length of its list marker (0: none); "" when it gives none (a comment, a bare URL, a
 * section label).
 */
export function readSummary(src: string, t: number, e: number, listMarker: number): string {
  const isList = listMarker > 0;
  const item = isList ? sliceTrimmed(src, t + listMarker, e) : src.slice(t, e);
  if (item === "" || (isList && isComment(item)) || isHttpUrl(item) || isSectionLabel(item)) return "";
  // Cut before collapsing: a line of a megabyte is not collapsed whole for its first 200 characters.
  return truncate(collapseWhitespace(truncate(item, SUMMARY_LENGTH + 20)), SUMMARY_LENGTH);
}
