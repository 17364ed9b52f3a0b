/**
 * Every CSV the project reads (Notion's database tables), through papaparse: one home for the format's
 * rules, for the plugin and the CLI alike. A BOM, CRLF, quoted cells with commas, quotes and newlines,
 * ragged rows; blank lines are not records.
 */
import Papa from "papaparse";
import { fail, ok, type Result } from "../result";

/**
 * The records of `text`, each as its cells. A damaged file (a quote never closed, text after a closing
 * quote) is refused with papaparse's first complaint: its cells would not be the ones the table meant.
 */
export function readCsv(text: string): Result<string[][], "bad-csv"> {
  const parsed = Papa.parse<string[]>(text, {
    // Never guessed: Notion writes commas, and a one-column table has no delimiter to guess from.
    delimiter: ",",
    quoteChar: '"',
    skipEmptyLines: true,
  });
  const [first] = parsed.errors;
  if (first) {
    const row = typeof first.row === "number" ? ` in record ${first.row + 1}` : "";
    return fail({
      code: "bad-csv",
      message: `the table is damaged${row}: ${first.message.toLowerCase()}`,
      detail: first.message,
    });
  }
  return ok(parsed.data);
}
