import { describe, expect, it } from "vitest";
import { stem, tokenize } from "../../../src/core/related/tokenize";

describe("tokenize", () => {
  const cases: Array<{ text: string; expected: string[] }> = [
    {
      text: "Can we trust bounding box annotations for object detection?",
      expected: ["trust", "bounding", "box", "annotation", "object", "detection"],
    },
    {
      text: "LLMプロダクト開発にLangSmithを使って評価と実験を効率化した話",
      expected: ["llm", "プロダクト", "開発", "langsmith", "評価", "実験", "効率"],
    },
    { text: "画像のbboxアノテーションを効率化したい", expected: ["画像", "bbox", "アノテーション", "効率"] },
    { text: "ＬＬＭ　ＲＡＧ", expected: ["llm", "rag"] },
    {
      text: "Introducing Llama 3.1: Our most capable models to date",
      expected: ["introducing", "llama", "capable", "model", "date"],
    },
  ];
  for (const c of cases) {
    it(c.text, () => expect(tokenize(c.text)).toEqual(c.expected));
  }

  it("falls back to CJK bigrams without a segmenter", () => {
    expect(tokenize("文書理解のLayoutLLM", false)).toEqual(["layoutllm", "文書", "書理", "理解", "解の"]);
  });

  it("stems English plurals only", () => {
    expect(["annotations", "boxes", "studies", "class", "bus", "analysis", "llms"].map(stem)).toEqual([
      "annotation",
      "boxe",
      "study",
      "class",
      "bus",
      "analysis",
      "llm",
    ]);
  });
});
