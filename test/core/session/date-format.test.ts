import fc from "fast-check";
import moment from "moment";
import "moment/locale/ja";
import { describe, expect, it } from "vitest";
import { formatDate as formatWithSetFormatter, type DateFormatter } from "../../../src/core/session/date-format";
import { builtinDateFormatter } from "../../../src/core/session/date-format-builtin";
import { momentDateFormatter } from "../../../src/core/session/date-format-moment";
import type { Language } from "../../../src/core/note/vocabulary";

/** Moment's own output for a day, the reference every row is checked against. */
function momentFormat(iso: string, format: string, language: Language): string {
  return moment(iso, "YYYY-MM-DD", true).locale(language).format(format);
}

const DAY_TOKENS = [
  ..."M Mo MM MMM MMMM Q Qo D Do DD DDD DDDo DDDD d do dd ddd dddd e E w wo ww W Wo WW".split(" "),
  ..."Y YY YYYY YYYYY YYYYYY gg gggg ggggg GG GGGG GGGGG N NN NNN NNNN NNNNN y yo yy yyy yyyy".split(" "),
  ..."A a H HH h hh k kk m mm s ss S SS SSS SSSSSSSSS Hmm Hmmss hmm hmmss".split(" "),
  ..."L LL LLL LLLL l ll lll llll LT LTS".split(" "),
];

/** The CLI's formatter and the plugin's (moment itself, here the package): every row holds for both. */
const FORMATTERS: [string, DateFormatter][] = [
  ["builtin", builtinDateFormatter],
  ["moment", momentDateFormatter(moment)],
];

describe.each(FORMATTERS)("formatDate (%s): moment's tokens", (_name, formatDate) => {
  it.each([
    { format: "YYYY-MM-DD", language: "en", expected: "2024-09-05" },
    { format: "dddd", language: "en", expected: "Thursday" },
    { format: "dddd", language: "ja", expected: "木曜日" },
    { format: "YYYY年M月D日（ddd）", language: "ja", expected: "2024年9月5日（木）" },
    { format: "MMMM Do, YYYY", language: "en", expected: "September 5th, 2024" },
    { format: "Do", language: "ja", expected: "5日" },
    { format: "[Week] W [of] GGGG", language: "en", expected: "Week 36 of 2024" },
    { format: "[Today is] dddd", language: "en", expected: "Today is Thursday" },
    { format: "LL", language: "ja", expected: "2024年9月5日" },
    { format: "LLLL", language: "en", expected: "Thursday, September 5, 2024 12:00 AM" },
    { format: "NNNNy年", language: "ja", expected: "令和6年" },
    { format: "\\YYYY-MM", language: "en", expected: "YYYY-09" },
  ] as const)("$format ($language) → $expected", ({ format, language, expected }) => {
    expect(formatDate("2024-09-05", format, language)).toEqual({ text: expected, unknown: [] });
    expect(momentFormat("2024-09-05", format, language)).toBe(expected);
  });

  it.each(DAY_TOKENS.flatMap((token) => (["en", "ja"] as const).map((language) => ({ token, language }))))(
    "$token ($language) is moment's on days around year and week boundaries",
    ({ token, language }) => {
      for (const iso of [
        "2024-01-01",
        "2023-12-31",
        "2021-01-03",
        "2020-12-31",
        "2019-04-30",
        "2019-05-01",
        "1989-01-07",
        "1873-06-01",
        "0001-01-01",
      ]) {
        expect(formatDate(iso, token, language), iso).toEqual({
          text: momentFormat(iso, token, language),
          unknown: [],
        });
      }
    },
  );

  it("equals moment on any day and any mix of tokens, literals, brackets and escapes", () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(2999, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const part = fc.oneof(
      fc.constantFrom(...DAY_TOKENS),
      fc.constantFrom("-", "/", " ", "年", "月", "日", ", ", "(", ")", ":", "."),
      fc.constantFrom("[at] ", "[Week]", "[[x]", "\\D", "\\[", "["),
    );
    fc.assert(
      fc.property(
        day,
        fc.array(part, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<Language>("en", "ja"),
        (iso, parts, language) => {
          const format = parts.join("");
          expect(formatDate(iso, format, language).text).toBe(momentFormat(iso, format, language));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe.each(FORMATTERS)("formatDate (%s): what is no day token", (_name, formatDate) => {
  it.each([
    { format: "yyyy-MM-dd", text: null, unknown: [] }, // date-fns habits are moment tokens too (era year, weekday)
    { format: "YYYY-MM-DD T", unknown: ["T"] },
    { format: "YYYY-MM-DDTHH:mm", unknown: ["T"] },
    { format: "[T]YYYY", unknown: [] },
    { format: "Z", text: "Z", unknown: ["Z"] },
    { format: "X x zz", text: "X x zz", unknown: ["X", "x", "zz"] },
    { format: "bib", unknown: ["b", "i"] },
  ])("$format flags $unknown", ({ format, unknown, ...rest }) => {
    const result = formatDate("2024-09-05", format, "en");
    expect(result.unknown).toEqual(unknown);
    // Apart from the time-zone tokens (a day has none), the text is still moment's.
    if ("text" in rest && rest.text !== null) expect(result.text).toBe(rest.text);
    else expect(result.text).toBe(momentFormat("2024-09-05", format, "en"));
  });
});

describe("the plugin's formatter (moment) and the CLI's (ours)", () => {
  const moments = momentDateFormatter(moment);
  const day = fc
    .date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it("give the same text and report the same letters for any format, on any day", () => {
    // Every ASCII letter (tokens, zone tokens, letters that are none), brackets, escapes and other text.
    const piece = fc.oneof(
      fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
      fc.constantFrom(...DAY_TOKENS),
      fc.constantFrom("[", "]", "\\", "|", " ", "-", "/", ":", "年", "月", "日", "(", ")", "[x]", "\u{1F600}"),
    );
    fc.assert(
      fc.property(
        day,
        fc.array(piece, { maxLength: 12 }).map((p) => p.join("")),
        fc.constantFrom<Language>("en", "ja"),
        (iso, format, language) => {
          expect(moments(iso, format, language)).toEqual(builtinDateFormatter(iso, format, language));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("a day that is not on the calendar is left as it is, whichever formatter is set", () => {
    for (const iso of ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "nope"])
      expect(formatWithSetFormatter(iso, "dddd YYYY", "en")).toEqual({ text: iso, unknown: [] });
    expect(formatWithSetFormatter("2024-02-29", "dddd", "en")).toEqual({ text: "Thursday", unknown: [] });
  });
});
