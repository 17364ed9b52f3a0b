import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalPaperUrl,
  findArxivId,
  findDoi,
  normalizeUrl,
  paperIdKey,
  paperIds,
  parsePaperIdKey,
  titleKey,
  type PaperId,
} from "../../../src/core/papers/paper-id";
import { titlesAgree } from "../../../src/core/papers/title-match";
import { foldKey } from "../../../src/core/text";

const keys = (url: string | null, body = "", title = "t") =>
  paperIds({ title, url, summary: "" }, body).map(paperIdKey);

describe("paperIds", () => {
  const rows: Array<{ name: string; url: string | null; body?: string; expected: string }> = [
    { name: "abs page", url: "https://arxiv.org/abs/2401.00908", expected: "arxiv:2401.00908" },
    { name: "abs with version", url: "https://arxiv.org/abs/2401.00908v3", expected: "arxiv:2401.00908" },
    { name: "pdf with version", url: "https://arxiv.org/pdf/2401.00908v2.pdf", expected: "arxiv:2401.00908" },
    { name: "pdf without .pdf", url: "http://arxiv.org/pdf/2401.00908", expected: "arxiv:2401.00908" },
    { name: "html", url: "https://arxiv.org/html/2401.00908v1", expected: "arxiv:2401.00908" },
    { name: "export mirror", url: "https://export.arxiv.org/abs/1706.03762", expected: "arxiv:1706.03762" },
    { name: "ar5iv", url: "https://ar5iv.labs.arxiv.org/html/1706.03762", expected: "arxiv:1706.03762" },
    { name: "Hugging Face papers", url: "https://huggingface.co/papers/2401.00908", expected: "arxiv:2401.00908" },
    { name: "4-digit number", url: "https://arxiv.org/abs/1412.6980", expected: "arxiv:1412.6980" },
    { name: "old style", url: "https://arxiv.org/abs/hep-th/9901001v2", expected: "arxiv:hep-th/9901001" },
    {
      name: "old style with subject class",
      url: "https://arxiv.org/abs/math.GT/0309136",
      expected: "arxiv:math/0309136",
    },
    { name: "arXiv: in the body", url: null, body: "- arXiv:2203.15556v1", expected: "arxiv:2203.15556" },
    {
      name: "arXiv: old style in the body",
      url: null,
      body: "arXiv: cond-mat/0211022",
      expected: "arxiv:cond-mat/0211022",
    },
    { name: "arXiv's DOI", url: "https://doi.org/10.48550/arXiv.2203.15556", expected: "arxiv:2203.15556" },
    { name: "doi.org", url: "https://doi.org/10.1613/JAIR.1.12125", expected: "doi:10.1613/jair.1.12125" },
    { name: "dx.doi.org", url: "http://dx.doi.org/10.1145/3292500.3330701", expected: "doi:10.1145/3292500.3330701" },
    {
      name: "doi: in the body",
      url: null,
      body: "DOI: 10.18653/v1/2024.acl-long.130.",
      expected: "doi:10.18653/v1/2024.acl-long.130",
    },
    {
      name: "ACL Anthology",
      url: "https://aclanthology.org/2024.acl-long.130.pdf",
      expected: "url:aclanthology.org/2024.acl-long.130",
    },
    {
      name: "ACL Anthology old id",
      url: "https://aclanthology.org/N19-1423/",
      expected: "url:aclanthology.org/n19-1423",
    },
    {
      name: "OpenReview pdf = forum",
      url: "https://openreview.net/pdf?id=YicbFdNTTy",
      expected: "url:openreview.net/forum?id=YicbFdNTTy",
    },
    {
      name: "Semantic Scholar page",
      url: "https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani/204e3073870fae3d05bcbc2f6a8e263d9b72e776",
      expected: "url:semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776",
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(keys(row.url, row.body)).toContain(row.expected);
    });
  }

  it("does not take a version number or a longer number for an arXiv id", () => {
    expect(
      keys(null, "v2.0 released 2024.01; see arxiv.org/abs/2401.009081").filter((k) => k.startsWith("arxiv")),
    ).toEqual([]);
  });

  it("round-trips keys", () => {
    for (const row of rows) {
      for (const id of paperIds({ title: "t", url: row.url, summary: "" }, row.body ?? ""))
        expect(parsePaperIdKey(paperIdKey(id))).toEqual(id);
    }
  });
});

describe("titlesAgree", () => {
  const rows: Array<[ours: string, theirs: string, agree: boolean]> = [
    ["Attention is all you need", "Attention Is All You Need", true],
    ["Attention Is All You Need", "Attention Is All You Need In Speech Separation", false],
    [
      "Chinchilla: Training Compute-Optimal Large Language Models",
      "Training Compute-Optimal Large Language Models",
      true,
    ],
    [
      "Training Compute-Optimal Large Language Models",
      "Chinchilla: Training Compute-Optimal Large Language Models",
      true,
    ],
    [
      "BERT: Pre-training of Deep Bidirectional Transformers",
      "RoBERTa: Pre-training of Deep Bidirectional Transformers",
      false,
    ],
    [
      "ＢＥＲＴ： Ｐｒｅ-training of deep bidirectional transformers",
      "BERT: Pre-Training of Deep Bidirectional Transformers",
      true,
    ],
    [
      "Don’t Stop Pretraining: Adapt Language Models to Domains and Tasks",
      "Don't Stop Pretraining: Adapt Language Models to Domains and Tasks",
      true,
    ],
    ["Naïve Bayes revisited at scale", "Naive Bayes Revisited at Scale", true],
    ["VerifiNER: … Large Language Models (ACL 2024)", "VerifiNER: … Large Language Models", true],
    ["Learning Loss for Active Learning", "Learning Loss for Active Learning in Object Detection", false],
    ["Active Learning", "Learning Loss for Active Learning", false],
    ["", "", false],
  ];
  for (const [ours, theirs, agree] of rows) {
    it(`${ours} / ${theirs}`, () => expect(titlesAgree(ours, theirs)).toBe(agree));
  }
});

/** Ids as first defined: every pattern run over the whole text, with no marker asked for first. */
function everyPattern(source: { title: string; url: string | null; summary: string }, body: string): PaperId[] {
  const out: PaperId[] = [];
  const text = `${source.url ?? ""}\n${source.title}\n${source.summary}\n${body}`;
  const arxiv = findArxivId(text);
  if (arxiv) out.push({ scheme: "arxiv", value: arxiv });
  const doi = findDoi(text);
  if (doi) out.push({ scheme: "doi", value: doi });
  const page = canonicalPaperUrl(text);
  if (page) out.push({ scheme: "url", value: page });
  if (source.url && /^https?:\/\//i.test(source.url) && findArxivId(source.url) === null) {
    const value = canonicalPaperUrl(source.url) ?? normalizeUrl(source.url);
    if (value !== page) out.push({ scheme: "url", value });
  }
  const title = titleKey(source.title);
  if (title.length >= 12) out.push({ scheme: "title", value: title });
  return out;
}

describe("paperIds, markers first", () => {
  it("finds what running every pattern over the whole text finds", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "arXiv",
        "arxiv:",
        " 2401.12345",
        "\n2401.12345v2",
        "https://arxiv.org/abs/",
        "ar5iv.labs.arxiv.org/html/",
        "alphaxiv.org/abs/",
        "huggingface.co/papers/",
        "10.48550/arXiv.",
        "10.1145/3580305.3599",
        "doi: 10.",
        "1000/xyz",
        "aclanthology.org/2024.acl-long.1",
        "openreview.net/forum?id=abc",
        "semanticscholar.org/paper/",
        "0123456789abcdef0123456789abcdef01234567",
        "hep-th/9901001",
        "\n",
        " ",
      ),
      fc.string({ maxLength: 6 }),
    );
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, text, text, fc.option(text), (title, summary, body, url) => {
        const source = { title, summary, url };
        expect(paperIds(source, body)).toEqual(everyPattern(source, body));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("titleKey", () => {
  it("folds a title as replacing every run of non-letters and non-digits with one space does", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        " ",
        "  ",
        "-",
        ":",
        "・",
        "ー",
        "ゞ",
        "゛",
        "、",
        "。",
        "（",
        "Ａ",
        "ｶ",
        "𠮷",
        "é",
        "ß",
        "Ⅻ",
        "①",
      ),
      fc.constantFrom(
        "Attention",
        "is",
        "all",
        "LLM",
        "2024",
        "の",
        "話",
        "トランスフォーマー",
        "機械学習",
        "\u9fa5",
        "\u9fa6",
      ),
      fc.string({ maxLength: 4, unit: "grapheme" }),
    );
    const title = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(title, (text) => {
        expect(titleKey(text)).toBe(
          foldKey(text)
            .replace(/[^\p{L}\p{N}]+/gu, " ")
            .trim(),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
