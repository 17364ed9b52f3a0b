import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { syncFrontmatter } from "../../../src/core/properties/frontmatter";
import { parseNote } from "../../../src/core/note/parser";

const BODY = "今週のTOPIC\n@Alice\n[blog] A\n";

function sync(text: string) {
  return syncFrontmatter(text, parseNote(text, { path: "Sessions/2024-09-05.md" }));
}

/** The user's keys as a strict YAML reader sees them. */
function others(text: string): Record<string, unknown> {
  const plain = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = /^---\n([\s\S]*?)\n?---\n/.exec(plain);
  const data = (match ? parseDocument(match[1] ?? "").toJS() : {}) as Record<string, unknown> | null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data ?? {}))
    if (!["type", "date", "presenters", "topics"].includes(key)) out[key] = value;
  return out;
}

// SPEC §4: a value the plugin did not write is the user's; odd shapes are edited safely or refused.
const rows: Array<{
  name: string;
  fm: string;
  outcome: "written" | "user-key" | "unsafe-edit" | "not-a-mapping" | "refused";
}> = [
  { name: "user topics as a flow list of words", fm: "topics: [linear algebra, calculus]", outcome: "user-key" },
  { name: "user presenters as a sentence", fm: "presenters: see wiki", outcome: "user-key" },
  { name: "user topics as a map", fm: "topics:\n  a: 1", outcome: "user-key" },
  { name: "presenters as a list of maps", fm: "presenters:\n  - name: X", outcome: "user-key" },
  { name: "presenters as an alias", fm: "people: &p [X]\npresenters: *p", outcome: "user-key" },
  // An anchor on presenters makes the value the user's (it may be shared): refused before any edit.
  { name: "an anchor on presenters used by another key", fm: "presenters: &p [X]\nother: *p", outcome: "user-key" },
  { name: "empty presenters and topics are the plugin's", fm: "presenters:\ntopics: []", outcome: "written" },
  { name: "an indented top-level map", fm: "  title: x\n  tags: [a]", outcome: "written" },
  { name: "a null key after presenters", fm: "presenters: [X]\n: orphan", outcome: "unsafe-edit" },
  { name: "a |+ block keeps its trailing lines", fm: "notes: |+\n  keep\n\nother: 1", outcome: "written" },
  { name: "an inline comment on another key", fm: "title: x # mine\npresenters: [Old] # plugin's", outcome: "written" },
  { name: "explicit keys around presenters", fm: "? title\n: x\n? presenters\n: [Old]", outcome: "unsafe-edit" },
  { name: "anchors and aliases elsewhere", fm: "base: &b {a: 1}\ncopy: *b", outcome: "written" },
  { name: "tabs inside values", fm: "title: a\tb", outcome: "written" },
  // The line locator: a key line it does not understand is refused, never guessed.
  { name: "a complex key (?)", fm: "? complex\n: value\npresenters: [Old]", outcome: "unsafe-edit" },
  { name: "an anchor on a key", fm: "&a key: 1\npresenters: [Old]", outcome: "unsafe-edit" },
  { name: "a tag on a key", fm: "!!str key: 1", outcome: "unsafe-edit" },
  { name: "a flow-map root", fm: "{a: 1, presenters: [Old]}", outcome: "not-a-mapping" },
  { name: "a flow-map root over lines", fm: "{a: 1,\n presenters: [Old]}", outcome: "not-a-mapping" },
  { name: "a key with a YAML-only escape", fm: '"\\x41": 1', outcome: "unsafe-edit" },
  { name: "a quoted value going on at column 0", fm: 'title: "a\nb"\nx: 1', outcome: "refused" },
  { name: "a topics alias", fm: "base: &t [{title: x}]\ntopics: *t", outcome: "user-key" },
  { name: "a topics anchor on its own line", fm: "topics: &t\n  - title: x", outcome: "user-key" },
  { name: "a tag on presenters", fm: "presenters: !!seq [Old]", outcome: "user-key" },
  {
    name: "compact lists (items at the key's indentation)",
    fm: "tags:\n- a\n- b\npresenters:\n- Old\nlast: 1",
    outcome: "written",
  },
  {
    name: "compact topics the plugin rewrites",
    fm: "topics:\n- title: stale\n  kind: blog\nafter: x",
    outcome: "written",
  },
  {
    name: "a block scalar that looks like keys",
    fm: "notes: |\n  presenters: [fake]\n  topics: x\n\n  end\npresenters: [Old]",
    outcome: "written",
  },
  {
    name: "a |+ block with blank lines before presenters",
    fm: "notes: |+\n  a\n\n\npresenters: [Old]\n",
    outcome: "written",
  },
  {
    name: "a folded block and a comment at column 0",
    fm: "notes: >-\n  folded\n  text\n# between\npresenters: [Old]",
    outcome: "written",
  },
  { name: "an indentation indicator", fm: "notes: |2\n    deeper\n  x\npresenters: [Old]", outcome: "written" },
  { name: "quoted keys", fm: "\"quoted key\": 1\n'it''s': 2\n\"presenters\": [Old]", outcome: "written" },
  { name: "index-like keys after others", fm: "b: 1\n2: x\n10: y", outcome: "written" },
  { name: "a less indented line in an indented map", fm: "  a: 1\n  b: [x,\n y]", outcome: "refused" },
  // Found by review: values carried in a topic entry that would not come back as the user wrote them.
  ...[".inf", ".nan", "1e400", "12345678901234567890", "!!binary aGVsbG8=", "!!set {a, b}"].map((value) => ({
    name: `a topic entry's ${value} (cannot be written back exactly)`,
    fm: `topics:\n  - title: "A"\n    kind: old\n    score: ${value}`,
    outcome: "unsafe-edit" as const,
  })),
  {
    name: "a __proto__ key in a topic entry",
    fm: 'topics:\n  - title: "A"\n    kind: old\n    __proto__: {a: 1}',
    outcome: "unsafe-edit",
  },
  {
    name: "a merge key in a topic entry",
    fm: 'base: &b {x: 1}\ntopics:\n  - title: "A"\n    kind: old\n    <<: *b',
    outcome: "unsafe-edit",
  },
  { name: "a merge key at the top", fm: "d: &d {type: lecture}\n<<: *d", outcome: "unsafe-edit" },
  {
    name: "comments between keys of an indented map",
    fm: "  presenters: [Bob]\n  # --- reading list ---\n  x: 1",
    outcome: "written",
  },
  {
    name: "an indented comment before the next key",
    fm: "presenters: [Bob]\n  # note about x\nx: 1",
    outcome: "written",
  },
];

describe("sync refuses what is not the plugin's, and never changes another key", () => {
  for (const row of rows) {
    it(row.name, () => {
      const text = `---\n${row.fm}\n---\n${BODY}`;
      const result = sync(text);
      if (row.outcome === "written") {
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(others(result.value.text)).toEqual(others(text));
        expect(sync(result.value.text)).toEqual({ ok: true, value: { text: result.value.text, changed: false } });
      } else {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        if (row.outcome !== "refused") expect(result.problem.code).toBe(row.outcome);
        expect(result.problem.line).toBeGreaterThanOrEqual(1);
        if (row.outcome === "user-key") expect(result.problem.message).toMatch(/"(topics|presenters)"/);
      }
    });
  }

  it("keeps comments that sit between keys, however indented, when a plugin key is rewritten", () => {
    for (const fm of [
      "  presenters: [Bob]\n  # --- reading list ---\n  x: 1",
      "presenters: [Bob]\n  # note about x\nx: 1",
    ]) {
      const result = sync(`---\n${fm}\n---\n${BODY}`);
      expect(result.ok && result.value.text).toMatch(/\n {2}# (--- reading list ---|note about x)\n/);
    }
  });

  it("gives new lines the frontmatter's line ending, not the body's", () => {
    const result = sync(`---\na: 1\n---\n${BODY.replace(/\n$/, "\r\n")}`);
    expect(result.ok && result.value.text).not.toMatch(/\r\n[\s\S]*---\n今週/);
    expect(result.ok && result.value.text.split("---")[1]).not.toContain("\r");
  });

  it("writes an indented map's keys at its indentation", () => {
    const result = sync(`---\n  title: x\n---\n${BODY}`);
    expect(result.ok && result.value.text).toContain("\n  presenters: [Alice]\n");
  });

  it("keeps a CR-only note CR-only, and a second sync writes nothing", () => {
    const text = `---\rtitle: x\r---\r${BODY.replace(/\n/g, "\r")}`;
    const first = sync(text);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.text).not.toContain("\n");
    expect(first.value.text).toContain("presenters: [Alice]\r");
    expect(sync(first.value.text)).toEqual({ ok: true, value: { text: first.value.text, changed: false } });
  });
});
