import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bodyTermCounts, topicTerms } from "../../../src/core/related/term-vector";

const word = fc.constantFrom(
  "model",
  "models",
  "evaluation",
  "評価",
  "機械学習",
  "パイプライン",
  "データ",
  "agent",
  "open source",
  "LLM",
  "SpreadsheetLLM",
  "https://example.com/x",
  "#tag",
  "性能",
  "高性能",
);
const text = fc.array(fc.oneof(word, fc.string({ maxLength: 8 })), { maxLength: 200 }).map((w) => w.join(" "));

describe("topicTerms", () => {
  it("counts a body given as text exactly as one given already counted", () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(fc.constantFrom("ml", "LLM", "評価"), { maxLength: 3 }),
        (body, summary, tags) => {
          const topic = { title: "Evaluation of models 評価", tags, summary };
          expect(topicTerms(topic, body)).toEqual(topicTerms(topic, bodyTermCounts(body)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps a body's 64 most frequent terms", () => {
    const body = Array.from({ length: 100 }, (_, i) =>
      `word${String.fromCharCode(97 + (i % 26))}${i} `.repeat(1 + (i % 5)),
    ).join("");
    const counts = bodyTermCounts(body);
    expect(counts.ids.length).toBe(64);
    // 20 words each at 5, 4, 3, 2 and 1 repeats: all those at 3 and more, and 4 of those at 2.
    expect([...counts.tfs].filter((tf) => tf >= 3)).toHaveLength(60);
    expect([...counts.tfs].filter((tf) => tf === 2)).toHaveLength(4);
  });
});
