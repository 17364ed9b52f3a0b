import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { createTranslator } from "../../src/i18n";
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
