import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");

/** The note names scripts/demo.mjs gives the demo vault: its own notes, and the Notion exports it copies in. */
function demoNoteNames(): Set<string> {
  const own = readdirSync(join(root, "demo", "notes")).map((name) => name.replace(/\.md$/, ""));
  const pasted = readdirSync(join(root, "test", "fixtures", "notion-export"))
    .filter((name) => name.endsWith(".txt"))
    .map((name) => `${name.replace(/\.txt$/, "")} 機械学習勉強会 (Notion)`);
  return new Set([...own, ...pasted]);
}

describe("the demo vault", () => {
  it("links only to notes it has (the previous-session links resolve)", () => {
    const names = demoNoteNames();
    const demo = readFileSync(join(root, "scripts", "demo.mjs"), "utf8");
    expect(demo).toContain("機械学習勉強会 (Notion).md"); // the naming this test mirrors
    for (const file of readdirSync(join(root, "demo", "notes"))) {
      const text = readFileSync(join(root, "demo", "notes", file), "utf8");
      for (const [, target] of text.matchAll(/\[\[([^\]|#]+)/g)) expect(names, `${file} → ${target}`).toContain(target);
    }
  });
});
