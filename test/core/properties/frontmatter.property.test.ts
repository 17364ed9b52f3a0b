import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { syncFrontmatter } from "../../../src/core/properties/frontmatter";
import { parseNote } from "../../../src/core/note/parser";

const PLUGIN_KEYS = ["type", "date", "presenters", "topics"];

const userKey = fc
  .stringMatching(/^[a-zA-Z\u3041-\u3093][a-zA-Z0-9_\-\u3041-\u3093]{0,8}$/)
  .filter((k) => !PLUGIN_KEYS.includes(k));
const userLine = fc.oneof(
  fc.tuple(userKey, fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))).map(([key, value]) => ({
    key,
    line: `${key}: ${stringify(value, { lineWidth: 0 }).trimEnd()}`,
  })),
  fc
    .string({ maxLength: 20 })
    .filter((s) => !/[\r\n]/.test(s))
    .map((s) => ({ key: null, line: `# ${s}` })),
  fc.constant({ key: null, line: "" }),
);
const pluginJunk = fc.constantFrom(
  "presenters: 5",
  "topics: [x]",
  "topics:\n  - title: stale\n    kind: blog",
  "presenters: []",
);

const bodyLines = [
  "今週のTOPIC",
  "@Alice / al",
  "[blog] Title #tag",
  "- bullet",
  "メインTOPIC: Main",
  "---",
  "x: y",
  "",
  "```",
  "@Bob",
  "[論文] P",
];
const body = fc
  .array(fc.oneof(fc.constantFrom(...bodyLines), fc.string({ maxLength: 15 })), { maxLength: 15 })
  .map((l) => l.join("\n"));

const noteArb = fc
  .record({
    lines: fc.uniqueArray(userLine, { maxLength: 8, selector: (l) => l.key ?? `${Math.random()}` }),
    junk: fc.option(pluginJunk, { nil: undefined }),
    junkAt: fc.nat(),
    body,
    crlf: fc.boolean(),
    bom: fc.boolean(),
    hasFrontmatter: fc.boolean(),
  })
  .map(({ lines, junk, junkAt, body, crlf, bom, hasFrontmatter }) => {
    const fmLines = lines.map((l) => l.line);
    if (junk) fmLines.splice(junkAt % (fmLines.length + 1), 0, junk);
    // Without frontmatter the body must not open with `---` (that would be frontmatter, or half of one).
    const raw = hasFrontmatter ? `---\n${fmLines.map((l) => `${l}\n`).join("")}---\n${body}` : `x\n${body}`;
    const text = (bom ? "\uFEFF" : "") + (crlf ? raw.replace(/\n/g, "\r\n") : raw);
    return { text, userLines: hasFrontmatter ? lines.map((l) => l.line) : [], hasFrontmatter };
  });

function sync(text: string) {
  return syncFrontmatter(text, parseNote(text, { path: "2024-09-05.md" }));
}

function split(text: string): { fm: string; body: string } {
  const plain = text.replace(/^\uFEFF/, "");
  const lines = plain.split("\n");
  if (lines[0]?.replace(/\r$/, "") !== "---") return { fm: "", body: plain };
  const close = lines.findIndex((line, i) => i > 0 && line.replace(/\r$/, "") === "---");
  if (close < 0) return { fm: "", body: plain };
  return { fm: lines.slice(1, close).join("\n"), body: lines.slice(close + 1).join("\n") };
}

describe("sync properties", () => {
  it("never changes the body or any other key's text, and sync∘sync = sync", () => {
    fc.assert(
      fc.property(noteArb, ({ text, userLines, hasFrontmatter }) => {
        const first = sync(text);
        // A `presenters` or `topics` value the plugin did not write is the user's: refused (SPEC §4).
        const userOwned = /^(presenters: 5|topics: \[x\])\r?$/m.test(text.split(/\r?\n---\r?\n/)[0] ?? "");
        if (userOwned && hasFrontmatter) {
          expect(first).toMatchObject({ ok: false, problem: { code: "user-key" } });
          return;
        }
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        expect(first.value.text.startsWith("\uFEFF")).toBe(text.startsWith("\uFEFF"));
        const before = split(text);
        const after = split(first.value.text);
        expect(after.body).toBe(before.body);
        if (hasFrontmatter) {
          // Every line the user wrote is still there, byte for byte and in the same order.
          const fmLines = after.fm.split(/\r?\n/);
          let cursor = 0;
          for (const line of userLines) {
            const found = fmLines.indexOf(line, cursor);
            expect(found, `line ${JSON.stringify(line)} kept`).toBeGreaterThanOrEqual(0);
            cursor = found + 1;
          }
        }
        const second = sync(first.value.text);
        expect(second).toEqual({ ok: true, value: { text: first.value.text, changed: false } });
      }),
      { numRuns: 500 },
    );
  });
});
