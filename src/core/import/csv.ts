/**
 * Every CSV the project reads (Notion's database tables): one home for the format's rules, for the
 * plugin and the CLI alike. A BOM, CRLF, LF or CR, quoted cells with commas, quotes and newlines,
 * ragged rows; blank lines are not records. d3-dsv parses the cells; `quotingDamage` below only
 * validates the quoting first, because no maintained small CSV library reports a damaged file
 * (papaparse does, at 19 KB of main.js; it stays a devDependency, the oracle of the tests).
 */
import { csvParseRows } from "d3-dsv";
import { fail, ok, type Result } from "../result";

/**
 * The records of `text`, each as its cells. A damaged file (a quote never closed, text after a closing
 * quote) is refused, with the record where the damage is: its cells would not be the ones the table meant.
 */
export function readCsv(text: string): Result<string[][], "bad-csv"> {
  const body = text.replace(/^\uFEFF/, "");
  const damage = quotingDamage(body);
  if (damage) {
    return fail({
      code: "bad-csv",
      message: `the table is damaged in record ${damage.record}: ${damage.reason}`,
      detail: damage.reason,
    });
  }
  // A record of one empty cell is an empty line: CSV cannot tell it from a blank line.
  return ok(csvParseRows(body).filter((row) => !(row.length === 1 && row[0] === "")));
}

const UNQUOTED_END = /[,\r\n]/g;

/**
 * Where the quoting is damaged, or null. d3-dsv reads such a file without a word (the rest of the file
 * as one cell, a character after a closing quote taken for a comma), so the quotes are checked first:
 * a cell that opens with a quote must close it, and its closing quote must end the cell. Only quotes
 * are looked at, each once; d3-dsv reads the cells.
 */
function quotingDamage(text: string): { record: number; reason: string } | null {
  let record = 1;
  let at = 0;
  while (at < text.length) {
    // `at` is the start of a cell.
    if (text.charCodeAt(at) === 0x22) {
      let close = text.indexOf('"', at + 1);
      while (close >= 0 && text.charCodeAt(close + 1) === 0x22) close = text.indexOf('"', close + 2);
      if (close < 0) return { record, reason: "a quoted cell is never closed" };
      at = close + 1;
      if (at < text.length && !",\r\n".includes(text.charAt(at)))
        return { record, reason: "text after a closing quote" };
    } else {
      UNQUOTED_END.lastIndex = at;
      at = UNQUOTED_END.exec(text)?.index ?? text.length;
    }
    if (at >= text.length) break;
    if (text.charAt(at) !== ",") {
      record++;
      if (text.startsWith("\r\n", at)) at++;
    }
    at++;
  }
  return null;
}
