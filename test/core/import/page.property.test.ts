import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPage } from "../../../src/core/import/page";
import { parseNote } from "../../../src/core/note/parser";

const dir = join(__dirname, "..", "..", "fixtures", "notion-export");
const pages = readdirSync(dir)
  .filter((n) => n.endsWith(".txt"))
  .map((n) => readFileSync(join(dir, n), "utf8"));
const pieces = [
  "@Alice",
  "@b (Bob)",
  "[blog] T",
  "［論文］P",
  "- bullet",
  "  • deep",
  "メインTOPIC: M",
  "今週のTOPIC",
  "plain text",
  "",
  "#tag",
  "[shima] x",
  "```",
  "> q",
];

const page = fc
  .tuple(fc.constantFrom(...pages), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...pieces)), { maxLength: 12 }))
  .map(([text, edits]) => {
    const lines = text.split("\n");
    for (const [at, line] of edits) lines.splice(at % (lines.length + 1), 0, line);
    return lines.join("\n");
  });

// The main topic goes after the week's topics in the note written; otherwise nothing moves.
const shape = (text: string): string[] =>
  parseNote(text, { path: "x.md" })
    .topics.map((t) => JSON.stringify([t.presenter, t.kind, t.title, t.url, t.main, [...t.tags].sort()]))
    .sort();

describe("import", () => {
  it("keeps every topic of a page: same presenters, kinds, titles, links, tags and main flag", () => {
    fc.assert(
      fc.property(page, (text) => {
        const result = importPage(text, "x.txt");
        if (!result.ok) {
          expect(parseNote(text).topics).toHaveLength(0);
          return;
        }
        expect(shape(result.value.text)).toEqual(shape(text));
      }),
      { numRuns: 300 },
    );
  });
});
