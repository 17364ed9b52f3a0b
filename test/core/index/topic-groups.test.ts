import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TopicGroups, type Row } from "../../../src/core/index/topic-groups";
import { GROUPINGS, TopicIndex, type IndexedTopic, type SessionEntry } from "../../../src/core/index/topic-index";

function session(file: string, date: string | null, topics: Array<Partial<IndexedTopic>>): SessionEntry {
  return {
    file,
    date,
    series: null,
    presenters: [],
    topics: topics.map((t, k) => ({
      presenter: t.presenter ?? null,
      kind: t.kind ?? null,
      kindLabel: null,
      title: t.title ?? `${file} ${k}`,
      url: null,
      main: false,
      tags: t.tags ?? [],
      line: -1,
      endLine: -1,
      summary: "",
      file,
      date,
    })),
  };
}

const rows = (groups: TopicGroups): Row[] =>
  Array.from({ length: groups.rowCount }, (_, i) => groups.rowAt(i)).filter((r): r is Row => r !== null);

const summary = (groups: TopicGroups): string[] =>
  rows(groups).map((r) => (r.type === "group" ? `# ${r.key} ${r.count}` : `${r.topic.file}:${r.topic.title}`));

describe("topic groups kept one note at a time", () => {
  const arbitraryNote = fc.record({
    file: fc.integer({ min: 0, max: 12 }).map((n) => `S/${n}.md`),
    date: fc.option(fc.constantFrom("2024-01-04", "2024-01-11", "2024-02-01", "2023-12-28"), { nil: null }),
    topics: fc.array(
      fc.record({
        kind: fc.option(fc.constantFrom("paper", "blog", "repo"), { nil: null }),
        tags: fc.array(fc.constantFrom("rag", "RAG", "llm", "cv"), { maxLength: 3 }),
        presenter: fc.option(fc.constantFrom("Ann", "Bo"), { nil: null }),
        title: fc.constantFrom("a", "b", "c"),
      }),
      { maxLength: 4 },
    ),
    remove: fc.boolean(),
  });

  it("lists the same rows after any sequence of changes as a fresh grouping of the same notes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GROUPINGS),
        fc.array(arbitraryNote, { maxLength: 40 }),
        fc.constantFrom("", "a"),
        (by, changes, query) => {
          const index = new TopicIndex();
          const options = {
            by,
            accept: (t: IndexedTopic) => query === "" || t.title === query,
            displayName: (s: string) => s,
          };
          const live = new TopicGroups(options);
          live.rebuild(index.sessionEntries());
          live.setCollapsed("paper", true);
          for (const change of changes) {
            if (change.remove) {
              index.remove(change.file);
              live.update(change.file, null);
            } else {
              const entry = session(change.file, change.date, change.topics);
              index.upsert(entry);
              live.update(change.file, entry);
            }
          }
          const fresh = new TopicGroups(options);
          fresh.rebuild(index.sessionEntries());
          fresh.setCollapsed("paper", true);
          expect(summary(live)).toEqual(summary(fresh));
          expect(live.matched).toBe(fresh.matched);
        },
      ),
    );
  });

  it("places rows by measured heights and finds the row at any offset", () => {
    const groups = new TopicGroups({ by: "kind", accept: () => true, displayName: (s) => s });
    groups.rebuild([
      session("S/a.md", "2024-01-04", [{ kind: "paper" }, { kind: "blog" }, { kind: "paper" }]),
      session("S/b.md", "2024-01-11", [{ kind: "paper" }]),
    ]);
    const heights = { group: 30, topic: 50 };
    expect(summary(groups)).toEqual([
      "# paper 3",
      "S/b.md:S/b.md 0",
      "S/a.md:S/a.md 0",
      "S/a.md:S/a.md 2",
      "# blog 1",
      "S/a.md:S/a.md 1",
    ]);
    expect([0, 1, 2, 3, 4, 5].map((i) => groups.rowTop(i, heights))).toEqual([0, 30, 80, 130, 180, 210]);
    expect([0, 29, 30, 79, 80, 179, 180, 209, 210, 1000].map((y) => groups.rowAtOffset(y, heights))).toEqual([
      0, 0, 1, 1, 2, 3, 4, 4, 5, 5,
    ]);
    expect(groups.totalHeight(heights)).toBe(260);
    groups.setCollapsed("paper", true);
    expect(summary(groups)).toEqual(["# paper 3", "# blog 1", "S/a.md:S/a.md 1"]);
    expect(groups.rowAt(0)).toMatchObject({ type: "group", collapsed: true, position: 0, groups: 2 });
    expect(groups.rowAt(2)).toMatchObject({ type: "topic", position: 0, count: 1 });
  });
});
