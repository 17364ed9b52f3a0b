import { describe, expect, it } from "vitest";
import type { Topic } from "../../../src/core/note/model";
import { parseNote } from "../../../src/core/note/parser";
import { note } from "../../helpers";

interface Row {
  name: string;
  note: string;
  path?: string;
  topics: Array<Partial<Topic>>;
  warnings?: string[];
}

// One small note per rule of SPEC §2. These rows double as the grammar examples in the README.
const rows: Row[] = [
  {
    name: "heading form, as the plugin's templates write it",
    note: note`
      ## 今週のTOPIC
      ### @Naoto Shimakoshi
      #### [blog] AutoMLOpsを使って機械学習CI/CDパイプラインを組んでみた
      - automlopsというGoogleのOSS
      ### @Shun Ito
      #### [論文] Can we trust bounding box annotations for object detection?
      - CVPR2022
      ## メインTOPIC
      ### @Yuya Matsumura
      #### [論文] VerifiNER
      ##### 概要
      - 外部知識で NER の誤りを検証する
    `,
    topics: [
      {
        line: 2,
        endLine: 3,
        presenter: "Naoto Shimakoshi",
        kind: "blog",
        title: "AutoMLOpsを使って機械学習CI/CDパイプラインを組んでみた",
        main: false,
      },
      { line: 5, endLine: 6, presenter: "Shun Ito", kind: "paper", kindLabel: "論文", summary: "CVPR2022" },
      {
        line: 9,
        presenter: "Yuya Matsumura",
        kind: "paper",
        title: "VerifiNER",
        main: true,
        summary: "外部知識で NER の誤りを検証する",
      },
    ],
  },
  {
    name: "English markers and a main topic titled on its marker line",
    note: note`
      # 2024-09-05 ML study group
      ## This week's topics
      @Alice
      [blog] Scaling laws revisited
      - notes
      Main topic: Attention Is All You Need
      Summary
      - the transformer
    `,
    topics: [
      { line: 3, presenter: "Alice", kind: "blog", title: "Scaling laws revisited" },
      {
        line: 5,
        presenter: null,
        kind: null,
        title: "Attention Is All You Need",
        main: true,
        summary: "the transformer",
      },
    ],
  },
  {
    name: "full-width ＠ ［］ （） and ：",
    note: note`
      今週のTOPIC
      ＠qluto（Ryosuke Fukazawa）
      ［論文］DocLLM
      - layout-aware
      メインTOPIC：VerifiNER
    `,
    topics: [
      { line: 2, presenter: "Ryosuke Fukazawa", kind: "paper", kindLabel: "論文", title: "DocLLM" },
      { line: 4, presenter: null, title: "VerifiNER", main: true },
    ],
  },
  {
    name: "a Markdown link title gives title and url",
    note: note`
      今週のTOPIC
      @Alice
      [blog] [Looker Studioの魅力](https://example.com/looker) (2024)
    `,
    topics: [{ title: "Looker Studioの魅力 (2024)", url: "https://example.com/looker" }],
  },
  {
    name: "a wiki link title gives title and target",
    note: note`
      今週のTOPIC
      @Alice
      [論文] [[Papers/DocLLM|DocLLM paper]]
    `,
    topics: [{ title: "DocLLM paper", url: "Papers/DocLLM", kind: "paper" }],
  },
  {
    name: "a bare URL on the title line or in the first three body lines",
    note: note`
      今週のTOPIC
      @Alice
      [blog] Maestro https://netflixtechblog.com/maestro
      @Bob
      [repo] 101 FastAPI Tips
      - a repository of tips
      - https://github.com/Kludex/fastapi-tips.
      @Carol
      [blog] Late link
      - one
      - two
      - three
      - https://example.com/too-late
    `,
    topics: [
      { title: "Maestro", url: "https://netflixtechblog.com/maestro" },
      { title: "101 FastAPI Tips", url: "https://github.com/Kludex/fastapi-tips", summary: "a repository of tips" },
      { title: "Late link", url: null },
    ],
  },
  {
    name: "the body after the summary: tags on any line, a URL up to the third line, the last line with text",
    note: note`
      今週のTOPIC
      @Alice
      [blog] Quiet body
      - the summary

      - more #rag text
      - see https://example.com/third and #検索

      - https://example.com/fourth #late
      plain text, its tag at the end #mlops

      @Bob
      [blog] Upper case
      - its summary
      - HTTP://EXAMPLE.COM/upper alone
      - HTTP://EXAMPLE.COM/tagged #x
    `,
    topics: [
      {
        title: "Quiet body",
        url: "https://example.com/third",
        summary: "the summary",
        tags: ["rag", "検索", "late", "mlops"],
        line: 2,
        endLine: 9,
      },
      { title: "Upper case", url: "HTTP://EXAMPLE.COM/tagged", tags: ["x"], line: 12, endLine: 15 },
    ],
  },
  {
    name: "#tags in the body and on the title line",
    note: note`
      今週のTOPIC
      @Alice
      [blog] RAG in production #RAG
      - retrieval #検索 and #mlops, not #1 nor https://x.com/#anchor
    `,
    topics: [{ title: "RAG in production", tags: ["RAG", "検索", "mlops"] }],
  },
  {
    name: "two topics for one presenter; body paragraphs stay body",
    note: note`
      今週のTOPIC
      @Alice
      [blog] First
      概要
      A paragraph about it.
      [論文]Second
      - more
    `,
    topics: [
      { line: 2, endLine: 4, presenter: "Alice", title: "First" },
      { line: 5, presenter: "Alice", kind: "paper", title: "Second" },
    ],
  },
  {
    name: "an untagged topic is the first non-list line after the presenter",
    note: note`
      今週のTOPIC
      @Tomoaki Kitaoka
      GitHub Copilot Workspace: Welcome to the Copilot-native developer environment
      - github上でタスクを起点に
    `,
    topics: [
      {
        line: 2,
        kind: null,
        kindLabel: null,
        title: "GitHub Copilot Workspace: Welcome to the Copilot-native developer environment",
      },
    ],
  },
  {
    name: "a presenter with no topic is a warning",
    note: note`
      今週のTOPIC
      @Alice
      @Bob
      [blog] Something
    `,
    topics: [{ line: 3, presenter: "Bob" }],
    warnings: ["presenter-without-topic"],
  },
  {
    name: "[name] at the start of a bullet is a comment, never a topic",
    note: note`
      今週のTOPIC
      @Naoto Shimakoshi
      [blog] AutoMLOps
        • automlopsというGoogleのOSS
          • [shima] コンテナ実行したい
      - [論文] this is a comment too, not a topic
    `,
    topics: [{ line: 2, endLine: 5, title: "AutoMLOps" }],
  },
  {
    name: "fenced code holds no presenters, tags or markers",
    note: note`
      今週のTOPIC
      @Alice
      [blog] Real
      \`\`\`md
      @Mallory
      [blog] Fake
      メインTOPIC: Fake #tag
      \`\`\`
      ~~~
      [論文] Also fake
      ~~~
    `,
    topics: [{ line: 2, endLine: 10, title: "Real", tags: [] }],
  },
  {
    name: "frontmatter is not body, and a second --- block in the body is body",
    note: note`
      ---
      date: 2024-09-05
      topics: "[blog] not a topic"
      ---
      今週のTOPIC
      @Alice
      [blog] Real
      ---
      @ not-a-presenter-line-inside: http://x
      ---
      - still Alice's body
    `,
    topics: [{ line: 6, endLine: 10, title: "Real" }],
  },
  {
    name: "Notion's run-together table of contents is not a marker and yields nothing",
    note: note`
      2024-07-24 機械学習勉強会
      今週のTOPIC[blog] Looker Studioの魅力[blog] LangSmith
      メインTOPICVerifiNER
      @Alice
      [blog] Looker Studioの魅力
    `,
    topics: [{ line: 4, title: "Looker Studioの魅力" }],
  },
  {
    name: "lines that mention tags without starting with one are not topics",
    note: note`
      今週のTOPIC
      ※ [論文] [blog] などのタグをつけてください
      @Alice
      [blog] Real
      ※ [論文] [blog] など
    `,
    topics: [{ line: 3, title: "Real", endLine: 4 }],
  },
  {
    name: "lines before the first marker or presenter are never topics",
    note: note`
      [blog] Not a topic
      Some intro
      @Alice
      [blog] Real
    `,
    topics: [{ line: 3, title: "Real" }],
  },
  {
    name: "CRLF line endings and a BOM",
    note: "\uFEFF2024-05-02 機械学習勉強会\r\n今週のTOPIC\r\n@Alice\r\n[論文] Learning Loss for Active Learning\r\n- CVPR2019\r\n",
    topics: [{ line: 3, endLine: 4, title: "Learning Loss for Active Learning", summary: "CVPR2019" }],
  },
  {
    name: "unknown kind tags are kept lowercased and warned about",
    note: note`
      今週のTOPIC
      @Alice
      [Podcast] Lex Fridman #123
      [ＯＳＳ] Cleanlab
      [GitHub] repo
    `,
    topics: [
      { kind: "podcast", kindLabel: "Podcast", title: "Lex Fridman #123" },
      { kind: "library", kindLabel: "ＯＳＳ" },
      { kind: "repo" },
    ],
    warnings: ["unknown-kind"],
  },
  {
    name: "the main topic's presenter may follow its title; later @ lines start presenter blocks",
    note: note`
      メインTOPIC
      [論文] VerifiNER
      @Shima
      概要
      - verify
      @Bob
      [blog] After
    `,
    topics: [
      { line: 1, presenter: "Shima", main: true, endLine: 4 },
      { line: 6, presenter: "Bob", main: false },
    ],
  },
  {
    name: "a heading no deeper than the section's ends it",
    note: note`
      ## 今週のTOPIC
      ### @Alice
      #### [blog] Real
      - body
      ## 次回
      次回の候補
    `,
    topics: [{ line: 2, endLine: 3 }],
  },
];

describe("note grammar (SPEC §2)", () => {
  for (const row of rows) {
    it(row.name, () => {
      const parsed = parseNote(row.note, { path: row.path ?? "Sessions/2024-09-05.md" });
      expect(parsed.topics).toHaveLength(row.topics.length);
      row.topics.forEach((want, i) => expect(parsed.topics[i]).toMatchObject(want));
      expect([...new Set(parsed.warnings.map((w) => w.code))]).toEqual(row.warnings ?? []);
    });
  }
});

describe("date and series", () => {
  const cases: Array<{ name: string; path: string; text: string; date: string | null; series: string | null }> = [
    {
      name: "frontmatter wins",
      path: "2024-01-01 x.md",
      text: "---\ndate: 2024-08-29\n---\n2024-05-02 機械学習勉強会",
      date: "2024-08-29",
      series: "機械学習勉強会",
    },
    {
      name: "then the file name",
      path: "Sessions/2024-07-24 ML会.md",
      text: "今週のTOPIC",
      date: "2024-07-24",
      series: "ML会",
    },
    {
      name: "then the first line",
      path: "untitled.md",
      text: "\n# 2024/8/29 機械学習勉強会\n今週のTOPIC",
      date: "2024-08-29",
      series: "機械学習勉強会",
    },
    {
      name: "Japanese date form",
      path: "x.md",
      text: "2024年8月29日 機械学習勉強会",
      date: "2024-08-29",
      series: "機械学習勉強会",
    },
    {
      name: "full-width digits",
      path: "x.md",
      text: "２０２４年８月２９日 勉強会",
      date: "2024-08-29",
      series: "勉強会",
    },
    { name: "an impossible date is no date", path: "2024-02-30.md", text: "nothing", date: null, series: null },
    { name: "leap day", path: "2024-02-29.md", text: "", date: "2024-02-29", series: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseNote(c.text, { path: c.path });
      expect(parsed.date).toBe(c.date);
      expect(parsed.series).toBe(c.series);
    });
  }
});

describe("presenters", () => {
  it("reads `Name / alias` and `alias (Name)` as one person", () => {
    const parsed = parseNote(note`
      今週のTOPIC
      @Ryosuke Fukazawa / qluto
      [blog] A
      @qluto (Ryosuke Fukazawa)
      [blog] B
    `);
    expect(parsed.presenters).toEqual([{ name: "Ryosuke Fukazawa", aliases: ["qluto"] }]);
    expect(parsed.topics.map((t) => t.presenter)).toEqual(["Ryosuke Fukazawa", "Ryosuke Fukazawa"]);
  });
});

describe("user kind aliases", () => {
  it("map a tag to a kind id", () => {
    const parsed = parseNote("今週のTOPIC\n@A\n[輪読] Deep Learning book", { kindAliases: { 輪読: "book" } });
    expect(parsed.topics[0]).toMatchObject({ kind: "book", kindLabel: "輪読" });
    expect(parsed.warnings).toEqual([]);
  });
});

describe("text helpers", () => {
  it("truncate counts code points and never splits a pair", async () => {
    const { truncate } = await import("../../../src/core/text");
    expect(truncate("abc", 5)).toBe("abc");
    expect(truncate("😀😀😀", 2)).toBe("😀😀");
    expect(truncate("a😀b", 2)).toBe("a😀");
  });
});

describe("the main topic's presenter", () => {
  it("is the one @ line directly under it; the next @ line starts a presenter block", () => {
    const parsed = parseNote("メインTOPIC: M\n@Alice\n@Yuya\n[blog] After\n");
    expect(parsed.topics.map((t) => [t.title, t.presenter, t.main])).toEqual([
      ["M", "Alice", true],
      ["After", "Yuya", false],
    ]);
  });
});

describe("line breaks", () => {
  it("reads old-Mac text with lone CRs as lines", () => {
    expect(parseNote("今週のTOPIC\r@A\r[blog] T\r- body\r").topics).toMatchObject([
      { title: "T", line: 2, endLine: 3 },
    ]);
  });
});
