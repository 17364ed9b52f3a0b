import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { readYaml, useYamlParser } from "../../../src/core/properties/yaml-parser";

/** The CLI's parser (and the test setup's); the in-memory Obsidian's `parseYaml` is `parse(text)`. */
const cli = (text: string): unknown => parse(text, { uniqueKeys: true, logLevel: "error" });
const obsidianMock = (text: string): unknown => parse(text);

afterEach(() => useYamlParser(cli));

describe("readYaml", () => {
  it("throws a programming error when no parser was set", async () => {
    vi.resetModules();
    const fresh = await import("../../../src/core/properties/yaml-parser");
    expect(() => fresh.readYaml("a: 1")).toThrow(/useYamlParser/);
  });

  for (const [name, parser] of [
    ["the CLI's yaml", cli],
    ["Obsidian's parseYaml (in-memory)", obsidianMock],
  ] as const) {
    it(`${name}: a duplicate key is an error on its 0-based line`, () => {
      useYamlParser(parser);
      const read = readYaml("a: 1\nb: 2\na: 3\n");
      expect(read).toMatchObject({ ok: false, line: 2 });
      if (!read.ok) expect(read.message).not.toContain("\n");
    });

    it(`${name}: reads a map, an empty text as null`, () => {
      useYamlParser(parser);
      expect(readYaml("a: [x, 1]\nb:\n")).toEqual({ ok: true, value: { a: ["x", 1], b: null } });
      expect(readYaml("")).toEqual({ ok: true, value: null });
      expect(readYaml("# only a comment\n")).toEqual({ ok: true, value: null });
    });
  }

  // Obsidian's parser is js-yaml: errors carry `mark.line` (0-based), timestamps are Dates.
  const jsYamlLike: Array<{ name: string; error: unknown; line: number | null }> = [
    {
      name: "mark.line is 0-based",
      error: Object.assign(new Error("duplicated mapping key (4:1)\n\n x"), { mark: { line: 3 } }),
      line: 3,
    },
    { name: "linePos is 1-based", error: Object.assign(new Error("bad"), { linePos: [{ line: 4, col: 1 }] }), line: 3 },
    { name: "no line", error: new Error("bad"), line: null },
    { name: "not an Error", error: "bad", line: null },
  ];
  for (const row of jsYamlLike) {
    it(`an error's line: ${row.name}`, () => {
      useYamlParser(() => {
        throw row.error;
      });
      const read = readYaml("x");
      expect(read).toMatchObject({ ok: false, line: row.line });
      if (!read.ok) expect(read.message).not.toMatch(/\n|^$/);
    });
  }

  it("gives js-yaml's timestamps as the yaml package reads them", () => {
    useYamlParser(() => ({
      date: new Date(Date.UTC(2024, 7, 29)),
      when: new Date(Date.UTC(2024, 7, 29, 8, 45)),
      list: [new Date(Date.UTC(2024, 0, 1)), { nested: new Date(Date.UTC(2024, 0, 2)) }],
    }));
    expect(readYaml("ignored")).toEqual({
      ok: true,
      value: {
        date: "2024-08-29",
        when: "2024-08-29T08:45:00.000Z",
        list: ["2024-01-01", { nested: "2024-01-02" }],
      },
    });
  });
});
