import { describe, expect, it } from "vitest";
import { syncFrontmatter } from "../../../src/core/properties/frontmatter";
import { entryMemory } from "../../../src/core/properties/frontmatter-read";
import type { Topic } from "../../../src/core/note/model";
import { parseNote } from "../../../src/core/note/parser";
import {
  blockId,
  headingSubpath,
  linkedTitles,
  planRelatedLinks,
  type LinkTarget,
  type TopicMemory,
} from "../../../src/core/related/links";
import { parseTitleOnly } from "../note/title-helper";

const NOTE = "今週のTOPIC\n@Alice\n[blog] Alpha\n- body\n@Bob\n[論文] Beta\n";
const targets: Record<string, LinkTarget[]> = {
  Alpha: [
    { title: "One", link: "[[n1#^a|One]]" },
    { title: "Two", link: "[[n2#^b|Two]]" },
    { title: "Three", link: "[[n3#H|Three]]" },
    { title: "Four", link: "[[n4|Four]]" },
  ],
  Beta: [],
};

/** Link, then write memory into the entries, as the app does. */
function run(text: string): string {
  const note = parseNote(text, { path: "s.md" });
  const memory = entryMemory(text);
  const plan = planRelatedLinks({
    text,
    note,
    relatedFor: (t: Topic) => targets[t.title] ?? [],
    memoryOf: (t: Topic): TopicMemory => memory.get(t.title) ?? { linked: [], unlinked: [] },
    prefix: "Related",
  });
  const extras = new Map([...plan.memory].map(([title, m]) => [title, { linked: m.linked, unlinked: m.unlinked }]));
  const synced = syncFrontmatter(plan.text, parseNote(plan.text, { path: "s.md" }), { extras });
  if (!synced.ok) throw new Error(synced.problem.message);
  return synced.value.text;
}

describe("Link related topics", () => {
  it("puts one related line under each topic that has related topics", () => {
    const once = run(NOTE);
    expect(once).toContain("[blog] Alpha\nRelated: [[n1#^a|One]], [[n2#^b|Two]], [[n3#H|Three]]\n- body");
    expect(once).not.toMatch(/Beta\nRelated/);
    expect(parseNote(once).topics.map((t) => t.title)).toEqual(["Alpha", "Beta"]);
  });

  it("is idempotent", () => {
    const once = run(NOTE);
    expect(run(once)).toBe(once);
  });

  it("does not bring back a link the user removed, and keeps links the user added", () => {
    const once = run(NOTE);
    const edited = once.replace("[[n2#^b|Two]], ", "").replace("[[n3#H|Three]]", "[[n3#H|Three]], [[mine|Mine]]");
    const twice = run(edited);
    expect(twice).toContain("Related: [[n1#^a|One]], [[n3#H|Three]], [[n4|Four]], [[mine|Mine]]");
    expect(entryMemory(twice).get("Alpha")).toEqual({ linked: ["One", "Three", "Four"], unlinked: ["Two"] });
    expect(run(twice)).toBe(twice);
  });

  it("reads link titles of both link styles", () => {
    expect(linkedTitles("関連: [[a#^x|One]], [Two](b.md#%5Ey), [[Three]]")).toEqual(["One", "Two", "Three"]);
  });

  it("makes stable, distinct block ids and heading subpaths Obsidian resolves", () => {
    expect(blockId("a.md", "Alpha")).toBe(blockId("a.md", "Alpha"));
    expect(blockId("a.md", "Alpha")).not.toBe(blockId("a.md", "Beta"));
    expect(blockId("a.md", "Alpha")).toMatch(/^topic-[0-9a-z]+$/);
    expect(headingSubpath("[論文] DocLLM: A | B")).toBe("#論文 DocLLM A B");
    expect(parseTitleOnly(`[論文] DocLLM ^${blockId("a.md", "DocLLM")}`)).toBe("DocLLM");
  });
});
