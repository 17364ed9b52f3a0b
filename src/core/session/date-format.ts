/**
 * Moment.js format tokens (what Obsidian's Templates, Daily notes, Periodic Notes and Templater take) for
 * a day: `{{date:YYYY年M月D日 (ddd)}}`, `Do`, `[literal]`, `L`, eras. This file is the token grammar, shared
 * by both formatters; the values come from the formatter the side sets at start-up: Obsidian's own moment
 * in the plugin (date-format-moment.ts, so main.js carries no calendar), our en/ja one in the CLI and tests
 * (date-format-builtin.ts). Tests hold the two to the same output. A day has no time: time tokens give
 * midnight, as moment does for a parsed date; time-zone tokens (`Z`, `X`, `z`) and letters that are no
 * token are printed as moment prints them and reported, so a template's mistake shows in the notice.
 */
import type { Language } from "../note/vocabulary";

export interface FormattedDate {
  text: string;
  /** Letters or tokens that are no day token (each once, in order). */
  unknown: string[];
}

/** `iso` (`YYYY-MM-DD`) in moment's `format`, in the language's locale (moment's `en` or `ja`). */
export type DateFormatter = (iso: string, format: string, language: Language) => FormattedDate;

/** One day in one locale, as a formatter knows it. */
export interface DayFormat {
  /** The locale's format for `L`, `LL`, `LT` …, or undefined for none. */
  longDate(key: string): string | undefined;
  /** The text of a day token (one of `isDayToken`) for the day. */
  value(token: string): string | null;
}

/** Moment's own token grammar: a `[literal]`, a backslash-escaped character, a token, or any one character. */
const TOKENS =
  /(\[[^[]*\])|(\\)?([Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|.)/g;
const LONG_TOKENS = /(\[[^[]*\])|(\\)?(LTS|LT|LL?L?L?|l{1,4})/g;
/** The tokens of a day (time tokens included: midnight); the others are printed as they stand. */
const DAY_TOKENS = new Set(
  (
    "M Mo MM MMM MMMM Q Qo D Do DD DDD DDDo DDDD d do dd ddd dddd e E w wo ww W Wo WW Y YY YYYY YYYYY YYYYYY " +
    "gg gggg ggggg GG GGGG GGGGG N NN NNN NNNN NNNNN y yo yy yyy yyyy A a H HH h hh k kk m mm s ss Hmm Hmmss hmm hmmss"
  ).split(" "),
);
/** Tokens that need a time zone, which a meeting day does not have. */
const ZONE_TOKENS = new Set(["x", "X", "z", "zz", "Z", "ZZ"]);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDayToken(token: string): boolean {
  return DAY_TOKENS.has(token) || /^S{1,9}$/.test(token);
}

let formatter: DateFormatter | null = null;

/** Set the formatter every `formatDate` uses (once, at start-up, before any template is rendered). */
export function useDateFormatter(format: DateFormatter): void {
  formatter = format;
}

/** `iso` in moment's `format` with the formatter set at start-up; a day that is not on the calendar stays as it is. */
export function formatDate(iso: string, format: string, language: Language): FormattedDate {
  if (formatter === null) throw new Error("No date formatter set: call useDateFormatter() at start-up.");
  if (calendarDay(iso) === null) return { text: iso, unknown: [] };
  return formatter(iso, format, language);
}

/** `YYYY-MM-DD` as numbers (month 1–12) when it names a day of the calendar, else null. */
export function calendarDay(iso: string): { year: number; month: number; date: number } | null {
  const match = ISO_DAY.exec(iso);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && date >= 1 && date <= days ? { year, month, date } : null;
}

/** `format` read as moment reads it, each day token's text taken from `day`. */
export function formatDay(format: string, day: DayFormat): FormattedDate {
  const unknown: string[] = [];
  const text = expandLongFormats(format, day).replace(
    TOKENS,
    (whole, bracket: string | undefined, escape: string | undefined, token: string) => {
      if (bracket !== undefined) return bracket.slice(1, -1);
      if (escape !== undefined) return token;
      const value = isDayToken(token) ? day.value(token) : null;
      if (value !== null) return value;
      // Moment prints what is no token as it stands; a letter there is almost always a mistake.
      if (/[A-Za-z]/.test(token) && !unknown.includes(token)) unknown.push(token);
      return ZONE_TOKENS.has(token) ? whole : token;
    },
  );
  return { text, unknown };
}

/** `L`, `LL`, `LT` … replaced by the locale's formats, as moment does before reading tokens. */
function expandLongFormats(format: string, day: DayFormat): string {
  let out = format;
  for (let i = 0; i < 5; i++) {
    const next = out.replace(
      LONG_TOKENS,
      (whole, bracket: string | undefined, escape: string | undefined, key: string) =>
        bracket !== undefined || escape !== undefined ? whole : (day.longDate(key) ?? whole),
    );
    if (next === out) break;
    out = next;
  }
  return out;
}
