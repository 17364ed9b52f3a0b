import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { syncFrontmatter } from "../../../src/core/properties/frontmatter";
import { parseNote } from "../../../src/core/note/parser";
import { note } from "../../helpers";

const SESSION = note`
  今週のTOPIC
  @Naoto Shimakoshi
  [blog] AutoMLOpsを使って機械学習CI/CDパイプラインを組んでみた
  - https://example.com/automlops #mlops
  @qluto (Ryosuke Fukazawa)
  [論文] DocLLM: "quoted" & colon: yes
  メインTOPIC: VerifiNER
`;

function sync(text: string, path = "Sessions/2024-08-29 機械学習勉強会.md") {
  return syncFrontmatter(text, parseNote(text, { path }));
}

function synced(text: string, path?: string): string {
  const result = sync(text, path);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value.text;
}

/** The body: everything after the frontmatter's closing line. */
function bodyOf(text: string): string {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text.replace(/^\uFEFF/, "");
}

interface Case {
  name: string;
  before: string;
}

const cases: Case[] = [
  { name: "no-frontmatter", before: SESSION },
  {
    name: "comments-and-quoting",
    before: `---\n# my header comment\ntitle: 'Week 35'   # inline comment\nrating: "5"\naliases:\n  - w35 # first\n---\n${SESSION}`,
  },
  {
    name: "unusual-key-order",
    before: `---\ntopics: []\nzeta: 1\npresenters: [Someone Else]\nalpha: true\n---\n${SESSION}`,
  },
  {
    name: "lists-and-nesting",
    before: `---\ntags:\n  - study\n  - ml\nmeta: {a: 1, b: [x, y]}\ncssclasses: [wide]\n---\n${SESSION}`,
  },
  { name: "crlf-and-bom", before: `\uFEFF---\r\nauthor: me\r\n---\r\n${SESSION.replace(/\n/g, "\r\n")}\r\n` },
  { name: "empty-body", before: "---\ndate: 2024-08-29\n---\n" },
  { name: "body-with-rules", before: `---\nstatus: draft\n---\n${SESSION}\n---\nnot: frontmatter\n---\n` },
  { name: "japanese-keys", before: `---\n担当: 島越\nメモ: "次回は RAG"\n---\n${SESSION}` },
  {
    name: "user-type-and-extra-entry-keys",
    before: `---\ntype: meeting\ntopics:\n  - title: VerifiNER\n    kind: null\n    presenter: null\n    main: true\n    rating: 5\n---\n${SESSION}`,
  },
  {
    name: "blank-lines-between-keys",
    before: `---\nfoo: 1\n\npresenters: [Old]\n\n# kept comment\nbar: 2\n---\n${SESSION}`,
  },
];

describe("syncFrontmatter: before/after snapshots", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const after = synced(c.before);
      await expect(after).toMatchFileSnapshot(`__snapshots__/sync/${c.name}.md`);
      expect(bodyOf(after)).toBe(bodyOf(c.before));
      expect(after.startsWith("\uFEFF")).toBe(c.before.startsWith("\uFEFF"));
      if (c.before.includes("\r\n")) expect(after.replace(/\r\n/g, "")).not.toMatch(/\n/);
      const again = sync(after);
      expect(again).toEqual({ ok: true, value: { text: after, changed: false } });
    });
  }
});

describe("syncFrontmatter: what it writes", () => {
  it("writes SPEC §4 entries", () => {
    const fm = parseYaml(synced(SESSION).split("---\n")[1] ?? "") as Record<string, unknown>;
    expect(fm).toEqual({
      type: "study-session",
      date: "2024-08-29",
      presenters: ["Naoto Shimakoshi", "Ryosuke Fukazawa"],
      topics: [
        {
          title: "AutoMLOpsを使って機械学習CI/CDパイプラインを組んでみた",
          kind: "blog",
          presenter: "Naoto Shimakoshi",
          url: "https://example.com/automlops",
          tags: ["mlops"],
        },
        { title: 'DocLLM: "quoted" & colon: yes', kind: "paper", presenter: "Ryosuke Fukazawa" },
        { title: "VerifiNER", kind: null, presenter: null, main: true },
      ],
    });
  });

  it("leaves a user's type and date alone and keeps extra keys on entries", () => {
    const after = synced(cases.find((c) => c.name === "user-type-and-extra-entry-keys")?.before ?? "");
    const fm = parseYaml(after.split("---\n")[1] ?? "") as {
      type: string;
      date?: string;
      topics: Array<Record<string, unknown>>;
    };
    expect(fm.type).toBe("meeting");
    expect(fm.topics.find((t) => t.title === "VerifiNER")).toMatchObject({ rating: 5, main: true });
  });

  it("does not touch a note whose entries are already right, however they are quoted", () => {
    const text = `---\ntype: study-session\ndate: "2024-08-29"\npresenters:\n  - "Alice"\ntopics:\n  - {title: 'A', kind: blog, presenter: Alice}\n---\n今週のTOPIC\n@Alice\n[blog] A\n`;
    expect(sync(text)).toEqual({ ok: true, value: { text, changed: false } });
  });

  it("rewrites only the plugin's keys when a topic changes", () => {
    const first = synced(`---\nkeep: "this"  # and this\n---\n今週のTOPIC\n@Alice\n[blog] A\n`);
    const edited = first.replace("[blog] A", "[blog] B");
    const second = synced(edited);
    expect(second).toContain('keep: "this"  # and this\n');
    expect(second).toContain('- title: "B"');
    expect(second).not.toContain('"A"');
  });
});

describe("syncFrontmatter: bad input is refused with the line, never guessed", () => {
  const bad: Array<{ name: string; text: string; line: number }> = [
    { name: "unclosed flow list", text: "---\nok: 1\ntags: [a, b\nx: 2\n---\n@A\n[blog] t\n", line: 3 },
    { name: "duplicate key", text: "---\na: 1\na: 2\n---\n@A\n[blog] t\n", line: 2 },
    { name: "bad indentation", text: "---\na:\n  - x\n - y\n---\n@A\n[blog] t\n", line: 3 },
    { name: "frontmatter never closed", text: "---\na: 1\n@A\n[blog] t\n", line: 0 },
    { name: "not a mapping", text: "---\n- a\n- b\n---\n@A\n[blog] t\n", line: 1 },
  ];
  for (const b of bad) {
    it(b.name, () => {
      const result = sync(b.text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem.line).toBe(b.line);
      expect(result.problem.message).not.toBe("");
    });
  }
});
