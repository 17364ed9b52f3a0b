import fc from "fast-check";
import { GLOSSARY } from "../../../src/core/related/glossary";
import { describe, expect, it } from "vitest";
import { nfkcStable } from "../../../src/core/related/folding";
import { HIDDEN_PREFIX, stem, stripNonWords, termLabel, tokenize } from "../../../src/core/related/tokenize";

const visible = (text: string): string[] => tokenize(text).filter((t) => !t.startsWith(HIDDEN_PREFIX));

describe("tokenize", () => {
  const cases: Array<{ name: string; text: string; expected: string[] }> = [
    {
      name: "English: stop words out, plurals stemmed, glossary phrases as one concept",
      text: "Can we trust bounding box annotations for object detection?",
      expected: ["trust", "bounding", "bounding box", "box", "annotation", "object", "object detection", "detection"],
    },
    {
      name: "Japanese with English inside: katakana and Latin words whole, camel-case parts, concepts",
      text: "LLMプロダクト開発にLangSmithを使って評価と実験を効率化した話",
      expected: [
        "language model",
        "プロダクト",
        "開発",
        "langsmith",
        "lang",
        "smith",
        "evaluation",
        "experiment",
        "効率化",
      ],
    },
    {
      name: "katakana compounds stay whole",
      text: "デザインパターンとマイクロサービス",
      expected: ["デザインパターン", "マイクロサービス"],
    },
    {
      name: "glossary forms inside Japanese text",
      text: "オープンソースで高性能な日本語LLM",
      expected: ["open source", "高性能", "日本語", "language model"],
    },
    { name: "full width folds", text: "ＬＬＭ　ＲＡＧ", expected: ["language model", "rag"] },
    {
      name: "numbers and generic words go",
      text: "Introducing Llama 3.1: Our most capable models to date",
      expected: ["introducing", "llama", "capable", "model"],
    },
    { name: "generic Japanese words go", text: "良い感じに作る方法を紹介", expected: [] },
    {
      name: "URLs, link targets, domains and handles are no words",
      text: "- [shima] see https://arxiv.org/abs/1706.03762 and arxiv.org/pdf/1 or [the post](https://x.com/a) @qluto",
      expected: ["post"],
    },
  ];
  for (const c of cases) it(c.name, () => expect(visible(c.text)).toEqual(c.expected));

  it("adds the character pairs of kanji runs, hidden from reasons", () => {
    expect(tokenize("高性能")).toEqual(["高性能", `${HIDDEN_PREFIX}高性`, `${HIDDEN_PREFIX}性能`]);
  });

  it("keeps the text of wiki and Markdown links, drops their targets", () => {
    expect(stripNonWords("[[Papers/Attention|Transformer]] [post](https://example.com/x)")).not.toMatch(
      /Papers|example|https/,
    );
    expect(visible("[[Papers/Attention|Transformer]]")).toEqual(["transformer"]);
  });

  it("shows concepts in the reader's language", () => {
    expect(termLabel("evaluation", "ja")).toBe("評価");
    expect(termLabel("evaluation", "en")).toBe("evaluation");
    expect(termLabel("langsmith", "ja")).toBe("langsmith");
  });

  it("never yields URL pieces, whatever surrounds them", () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const url = fc
      .tuple(
        fc.constantFrom("https://", "http://", "https://www."),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("com", "org", "io", "jp", "ai"),
        fc.array(fc.stringMatching(/^[\w.%-]{0,12}$/), { maxLength: 4 }),
      )
      .map(([scheme, host, tld, path]) => `${scheme}${host.join(".")}.${tld}/${path.join("/")}`);
    fc.assert(
      fc.property(fc.string(), fc.string(), url, (before, after, link) => {
        const terms = tokenize(`${before} ${link} ${after}`);
        const alone = new Set(tokenize(`${before} ${after}`));
        return terms.every((t) => alone.has(t));
      }),
    );
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

  it("gives the same terms whether its pieces were seen before or not, and for words past the kept length", () => {
    // Pieces (words, kanji and katakana runs) are remembered by hash after the first sight: a second
    // look must read back exactly what the first worked out, in any script mix and at any length.
    const piece = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9]{1,60}$/),
      fc.stringMatching(/^[\u4e00-\u4e20]{1,8}$/),
      fc.stringMatching(/^[\u30a1-\u30b0\u30fc]{1,8}$/),
      fc.constantFrom(
        "MLOps",
        "open source",
        "機械学習",
        "オープンソース",
        "評価",
        "AutoMLOps",
        "ひらがな",
        "#tag",
        " - ",
      ),
    );
    const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(" "));
    fc.assert(
      fc.property(text, (t) => {
        const first = tokenize(t);
        expect(tokenize(t)).toEqual(first);
        expect(tokenize(`${t}\n${t}`)).toEqual([...first, ...first]);
      }),
      { numRuns: 300 },
    );
  });

  it("skips NFKC only for text NFKC leaves as it is", () => {
    // Every character alone…
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (nfkcStable(code)) expect(char.normalize("NFKC"), code.toString(16)).toBe(char);
    }
    // …and side by side with the characters around the edges of what is skipped, where NFKC joins.
    const edges = [
      0x41, 0x7f, 0x80, 0xe9, 0x301, 0x2022, 0x2025, 0x3000, 0x3001, 0x3005, 0x300c, 0x3010, 0x3040, 0x3041, 0x304b,
      0x3096, 0x3099, 0x309a, 0x309b, 0x30a1, 0x30ab, 0x30fc, 0x30fd, 0x30ff, 0x4e00, 0x9fff, 0xf900, 0xff01, 0xff76,
      0x1100, 0x1161, 0xac00,
    ].map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...edges), fc.string({ maxLength: 3 })), { maxLength: 12 }),
        (parts) => {
          const text = parts.join("");
          if ([...text].every((c) => nfkcStable(c.charCodeAt(0)))) expect(text.normalize("NFKC")).toBe(text);
          // Where nothing is stripped (no link, handle, mention or domain, before NFKC or after), read as
          // it is up to a character NFKC may change, then again normalized: as if normalized first.
          const plain = (s: string): boolean => !/[[\]［］@＠:/.(]/.test(s);
          if (plain(text) && plain(text.normalize("NFKC")))
            expect(tokenize(text)).toEqual(tokenize(text.normalize("NFKC")));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("glossary", () => {
  it("has no Japanese form shorter than two characters (the tokenizer checks the first two before looking)", () => {
    for (const entry of GLOSSARY)
      for (const form of entry.forms) {
        const folded = form.normalize("NFKC").toLowerCase();
        if ([...folded].some((c) => c.charCodeAt(0) > 0x7f)) expect(folded.length, form).toBeGreaterThanOrEqual(2);
      }
  });
});

describe("glossary forms inside Japanese runs", () => {
  // Every Japanese form is found wherever it starts: after kanji, katakana or kana of any script,
  // and inside a run of its own first character's script (the scan's inner loop must stop there).
  const forms = GLOSSARY.flatMap((entry) =>
    entry.forms
      .map((form) => form.normalize("NFKC").toLowerCase())
      .filter((form) => [...form].some((c) => c.charCodeAt(0) > 0x7f))
      .map((form) => ({ form, term: entry.en })),
  );
  it("finds each form after any prefix", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...forms),
        fc.constantFrom("", "高", "研究", "ア", "シス", "の", "、", "x", "ab "),
        fc.constantFrom("", "の", "です", "。", " x"),
        ({ form, term }, before, after) => {
          expect(tokenize(`${before}${form}${after}`)).toContain(term);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
