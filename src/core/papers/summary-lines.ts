/**
 * The paper-summary template's detail lines (`- 著者: `, `- Venue / year: `, `- Link: `) filled from a
 * paper's details, when they are still empty. A line with anything after its label is the user's.
 */
import type { PaperDetails } from "./details";

type Field = "authors" | "venue" | "link";

/** The labels as the built-in templates write them (a test keeps the two in step). */
export const SUMMARY_LABELS: Record<Field, readonly string[]> = {
  authors: ["著者", "Authors"],
  venue: ["会議・年", "Venue / year"],
  link: ["リンク", "Link"],
};

/** The value each field gets; null when the details have none. */
function valueOf(field: Field, details: PaperDetails): string | null {
  if (field === "authors") return details.authors.length > 0 ? details.authors.join(", ") : null;
  if (field === "venue") return [details.venue, details.year].filter((v) => v !== null && v !== "").join(" ") || null;
  return details.url;
}

/** `lines` with the empty detail lines in `from..to` (inclusive) filled; the same array when none is. */
export function fillSummaryLines(
  lines: readonly string[],
  from: number,
  to: number,
  details: PaperDetails,
): readonly string[] {
  let out: string[] | null = null;
  for (let i = Math.max(0, from); i <= Math.min(to, lines.length - 1); i++) {
    const line = lines[i] ?? "";
    for (const field of Object.keys(SUMMARY_LABELS) as Field[]) {
      const label = SUMMARY_LABELS[field].find((l) =>
        new RegExp(`^\\s*[-*+]\\s+${escape(l)}\\s*[:：]\\s*$`).test(line),
      );
      const value = label ? valueOf(field, details) : null;
      if (value === null) continue;
      out ??= [...lines];
      out[i] = `${line.replace(/\s+$/, "")} ${value}`;
      break;
    }
  }
  return out ?? lines;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
