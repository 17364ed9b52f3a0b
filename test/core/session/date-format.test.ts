import fc from "fast-check";
import moment from "moment";
import "moment/locale/ja";
import { describe, expect, it } from "vitest";
import { formatDate } from "../../../src/core/session/date-format";
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

describe("formatDate: moment's tokens", () => {
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

describe("formatDate: what is no day token", () => {
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
