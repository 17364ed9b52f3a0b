import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { planExport, type ExportPlan } from "../../../src/core/import/export";
import { rewriteLinks } from "../../../src/core/import/export-links";
import { unpackExport } from "../../../src/core/import/zip";
import { parseNote } from "../../../src/core/note/parser";
import { parseHtml } from "../../../src/cli/html";
import { IMAGE, FIXTURES, ROWS, buildExport, zipOf } from "./notion-export";

interface Expected {
  date: string;
  topics: Array<{ presenter: string[] | null; kind: Array<string | null>; title: string; main: boolean }>;
  ambiguous: Array<{ title: string }>;
}

function plan(variant: "markdown" | "html", nested: boolean): ExportPlan {
  const files = unpackExport(buildExport({ variant, nested }));
  if (!files.ok) throw new Error(files.problem.message);
  const result = planExport(files.value, {
    fileNamePattern: "{{date}} {{series}}",
    attachmentFolder: "attachments",
    parseHtml,
  });
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

function frontmatter(text: string): Record<string, unknown> {
  const end = text.indexOf("\n---\n", 4);
  return parseYaml(text.slice(4, end)) as Record<string, unknown>;
}

const SHAPES = [
  { variant: "markdown", nested: true },
  { variant: "markdown", nested: false },
  { variant: "html", nested: true },
  { variant: "html", nested: false },
] as const;

describe.each(SHAPES)("a Notion export ($variant, nested: $nested)", ({ variant, nested }) => {
  const result = plan(variant, nested);

  it("gives one session note per session page, named like new ones, and the other page by its title", () => {
    expect(result.notes.map((n) => [n.name, n.session]).sort()).toEqual([
      ["2024-05-02 機械学習勉強会.md", true],
      ["2024-07-24 機械学習勉強会.md", true],
      ["2024-08-29 機械学習勉強会.md", true],
      ["機械学習勉強会.md", false],
    ]);
    expect(result.skipped).toEqual([]);
  });

  it.each(ROWS)("$fixture parses to the fixture's expected topics", (row) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${row.fixture}.expected.json`), "utf8")) as Expected;
    const note = result.notes.find((n) => n.id === row.id);
    expect(note).toBeDefined();
    const parsed = parseNote(note?.text ?? "", { path: note?.name ?? "" });
    expect(parsed.date).toBe(expected.date);
    const ambiguous = new Set(expected.ambiguous.map((a) => a.title));
    const topics = parsed.topics.filter((t) => !ambiguous.has(t.title));
    expect(topics.map((t) => t.title)).toEqual(expected.topics.map((t) => t.title));
    expected.topics.forEach((want, i) => {
      const got = topics[i];
      expect(got?.main).toBe(want.main);
      expect(want.kind).toContain(got?.kind);
      if (want.presenter === null) expect(got?.presenter).toBeNull();
      else expect(want.presenter).toContain(got?.presenter);
    });
  });

  it("writes the database properties as frontmatter: the date property as date, lists as lists", () => {
    const note = result.notes.find((n) => n.id === ROWS[1]?.id);
    const data = frontmatter(note?.text ?? "");
    expect(data).toMatchObject({
      type: "study-session",
      date: "2024-07-24",
      タグ: ["LLM"],
      参加者: ["Naoto Shimakoshi"],
      "notion-id": ROWS[1]?.id,
    });
    expect(data).not.toHaveProperty("日付");
    expect(note?.text).toContain("# 機械学習勉強会 / 7月第4週");
  });

  it("is already synced: topics and presenters are in the properties", () => {
    for (const note of result.notes.filter((n) => n.session)) {
      const data = frontmatter(note.text);
      const parsed = parseNote(note.text, { path: note.name });
      expect((data.topics as unknown[]).length).toBe(parsed.topics.length);
    }
  });

  it("copies the image and embeds it; links between pages become wiki links", () => {
    expect(result.attachments.map((a) => [a.name, a.bytes])).toEqual([["image.png", IMAGE]]);
    const first = result.notes.find((n) => n.id === ROWS[0]?.id)?.text ?? "";
    expect(first).toContain("![[attachments/image.png]]");
    expect(first).toContain("前回: [[2024-07-24 機械学習勉強会|機械学習勉強会 / 7月第4週]]");
    expect(first).toMatch(/^> \[!note\]\n> .*発表は1人10分まで/m);
    const root = result.notes.find((n) => !n.session)?.text ?? "";
    expect(root).toContain("[[2024-08-29 機械学習勉強会]]");
    expect(root).toContain("```python\nprint('hello')\n```");
  });
});

describe("the two variants", () => {
  it("give the same session notes but for the callout's icon", () => {
    const md = plan("markdown", true);
    const html = plan("html", true);
    for (const note of md.notes.filter((n) => n.session)) {
      const other = html.notes.find((n) => n.id === note.id);
      expect(other?.text.replace(/💡 /g, "")).toBe(note.text.replace(/💡 /g, ""));
    }
  });
});

describe("what is not a Notion export", () => {
  it.each([
    ["Markdown files with no Notion ids", { "notes/a.md": "# A\n", "b.md": "# B\n" }],
    ["no pages at all", { "photo.jpg": IMAGE, "data.csv": "a,b\n" }],
  ])("%s", (_, files) => {
    const unpacked = unpackExport(zipOf(files));
    expect(unpacked.ok).toBe(true);
    if (!unpacked.ok) return;
    const result = planExport(unpacked.value, { fileNamePattern: "", attachmentFolder: "" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toContain("not a Notion export");
  });
});

describe("names and links", () => {
  const page = (title: string, id: string, body = ""): [string, string] => [
    `${title} ${id}.md`,
    `# ${title}\n\n${body}`,
  ];
  const hex = (n: number): string => n.toString(16).padStart(32, "0");

  it("makes colliding, long and control-character titles safe and unique", () => {
    const files = Object.fromEntries([
      page("Meeting", hex(1)),
      page("Meeting", hex(2)),
      page("meeting", hex(3)),
      page("a\u202egpj.md\u0007", hex(4)),
      page("長".repeat(300), hex(5)),
      page("2024-01-01 週次", hex(6), "## 今週のTOPIC\n\n@A\n\n[blog] One\n"),
      page("2024-01-01 週次", hex(7), "## 今週のTOPIC\n\n@B\n\n[blog] Two\n"),
      page("No date", hex(8), "## 今週のTOPIC\n\n@C\n\n[blog] Three\n"),
      page("No date", hex(9), "## 今週のTOPIC\n\n@D\n\n[blog] Four\n"),
    ]);
    const unpacked = unpackExport(zipOf(files));
    if (!unpacked.ok) throw new Error(unpacked.problem.message);
    const result = planExport(unpacked.value, { fileNamePattern: "{{date}} {{series}}", attachmentFolder: "" });
    if (!result.ok) throw new Error(result.problem.message);
    const names = result.value.notes.map((n) => n.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        "Meeting.md",
        "Meeting-2.md",
        "meeting-3.md",
        "agpj.md.md",
        "2024-01-01 週次.md",
        "2024-01-01 週次-2.md",
      ]),
    );
    for (const name of names) {
      expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(210);
      // eslint-disable-next-line no-control-regex -- the point of the test
      expect(name).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
    }
  });

  it("rewrites relative links, leaves web links and broken ones, and handles brackets in link text", () => {
    const seen: string[] = [];
    const out = rewriteLinks(
      "[[blog] A](a%20b.md) [x](https://e.com/a) ![i](p/i.png) [y](q.md",
      (href, text, embed) => {
        seen.push(`${href}|${text}|${embed}`);
        return `<${text}>`;
      },
    );
    expect(out).toBe("<[blog] A> [x](https://e.com/a) <i> [y](q.md");
    expect(seen).toEqual(["a%20b.md|[blog] A|false", "p/i.png|i|true"]);
  });
});

describe("pages as a user's export has them", () => {
  const A = "11112222333344445555666677778888";
  const B = "aaaabbbbccccddddeeeeffff00001111";
  const html = (title: string, body: string): string =>
    `<html><head><title>${title}</title></head><body><article class="page sans"><header><h1 class="page-title">${title}</h1></header><div class="page-body">${body}</div></article></body></html>`;

  function planned(files: Record<string, string>): ExportPlan {
    const unpacked = unpackExport(zipOf(files));
    if (!unpacked.ok) throw new Error(unpacked.problem.message);
    const result = planExport(unpacked.value, {
      fileNamePattern: "{{date}} {{series}}",
      attachmentFolder: "",
      parseHtml,
    });
    if (!result.ok) throw new Error(result.problem.message);
    return result.value;
  }

  it("puts a blank line between a list and the toggle after it (a callout of its own)", () => {
    const plan = planned({
      [`Week ${A}.html`]: html(
        "Week",
        `<ul class="bulleted-list"><li style="list-style-type:disc">a point</li></ul><ul class="toggle"><li><details open=""><summary>Details</summary><p>folded text</p></details></li></ul>`,
      ),
    });
    expect(plan.notes[0]?.text).toContain("- a point\n\n> [!note]- Details\n> folded text\n");
  });

  it("escapes a wiki link's alias bar inside a table row, and joins a multi-select cell's values", () => {
    const plan = planned({
      [`DB ${A}.html`]: html(
        "DB",
        `<table class="collection-content"><thead><tr><th>Name</th><th>Tags</th></tr></thead><tbody><tr><td class="cell-title"><a href="DB%20${A}/Other%20page%20${B}.html">Other page, renamed</a></td><td><span class="selected-value">LLM</span><span class="selected-value">RAG</span></td></tr></tbody></table><p>[Outside](DB%20${A}/Other%20page%20${B}.html) | not a table</p>`,
      ),
      [`DB ${A}/Other page ${B}.html`]: html("Other page", "<p>text</p>"),
    });
    const db = plan.notes.find((n) => n.name === "DB.md")?.text ?? "";
    expect(db).toContain("| [[Other page\\|Other page, renamed]] | LLM, RAG |");
    expect(db).not.toContain("[[Other page\\|Outside]]");
  });

  it("keeps a Notion property whose name differs from the plugin's keys only in case under its own key", () => {
    const plan = planned({
      [`Sessions ${A}.csv`]: '\uFEFFName,Date,Presenters,Topics\r\nWeek,"May 2, 2024","Ann, Bob",x\r\n',
      [`Sessions ${A}/Week ${B}.md`]:
        "# Week\n\nDate: May 2, 2024\nPresenters: Ann, Bob\nTopics: x\n\n## Topics\n\n@Ann\n\n[blog] One\n",
    });
    const data = frontmatter(plan.notes[0]?.text ?? "");
    expect(data).toMatchObject({
      "Presenters (Notion)": ["Ann", "Bob"],
      "Topics (Notion)": "x",
      presenters: ["Ann"],
      date: "2024-05-02",
    });
    expect(Object.keys(data).filter((k) => k.toLowerCase() === "presenters")).toEqual(["presenters"]);
  });
});
