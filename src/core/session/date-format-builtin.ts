/**
 * Our own formatter of moment's day tokens, in English and Japanese, without moment: for the CLI and
 * tests (the plugin formats with Obsidian's moment, date-format-moment.ts). Tests compare every token
 * with moment's own output; the token grammar is date-format.ts's.
 */
import type { Language } from "../note/vocabulary";
import { calendarDay, formatDay, type DateFormatter } from "./date-format";

interface Era {
  /** First day, as `YYYYMMDD` for comparison. */
  since: number;
  offset: number;
  name: string;
  narrow: string;
  abbr: string;
}

interface Locale {
  months: readonly string[];
  monthsShort: readonly string[];
  weekdays: readonly string[];
  weekdaysShort: readonly string[];
  weekdaysMin: readonly string[];
  longDate: Readonly<Record<string, string>>;
  meridiem: (hour: number, lower: boolean) => string;
  ordinal: (n: number, period: string) => string;
  /** Newest first. */
  eras: readonly Era[];
}

const BEFORE_CHRIST: Era = { since: -Infinity, offset: 1, name: "Before Christ", narrow: "BC", abbr: "BC" };

const EN: Locale = {
  months: "January February March April May June July August September October November December".split(" "),
  monthsShort: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" "),
  weekdays: "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(" "),
  weekdaysShort: "Sun Mon Tue Wed Thu Fri Sat".split(" "),
  weekdaysMin: "Su Mo Tu We Th Fr Sa".split(" "),
  longDate: {
    LT: "h:mm A",
    LTS: "h:mm:ss A",
    L: "MM/DD/YYYY",
    LL: "MMMM D, YYYY",
    LLL: "MMMM D, YYYY h:mm A",
    LLLL: "dddd, MMMM D, YYYY h:mm A",
    l: "M/D/YYYY",
    ll: "MMM D, YYYY",
    lll: "MMM D, YYYY h:mm A",
    llll: "ddd, MMM D, YYYY h:mm A",
  },
  meridiem: (hour, lower) => (hour < 12 ? (lower ? "am" : "AM") : lower ? "pm" : "PM"),
  ordinal: (n) => {
    const last = n % 10;
    const suffix =
      Math.trunc((n % 100) / 10) === 1 ? "th" : last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th";
    return `${n}${suffix}`;
  },
  eras: [{ since: 10101, offset: 1, name: "Anno Domini", narrow: "AD", abbr: "AD" }, BEFORE_CHRIST],
};

const JA: Locale = {
  months: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
  monthsShort: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
  weekdays: "日曜日 月曜日 火曜日 水曜日 木曜日 金曜日 土曜日".split(" "),
  weekdaysShort: "日 月 火 水 木 金 土".split(" "),
  weekdaysMin: "日 月 火 水 木 金 土".split(" "),
  longDate: {
    LT: "HH:mm",
    LTS: "HH:mm:ss",
    L: "YYYY/MM/DD",
    LL: "YYYY年M月D日",
    LLL: "YYYY年M月D日 HH:mm",
    LLLL: "YYYY年M月D日 dddd HH:mm",
    l: "YYYY/MM/DD",
    ll: "YYYY年M月D日",
    lll: "YYYY年M月D日 HH:mm",
    llll: "YYYY年M月D日(ddd) HH:mm",
  },
  meridiem: (hour) => (hour < 12 ? "午前" : "午後"),
  ordinal: (n, period) => {
    if (period === "y") return n === 1 ? "元年" : `${n}年`;
    return period === "d" || period === "D" || period === "DDD" ? `${n}日` : String(n);
  },
  eras: [
    { since: 20190501, offset: 1, name: "令和", narrow: "㋿", abbr: "R" },
    { since: 19890108, offset: 1, name: "平成", narrow: "㍻", abbr: "H" },
    { since: 19261225, offset: 1, name: "昭和", narrow: "㍼", abbr: "S" },
    { since: 19120730, offset: 1, name: "大正", narrow: "㍽", abbr: "T" },
    { since: 18730101, offset: 6, name: "明治", narrow: "㍾", abbr: "M" },
    { since: 10101, offset: 1, name: "西暦", narrow: "AD", abbr: "AD" },
    { since: -Infinity, offset: 1, name: "紀元前", narrow: "BC", abbr: "BC" },
  ],
};

const LOCALES: Record<Language, Locale> = { en: EN, ja: JA };

interface Day {
  year: number;
  /** 0 = January. */
  month: number;
  date: number;
  /** 0 = Sunday. */
  weekday: number;
  dayOfYear: number;
}

function pad(n: number, length: number, forceSign = false): string {
  const digits = String(Math.abs(n)).padStart(length, "0");
  return `${n < 0 ? "-" : forceSign ? "+" : ""}${digits}`;
}

function dayFromUtc(year: number, month: number, date: number): Day {
  const time = Date.UTC(year, month, date);
  const utc = new Date(time);
  utc.setUTCFullYear(year); // Date.UTC reads years 0–99 as 1900–1999
  const start = new Date(0);
  start.setUTCFullYear(year, 0, 1);
  start.setUTCHours(0, 0, 0, 0);
  return {
    year,
    month,
    date,
    weekday: utc.getUTCDay(),
    dayOfYear: Math.round((utc.getTime() - start.getTime()) / 86_400_000) + 1,
  };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Moment's week numbering: weeks start on `dow`, and the week holding January `7 + dow - doy` is week 1. */
function weekOf(day: Day, dow: number, doy: number): { week: number; year: number } {
  const firstWeekOffset = (year: number): number => {
    const fwd = 7 + dow - doy;
    const fwdlw = (7 + dayFromUtc(year, 0, fwd).weekday - dow) % 7;
    return -fwdlw + fwd - 1;
  };
  const weeksInYear = (year: number): number =>
    ((isLeap(year) ? 366 : 365) - firstWeekOffset(year) + firstWeekOffset(year + 1)) / 7;
  const week = Math.floor((day.dayOfYear - firstWeekOffset(day.year) - 1) / 7) + 1;
  if (week < 1) return { week: week + weeksInYear(day.year - 1), year: day.year - 1 };
  if (week > weeksInYear(day.year)) return { week: week - weeksInYear(day.year), year: day.year + 1 };
  return { week, year: day.year };
}

function eraOf(day: Day, locale: Locale): { era: Era; year: number } {
  const key = day.year * 10000 + (day.month + 1) * 100 + day.date;
  const era = locale.eras.find((e) => key >= e.since) ?? BEFORE_CHRIST;
  // As moment: years counted from the era's first year, plus its offset; backwards before year 1.
  const year = Number.isFinite(era.since)
    ? day.year - Math.floor(era.since / 10000) + era.offset
    : era.offset - day.year;
  return { era, year };
}

/** The value of one token for `day`, or null when it is not a day token. */
function tokenValue(token: string, day: Day, locale: Locale): string | null {
  const localWeek = () => weekOf(day, 0, 6);
  const isoWeek = () => weekOf(day, 1, 4);
  const hour = 0;
  switch (token) {
    case "M":
      return String(day.month + 1);
    case "Mo":
      return locale.ordinal(day.month + 1, "M");
    case "MM":
      return pad(day.month + 1, 2);
    case "MMM":
      return locale.monthsShort[day.month] ?? "";
    case "MMMM":
      return locale.months[day.month] ?? "";
    case "Q":
      return String(Math.ceil((day.month + 1) / 3));
    case "Qo":
      return locale.ordinal(Math.ceil((day.month + 1) / 3), "Q");
    case "D":
      return String(day.date);
    case "Do":
      return locale.ordinal(day.date, "D");
    case "DD":
      return pad(day.date, 2);
    case "DDD":
      return String(day.dayOfYear);
    case "DDDo":
      return locale.ordinal(day.dayOfYear, "DDD");
    case "DDDD":
      return pad(day.dayOfYear, 3);
    case "d":
    case "e":
      return String(day.weekday);
    case "do":
      return locale.ordinal(day.weekday, "d");
    case "dd":
      return locale.weekdaysMin[day.weekday] ?? "";
    case "ddd":
      return locale.weekdaysShort[day.weekday] ?? "";
    case "dddd":
      return locale.weekdays[day.weekday] ?? "";
    case "E":
      return String(day.weekday === 0 ? 7 : day.weekday);
    case "w":
      return String(localWeek().week);
    case "wo":
      return locale.ordinal(localWeek().week, "w");
    case "ww":
      return pad(localWeek().week, 2);
    case "W":
      return String(isoWeek().week);
    case "Wo":
      return locale.ordinal(isoWeek().week, "W");
    case "WW":
      return pad(isoWeek().week, 2);
    case "YY":
      return pad(day.year % 100, 2);
    case "Y":
    case "YYYY":
      return day.year <= 9999 ? pad(day.year, 4) : `+${day.year}`;
    case "YYYYY":
      return pad(day.year, 5);
    case "YYYYYY":
      return pad(day.year, 6, true);
    case "gg":
      return pad(localWeek().year % 100, 2);
    case "gggg":
      return pad(localWeek().year, 4);
    case "ggggg":
      return pad(localWeek().year, 5);
    case "GG":
      return pad(isoWeek().year % 100, 2);
    case "GGGG":
      return pad(isoWeek().year, 4);
    case "GGGGG":
      return pad(isoWeek().year, 5);
    case "N":
    case "NN":
    case "NNN":
      return eraOf(day, locale).era.abbr;
    case "NNNN":
      return eraOf(day, locale).era.name;
    case "NNNNN":
      return eraOf(day, locale).era.narrow;
    case "y":
      return String(eraOf(day, locale).year);
    case "yo":
      return locale.ordinal(eraOf(day, locale).year, "y");
    case "yy":
      return pad(eraOf(day, locale).year, 2);
    case "yyy":
      return pad(eraOf(day, locale).year, 3);
    case "yyyy":
      return pad(eraOf(day, locale).year, 4);
    case "A":
      return locale.meridiem(hour, false);
    case "a":
      return locale.meridiem(hour, true);
    case "H":
    case "m":
    case "s":
      return "0";
    case "HH":
    case "mm":
    case "ss":
      return "00";
    case "h":
    case "hh":
      return "12";
    case "k":
    case "kk":
      return "24";
    case "Hmm":
      return "000";
    case "Hmmss":
      return "00000";
    case "hmm":
      return "1200";
    case "hmmss":
      return "120000";
  }
  if (/^S{1,9}$/.test(token)) return "0".repeat(token.length);
  return null;
}

/** `iso` in moment's `format`, in the language's locale (moment's `en` or `ja`). */
export const builtinDateFormatter: DateFormatter = (iso, format, language) => {
  const parts = calendarDay(iso);
  if (!parts) return { text: iso, unknown: [] };
  const locale = LOCALES[language];
  const day = dayFromUtc(parts.year, parts.month - 1, parts.date);
  return formatDay(format, {
    longDate: (key) => locale.longDate[key],
    value: (token) => tokenValue(token, day, locale),
  });
};
