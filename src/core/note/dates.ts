/** Finding a session's date in free text: `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY年M月D日`. */
import { codeAt } from "../text";

export interface DateMatch {
  /** ISO `YYYY-MM-DD`. */
  iso: string;
  index: number;
  length: number;
}

// Full-width digits are matched directly so that `２０２４年８月２９日` is found without an NFKC
// pass over the whole text. No lookbehind: iOS versions that Obsidian supports lack it.
const DATE_PATTERN =
  /(^|[^0-9０-９])([12１２][0-9０-９]{3})(?:([-/／－])([0-9０-９]{1,2})\3([0-9０-９]{1,2})|\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日)(?![0-9０-９])/u;

/** The value of ASCII or full-width digits (what NFKC would make of them, without normalizing). */
function toNumber(digits: string): number {
  let value = 0;
  for (let i = 0; i < digits.length; i++) {
    const code = digits.charCodeAt(i);
    value = value * 10 + (code >= 0xff10 ? code - 0xff10 : code - 0x30);
  }
  return value;
}

/** A month or a day as two digits. */
function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
  return day <= days;
}

/**
 * `YYYY-MM-DD` at the start of `text`, as a note's file name has it, read by character codes: where
 * `DATE_PATTERN` would match first when the date is valid; else null (`DATE_PATTERN` then decides).
 */
function isoAtStart(text: string): DateMatch | null {
  const parts = [0, 0, 0];
  for (let k = 0, part = 0; k < 10; k++) {
    const digit = codeAt(text, k) - 0x30;
    // `-` (0x2d) at 4 and 7, digits elsewhere.
    if (k === 4 || k === 7 ? digit !== -3 : digit < 0 || digit > 9) return null;
    if (digit < 0) part++;
    else parts[part] = (parts[part] ?? 0) * 10 + digit;
  }
  const [year = 0, month = 0, day = 0] = parts;
  // A year of 1000 to 2999, as the pattern has it, and no digit after the day (ASCII or full width).
  const next = codeAt(text, 10);
  if (year < 1000 || year > 2999 || (next >= 0x30 && next <= 0x39) || (next >= 0xff10 && next <= 0xff19)) return null;
  return isValidDate(year, month, day) ? { iso: text.slice(0, 10), index: 0, length: 10 } : null;
}

/** The first valid date in `text`, or null. */
export function findDate(text: string): DateMatch | null {
  // The common case read by codes: `DATE_PATTERN` costs several times more per call.
  const iso = isoAtStart(text);
  if (iso !== null) return iso;
  let offset = 0;
  let rest = text;
  for (;;) {
    const match = DATE_PATTERN.exec(rest);
    if (!match) return null;
    // Groups by index, not destructured: a match is no plain array, and its iteration is slow.
    const lead = (match[1] ?? "").length;
    const year = toNumber(match[2] ?? "");
    const month = toNumber(match[4] ?? match[6] ?? "");
    const day = toNumber(match[5] ?? match[7] ?? "");
    if (isValidDate(year, month, day)) {
      return {
        // The year has four digits by the pattern (1000–2999).
        iso: `${year}-${twoDigits(month)}-${twoDigits(day)}`,
        index: offset + match.index + lead,
        length: match[0].length - lead,
      };
    }
    offset += match.index + lead + 1;
    rest = text.slice(offset);
  }
}
