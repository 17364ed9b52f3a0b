import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { syncFrontmatter } from "../../../src/core/properties/frontmatter";
import { parseNote } from "../../../src/core/note/parser";

// The line locator finds top-level keys; the real parser is the judge. Whatever the user's frontmatter
// holds, a sync is refused (no text) or writes text in which every other key reads back the same.

const PLUGIN_KEYS = ["type", "date", "presenters", "topics"];

const word = fc.stringMatching(/^[a-zA-Z\u3041-\u3093][a-zA-Z0-9_ \-\u3041-\u3093]{0,6}[a-zA-Z0-9]$/);
const key = fc.oneof(
  word.map((k) => ({ name: k, text: k })),
  fc
    .string({ maxLength: 8 })
    .filter((k) => !/[\r\n]/.test(k))
    .map((k) => ({ name: k, text: JSON.stringify(k) })),
  fc
    .string({ maxLength: 8 })
    .filter((k) => !/[\r\n]/.test(k))
    .map((k) => ({ name: k, text: `'${k.replace(/'/g, "''")}'` })),
);
const scalarText = fc
  .oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("2024-08-29", "a: b", "x #y"),
  )
  .map((v) => ` ${stringify(v, { lineWidth: 0 }).trimEnd()}`);
const item = fc.oneof(word, fc.constantFrom("- x", "k: v", "# not a comment", "[a]", "'q'"));
const blockLine = fc.oneof(word, fc.constantFrom("", "key: looks like one", "# inside", "- dash", "  deeper", "---"));
const value = fc.oneof(
  scalarText,
  scalarText.map((v) => `${v} # comment`),
  fc
    .array(item, { minLength: 1, maxLength: 3 })
    .map((items) => `\n${items.map((i) => `  - ${JSON.stringify(i)}`).join("\n")}`),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((items) => `\n${items.map((i) => `- ${i}`).join("\n")}`), // compact
  fc.array(word, { maxLength: 3 }).map((items) => ` [${items.join(", ")}]`),
  fc
    .tuple(fc.constantFrom("|", "|-", "|+", ">", ">-"), fc.array(blockLine, { minLength: 1, maxLength: 4 }))
    .map(([style, lines]) => ` ${style}\n  start\n${lines.map((l) => (l === "" ? "" : `  ${l}`)).join("\n")}`),
  fc.tuple(word, word).map(([a, b]) => `\n  ${a}x: 1\n  ${b}y: [p, q]`),
  fc.constantFrom(" &anchor [a]", " !!str tagged", ""),
);
const entry = fc.tuple(key, value).map(([k, v]) => ({ name: k.name, text: `${k.text}:${v}` }));
const between = fc.constantFrom("", "# a comment", "   # an indented comment");
const plugin = fc.constantFrom(
  "presenters: [Old]",
  "topics:\n- title: stale\n  kind: blog",
  "type: meeting",
  "date: 2024-01-01",
);

const noteArb = fc
  .record({
    entries: fc.uniqueArray(entry, { maxLength: 6, selector: (e) => e.name }),
    gaps: fc.array(fc.option(between, { nil: undefined }), { minLength: 7, maxLength: 7 }),
    plugins: fc.uniqueArray(plugin, { maxLength: 2 }),
    indent: fc.constantFrom("", "", "  "),
    body: fc.array(fc.constantFrom("今週のTOPIC", "@Alice", "[blog] A #t", "", "x: y", "@Bob", "[論文] P"), {
      maxLength: 8,
    }),
  })
  .map(({ entries, gaps, plugins, indent, body }) => {
    const lines: string[] = [];
    entries.forEach((e, i) => {
      const gap = gaps[i];
      if (gap !== undefined) lines.push(gap);
      lines.push(e.text);
    });
    lines.push(...plugins);
    const fm = lines
      .join("\n")
      .split("\n")
      .map((l) => (l === "" || l.startsWith("#") ? l : indent + l))
      .join("\n");
    return `---\n${fm}\n---\n${body.join("\n")}\n`;
  });

function sync(text: string) {
  return syncFrontmatter(text, parseNote(text, { path: "Sessions/2024-09-05.md" }));
}

function properties(text: string): Record<string, unknown> {
  // The content whole, to its last line break: a `|+` block at the end keeps its trailing lines.
  const lines = text.split("\n");
  const close = lines.indexOf("---", 1);
  const fm = close > 1 ? `${lines.slice(1, close).join("\n")}\n` : "";
  return (parse(fm, { logLevel: "error" }) ?? {}) as Record<string, unknown>;
}

describe("sync on any frontmatter", () => {
  it("refuses, or keeps every other key's value and is idempotent", () => {
    let written = 0;
    let parsable = 0;
    fc.assert(
      fc.property(noteArb, (text) => {
        let before: Record<string, unknown>;
        try {
          before = properties(text);
          parsable++;
        } catch {
          expect(sync(text).ok).toBe(false); // malformed: refused
          return;
        }
        const first = sync(text);
        if (!first.ok) {
          expect(first.problem.message).not.toBe("");
          return;
        }
        written++;
        const after = properties(first.value.text);
        for (const [k, v] of Object.entries(before)) if (!PLUGIN_KEYS.includes(k)) expect(after[k], k).toEqual(v);
        for (const k of Object.keys(after)) expect(k in before || PLUGIN_KEYS.includes(k), k).toBe(true);
        expect(first.value.text.slice(first.value.text.indexOf("\n---\n"))).toBe(text.slice(text.indexOf("\n---\n")));
        expect(sync(first.value.text)).toEqual({ ok: true, value: { text: first.value.text, changed: false } });
      }),
      { numRuns: 600 },
    );
    // Not vacuous: most frontmatters that parse are written, not refused.
    expect(written).toBeGreaterThan(parsable * 0.6);
  });
});
