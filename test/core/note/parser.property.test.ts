import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listMarkerLength } from "../../../src/core/note/grammar";
import { parseNote } from "../../../src/core/note/parser";
import { collapseWhitespace } from "../../../src/core/text";

const dir = join(__dirname, "..", "..", "fixtures", "notion-export");
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => readFileSync(join(dir, name), "utf8"));

// Lines that exercise the grammar's corners, spliced into notes at random.
const grammarLines = [
  "今週のTOPIC",
  "メインTOPIC",
  "メインTOPIC: x",
  "## Main topic：Y",
  "@Alice",
  "＠Bob / b",
  "@c (Carol)",
  "@",
  "[blog] T",
  "［論文］T",
  "[",
  "]",
  "[[",
  "[x](",
  "- [shima] c",
  "  • x",
  "```",
  "~~~",
  "---",
  "#tag",
  "# ",
  "###### @Z",
  "",
  "\r",
  "\uFEFF",
  "\u0000",
  "１２３",
  "2024-02-29",
  "https://a.b/c",
  "[]",
  "[ ]",
  "> quote",
  "|a|b|",
  "\t@T",
  "[blog]",
];

const mutatedNote = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...grammarLines), fc.string()), fc.boolean()), {
      maxLength: 20,
    }),
  )
  .map(([text, edits]) => {
    const lines = text.split("\n");
    for (const [at, line, replace] of edits) {
      const i = at % (lines.length + 1);
      if (replace) lines[i] = line;
      else lines.splice(i, 0, line);
    }
    return lines.join("\n");
  });

const grammarSoup = fc
  .array(fc.oneof(fc.constantFrom(...grammarLines), fc.string({ maxLength: 12 })), { maxLength: 40 })
  .map((lines) => lines.join("\n"));

function checkInvariants(text: string): void {
  const first = parseNote(text, { path: "Sessions/2024-09-05 x.md" });
  const second = parseNote(text, { path: "Sessions/2024-09-05 x.md" });
  expect(second).toEqual(first);
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  let previousEnd = -1;
  for (const topic of first.topics) {
    const titleLine = (lines[topic.line] ?? "").trim();
    expect(titleLine).not.toBe("");
    expect(listMarkerLength(titleLine.replace(/^#+\s+/, ""))).toBe(0);
    expect(topic.line).toBeGreaterThan(previousEnd);
    expect(topic.endLine).toBeGreaterThanOrEqual(topic.line);
    expect(topic.summary.length).toBeLessThanOrEqual(200);
    // The title is the line's own text unless the line holds a link the title was read out of.
    if (
      !titleLine.includes("[") &&
      !titleLine.includes("http") &&
      !titleLine.includes("*") &&
      !titleLine.includes("_")
    ) {
      expect(collapseWhitespace(titleLine)).toContain(topic.title);
    }
    previousEnd = topic.endLine;
  }
}

// Hundreds of generated notes a test: on a loaded machine that can pass vitest's 5 s default, which
// is no claim about speed here (speed is the bench's, SPEC §6).
describe("parser properties", { timeout: 60_000 }, () => {
  it("never throws and is deterministic on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => checkInvariants(text)),
      { numRuns: 500 },
    );
  });

  it("never throws and keeps its invariants on mutated real notes", () => {
    fc.assert(
      fc.property(mutatedNote, (text) => checkInvariants(text)),
      { numRuns: 200 },
    );
  });

  it("keeps its invariants on notes made of grammar fragments", () => {
    fc.assert(
      fc.property(grammarSoup, (text) => checkInvariants(text)),
      { numRuns: 1000 },
    );
  });

  it("gives the same parse for LF and CRLF line endings", () => {
    fc.assert(
      fc.property(fc.oneof(mutatedNote, grammarSoup), (text) => {
        const lf = text.replace(/\r/g, "");
        expect(parseNote(lf.replace(/\n/g, "\r\n"), { path: "a.md" })).toEqual(parseNote(lf, { path: "a.md" }));
      }),
      { numRuns: 300 },
    );
  });

  it("accepts non-strings from careless callers without throwing", () => {
    expect(parseNote(undefined as unknown as string).topics).toEqual([]);
  });
});
