import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { defaultSettings } from "../../../src/core/settings";
import { planSession, yamlScalar } from "../../../src/core/session/plan";

describe("values the plugin writes into YAML read back as written", () => {
  const series = [
    "ML: 勉強会",
    "[draft] 輪読会",
    "#1 reading",
    "*ML",
    "&x",
    "null",
    "'quoted'",
    "a # b",
    "機械学習勉強会",
    "Reading group",
  ];
  for (const name of series) {
    it(JSON.stringify(name), () => {
      const settings = { ...defaultSettings(), seriesName: name };
      const plan = planSession({ sessions: [], settings, date: "2024-09-05", language: "en", link: (f) => `[[${f}]]` });
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(plan.text)?.[1] ?? "";
      const doc = parseDocument(fm);
      expect(doc.errors).toEqual([]);
      expect((doc.toJS() as Record<string, unknown>).series).toBe(name);
    });
  }

  it("leaves plain words plain", () => {
    expect(yamlScalar("機械学習勉強会")).toBe("機械学習勉強会");
    expect(yamlScalar("3")).toBe("3");
    expect(yamlScalar("ML: x")).toBe('"ML: x"');
  });
});
