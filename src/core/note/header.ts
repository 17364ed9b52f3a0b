/**
 * The note's header: its date, series and type, from the frontmatter first, then the file name,
 * then the first line (SPEC §2).
 */
import { findDate } from "./dates";
import { stripHeading } from "./grammar";
import { sliceTrimmed } from "./line-scan";
import type { ParsedNote } from "./model";
import { readTopLevelScalar } from "../properties/frontmatter-range";
import { codeAt, collapseWhitespace } from "../text";

/** Date, series and type of a note at `path`, given its frontmatter lines and first line (trimmed). */
export function readHeader(
  frontmatter: readonly string[],
  firstTrimmed: string,
  path: string,
): Pick<ParsedNote, "date" | "series" | "type"> {
  const fmDate = readTopLevelScalar(frontmatter, "date");
  const fmSeries = readTopLevelScalar(frontmatter, "series");
  const type = readTopLevelScalar(frontmatter, "type");
  const base = baseName(path);
  const fileDate = findDate(base);
  const firstLine = stripHeading(firstTrimmed).text;
  const lineDate = findDate(firstLine);
  const date = (fmDate !== null ? findDate(fmDate)?.iso : undefined) ?? fileDate?.iso ?? lineDate?.iso ?? null;
  let series: string | null = fmSeries !== null && fmSeries !== "" ? fmSeries : null;
  if (series === null && lineDate) series = restAround(firstLine, lineDate.index, lineDate.length);
  if (series === null && fileDate) series = restAround(base, fileDate.index, fileDate.length);
  return { date, series, type };
}

const SERIES_EDGE = /^[\s\-–—|:：・]+|[\s\-–—|:：・]+$/g;

/** The text around a date, as one line without the separators at its ends: the series name. */
function restAround(text: string, index: number, length: number): string | null {
  // Each side collapsed on its own: the space that joins them would make a collapse of the whole.
  const before = index === 0 ? "" : collapseWhitespace(sliceTrimmed(text, 0, index));
  const after = collapseWhitespace(sliceTrimmed(text, index + length, text.length));
  let rest = before === "" ? after : after === "" ? before : `${before} ${after}`;
  if (isSeriesEdge(codeAt(rest, 0)) || isSeriesEdge(codeAt(rest, rest.length - 1))) {
    rest = rest.replace(SERIES_EDGE, "").trim();
  }
  return rest === "" ? null : rest;
}

/** The separators `SERIES_EDGE` drops (whitespace aside: `collapseWhitespace` has trimmed it). */
function isSeriesEdge(code: number): boolean {
  return (
    code === 0x2d ||
    code === 0x2013 ||
    code === 0x2014 ||
    code === 0x7c ||
    code === 0x3a ||
    code === 0xff1a ||
    code === 0x30fb
  );
}

/** The file name without folder and extension, read from its end (`lastIndexOf` calls into the runtime). */
function baseName(path: string): string {
  let start = path.length;
  let dot = -1;
  while (start > 0) {
    const code = path.charCodeAt(start - 1);
    if (code === 0x2f /* / */) break;
    start--;
    if (code === 0x2e /* . */ && dot < 0) dot = start;
  }
  return path.slice(start, dot > start ? dot : path.length);
}
