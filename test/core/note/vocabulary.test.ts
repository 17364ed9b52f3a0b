import { describe, expect, it } from "vitest";
import { noteLanguage } from "../../../src/core/note/vocabulary";

describe("noteLanguage", () => {
  it.each([
    { name: "Japanese headings", text: "## 今週のTOPIC\n### @Alice\n#### [blog] Tokens\n", expected: "ja" },
    { name: "Japanese main heading only", text: "メインTOPIC: VerifiNER\n", expected: "ja" },
    {
      name: "English headings with Japanese titles",
      text: "## This week's topics\n@A\n[blog] 日本語\n",
      expected: "en",
    },
    { name: "English main heading, any case", text: "MAIN TOPIC: X\n", expected: "en" },
    { name: "no heading, kana in a title", text: "@A\n[blog] ブログ\n", expected: "ja" },
    { name: "no heading, Latin only", text: "@A\n[blog] Post\n", expected: "en" },
    { name: "empty", text: "", expected: "en" },
  ])("$name → $expected", ({ text, expected }) => {
    expect(noteLanguage(text)).toBe(expected);
  });
});
