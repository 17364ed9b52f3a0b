import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { syncFrontmatter } from "../../../src/core/properties/frontmatter";
import { parseNote } from "../../../src/core/note/parser";
import { sessionFromParse, sessionFromProperties } from "../../../src/core/index/session-entry";
import { note } from "../../helpers";

const TEXT = note`
  2024-08-29 機械学習勉強会
  今週のTOPIC
  @qluto (Ryosuke Fukazawa)
  [論文] DocLLM https://arxiv.org/abs/2401.00908 #document-ai
  メインTOPIC: VerifiNER
`;

describe("sessionFromProperties", () => {
  it("reads back what sync wrote: the same topics as a parse, without lines", () => {
    const parsed = parseNote(TEXT, { path: "s.md" });
    const result = syncFrontmatter(TEXT, parsed);
    if (!result.ok) throw new Error(result.problem.message);
    const fm = parseYaml(result.value.text.split("---\n")[1] ?? "") as unknown;
    const fromProperties = sessionFromProperties("s.md", fm);
    const fromParse = sessionFromParse("s.md", parsed);
    expect(fromProperties?.date).toBe("2024-08-29");
    expect(fromProperties?.presenters).toEqual([{ name: "Ryosuke Fukazawa", aliases: [] }]);
    const strip = (t: {
      title: string;
      kind: string | null;
      presenter: string | null;
      url: string | null;
      tags: string[];
      main: boolean;
      file: string;
      date: string | null;
    }) => ({
      title: t.title,
      kind: t.kind,
      presenter: t.presenter,
      url: t.url,
      tags: t.tags,
      main: t.main,
      file: t.file,
      date: t.date,
    });
    expect(fromProperties?.topics.map(strip)).toEqual(fromParse.topics.map(strip));
    expect(fromProperties?.topics.every((t) => t.line === -1)).toBe(true);
  });

  it("is null for notes that are not synced session notes", () => {
    expect(sessionFromProperties("a.md", undefined)).toBeNull();
    expect(sessionFromProperties("a.md", { type: "meeting", topics: [] })).toBeNull();
    expect(sessionFromProperties("a.md", { type: "study-session" })).toBeNull();
  });

  it("tolerates whatever a user typed into the properties", () => {
    const session = sessionFromProperties("a.md", {
      type: "study-session",
      date: "2024-08-29T19:00",
      presenters: ["A", 3, null, ""],
      topics: [
        null,
        "x",
        { kind: "blog" },
        { title: "  " },
        { title: 42, tags: ["#x", 5, ""], main: "yes" },
        { title: "ok", tags: "notalist" },
      ],
    });
    expect(session?.date).toBe("2024-08-29");
    expect(session?.presenters).toEqual([{ name: "A", aliases: [] }]);
    expect(session?.topics.map((t) => [t.title, t.tags, t.main])).toEqual([
      ["42", ["x", "5"], false],
      ["ok", [], false],
    ]);
  });

  it.each([
    ["2024-08-29", "2024-08-29"],
    ["2024-08-29T19:00", "2024-08-29"],
    ["2024-08-29 (Thu)", "2024-08-29"],
    ["2024-8-29", null],
    ["2024/08/29", null],
    ["20240829xx", null],
    ["", null],
  ])("reads the date %j as %j", (date, expected) => {
    const session = sessionFromProperties("a.md", { type: "study-session", date, topics: [] });
    expect(session?.date).toBe(expected);
    expect(session?.topics).toEqual([]);
  });

  it.each([" ", "\t\n", "\u3000", " \u00a0\ufeff "])("skips a title or presenter of only whitespace (%j)", (blank) => {
    const session = sessionFromProperties("a.md", {
      type: "study-session",
      presenters: [blank, "B"],
      topics: [{ title: blank }, { title: `${blank}x` }],
    });
    expect(session?.presenters.map((p) => p.name)).toEqual(["B"]);
    expect(session?.topics.map((t) => t.title)).toEqual([`${blank}x`]);
  });

  it("keeps links only for presenters written as links, each note its own", () => {
    const plain = sessionFromProperties("a.md", { type: "study-session", presenters: ["Bob"], topics: [] });
    const linked = sessionFromProperties("b.md", {
      type: "study-session",
      presenters: ["[[People/Robert|Bob]]", "Carol"],
      topics: [],
    });
    expect(plain && "links" in plain).toBe(false);
    expect(linked?.links).toEqual([["Bob", "Robert"]]);
    expect(linked?.presenters).toEqual([
      { name: "Bob", aliases: [] },
      { name: "Carol", aliases: [] },
    ]);
    expect(plain?.presenters).toEqual([{ name: "Bob", aliases: [] }]);
  });
});
