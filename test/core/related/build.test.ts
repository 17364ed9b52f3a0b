import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineStarts, SUMMARY_SECTIONS, topicBody } from "../../../src/core/related/build";

/**
 * The body as it was first defined: the note split into lines, the topic's lines after its title,
 * cut where another work's summary starts (its title up to three non-blank lines above its first
 * heading), joined with LF. The one-slice `topicBody` must give the same text.
 */
const MAX = Math.max(...[...SUMMARY_SECTIONS].map((s) => s.length)) + 24;

function oracle(text: string, topic: { line: number; endLine: number }): string {
  if (topic.line < 0) return "";
  const body = text.split(/\r?\n/).slice(topic.line + 1, topic.endLine + 1);
  for (let i = 4; i < body.length; i++) {
    const line = body[i] ?? "";
    if (line.trim().length > MAX) continue;
    const name = line
      .replace(/^\s*#{1,6}\s+/, "")
      .replace(/[:：]\s*$/, "")
      .trim()
      .normalize("NFKC")
      .toLowerCase();
    if (!SUMMARY_SECTIONS.has(name)) continue;
    let cut = i;
    let seen = 0;
    for (let j = i - 1; j >= 0 && seen < 3; j--) {
      const above = body[j] ?? "";
      if (above.trim() === "") continue;
      seen++;
      if (!/^\s*(?:[-*+•‣◦]|\d+[.)])\s/.test(above)) cut = j;
    }
    return (cut < 4 ? body : body.slice(0, cut)).join("\n");
  }
  return body.join("\n");
}

const line = fc.oneof(
  fc.constantFrom(
    "",
    "   ",
    "## 概要",
    "### Abstract:",
    "　概要：",
    "ＡＢＳＴＲＡＣＴ",
    "#概要",
    "####### 概要",
    "  results  ",
    "Proposed Method",
    "- a point",
    "1. first",
    "• bullet",
    "Another Paper: A Title",
    "Authors et al., 2024",
    "まとめ",
    "x".repeat(80),
    `${" ".repeat(30)}summary${" ".repeat(30)}`,
    "tail\r",
  ),
  fc.string({ maxLength: 20 }),
);

describe("topicBody", () => {
  it("is the topic's lines after its title, cut before another work's summary, in LF and CRLF notes", () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: -1, max: 32 }),
        fc.integer({ min: 0, max: 40 }),
        (lines, crlf, start, span) => {
          const text = lines.join(crlf ? "\r\n" : "\n");
          const topic = { line: start, endLine: start + span };
          const body = topicBody(text, lineStarts(text), topic);
          expect(body.replace(/\r\n/g, "\n")).toBe(oracle(text, topic));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("cuts at the next work's title above its summary heading", () => {
    const text = ["[論文] Ours", "- one", "- two", "- three", "- four", "", "Next Paper", "## 概要", "theirs"].join(
      "\r\n",
    );
    expect(topicBody(text, lineStarts(text), { line: 0, endLine: 8 })).toBe("- one\r\n- two\r\n- three\r\n- four\r\n");
  });
});
