import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { createTranslator, fill, kindName, monthName } from "../../src/i18n";
import { ja } from "../../src/i18n/ja";

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("UI strings", () => {
  it("exist in Japanese for every English key, with the same placeholders", () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(ja[key].trim(), key).not.toBe("");
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("follow Obsidian's language, English for any other", () => {
    expect(createTranslator("ja")("view.title")).toBe("勉強会トピック");
    expect(createTranslator("en")("view.title")).toBe("Study topics");
    expect(createTranslator("zh-TW")("view.title")).toBe("Study topics");
    expect(createTranslator("ja")("view.count", { shown: 2, total: 29 })).toBe("29 件中 2 件");
  });
});

describe("names the sidebar shows", () => {
  it.each([
    ["en", "2024-09", "September 2024"],
    ["ja", "2024-09", "2024年9月"],
    ["ja", "2023-12", "2023年12月"],
    ["en", "2024-13", "2024-13"],
    ["en", "no date", "no date"],
  ])("month %s %s → %s", (language, month, expected) => {
    expect(monthName(month, createTranslator(language))).toBe(expected);
  });

  it.each([
    ["en", "paper", "Paper"],
    ["ja", "paper", "論文"],
    ["en", "ツール", "ツール"],
    ["ja", "tool", "tool"],
  ])("kind %s %s → %s", (language, kind, expected) => {
    expect(kindName(kind, createTranslator(language))).toBe(expected);
  });
});

describe("fill", () => {
  it("puts each named value in its place and leaves unknown names as written", () => {
    const name = fc.constantFrom("a", "b", "words", "x1");
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      name.map((n) => `{${n}}`),
      fc.constantFrom("{", "}", "{}", "{ a}"),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((p) => p.join("")),
        fc.dictionary(name, fc.oneof(fc.string({ maxLength: 5 }), fc.integer())),
        (template, values) => {
          // Twice: the second fill uses the template as cut the first time.
          for (let k = 0; k < 2; k++)
            expect(fill(template, values)).toBe(
              template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole)),
            );
        },
      ),
    );
  });
});
