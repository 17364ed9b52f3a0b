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
    look: fc.boolean(),
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
            // Looked at between some changes, as the sidebar does: row counts then move in place.
            if (change.look) live.rowAt(live.rowCount >> 1);
          }
          const fresh = new TopicGroups(options);
          fresh.rebuild(index.sessionEntries());
          fresh.setCollapsed("paper", true);
          expect(summary(live)).toEqual(summary(fresh));
          expect(live.matched).toBe(fresh.matched);
          // Every row's place in pixels and back, and each header's and topic's row, as the rows say.
          const heights = { group: 30, topic: 50 };
          let y = 0;
          rows(live).forEach((row, i) => {
            const height = row.type === "group" ? heights.group : heights.topic;
            expect(live.rowTop(i, heights)).toBe(y);
            if (i > 0) expect(live.rowAtOffset(y, heights)).toBe(i);
            expect(live.rowAtOffset(y + height - 1, heights)).toBe(i);
            if (row.type === "group") expect(live.groupRow(row.key)).toBe(i);
            else expect(live.topicRow(row.topic, row.group)).toBe(i);
            y += height;
          });
          expect(live.totalHeight(heights)).toBe(y);
          expect(live.rowAtOffset(y + 1000, heights)).toBe(Math.max(0, live.rowCount - 1));
        },
      ),
    );
  });

  it("keeps groups of thousands of topics (chunks split and emptied) the same as a fresh grouping", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1499 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 200,
          maxLength: 400,
        }),
        (changes) => {
          const note = (n: number, topics: number, file = `S/${n % 300}.md`): SessionEntry =>
            session(
              file,
              // The changed notes are the newest: their topics crowd the first chunk until it splits.
              file.startsWith("S/") ? "2024-02-01" : `2024-01-${String(1 + (n % 28)).padStart(2, "0")}`,
              Array.from({ length: topics }, (_, k) => ({ kind: k === 2 ? "blog" : "paper", title: `t${n} ${k}` })),
            );
          const index = new TopicIndex();
          for (let n = 0; n < 1500; n++) index.upsert(note(n, 3, `Base/${n}.md`));
          const options = { by: "kind" as const, accept: () => true, displayName: (s: string) => s };
          const live = new TopicGroups(options);
          live.rebuild(index.sessionEntries());
          for (const [n, topics] of changes) {
            const entry = note(n, topics);
            if (topics === 0) {
              index.remove(entry.file);
              live.update(entry.file, null);
            } else {
              index.upsert(entry);
              live.update(entry.file, entry);
            }
            // Looked at between changes, as the sidebar does: positions are then kept, not rebuilt.
            live.rowAt(live.rowCount >> 1);
          }
          const fresh = new TopicGroups(options);
          fresh.rebuild(index.sessionEntries());
          const listed = rows(live);
          expect(listed.map((r) => (r.type === "group" ? `# ${r.key} ${r.count}` : r.topic))).toEqual(
            rows(fresh).map((r) => (r.type === "group" ? `# ${r.key} ${r.count}` : r.topic)),
          );
          for (let i = 0; i < listed.length; i += 97) {
            const row = listed[i];
            if (row?.type === "topic") expect(live.topicRow(row.topic, row.group)).toBe(i);
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it("moves the rows after a group that grew or shrank in its place", () => {
    const groups = new TopicGroups({ by: "kind", accept: () => true, displayName: (s) => s });
    const a = session("S/a.md", "2024-01-04", [{ kind: "paper" }, { kind: "blog" }, { kind: "paper" }]);
    groups.rebuild([a, session("S/b.md", "2024-01-11", [{ kind: "paper" }, { kind: "repo" }])]);
    expect(summary(groups)[0]).toBe("# paper 3");
    const grown = session("S/b.md", "2024-01-11", [{ kind: "paper" }, { kind: "repo" }, { kind: "blog" }]);
    groups.update(grown.file, grown);
    expect(summary(groups)).toEqual([
      "# paper 3",
      "S/b.md:S/b.md 0",
      "S/a.md:S/a.md 0",
      "S/a.md:S/a.md 2",
      "# blog 2",
      "S/b.md:S/b.md 2",
      "S/a.md:S/a.md 1",
      "# repo 1",
      "S/b.md:S/b.md 1",
    ]);
    groups.update(grown.file, session("S/b.md", "2024-01-11", [{ kind: "paper" }, { kind: "repo" }]));
    expect(summary(groups)).toEqual([
      "# paper 3",
      "S/b.md:S/b.md 0",
      "S/a.md:S/a.md 0",
      "S/a.md:S/a.md 2",
      "# blog 1",
      "S/a.md:S/a.md 1",
      "# repo 1",
      "S/b.md:S/b.md 1",
    ]);
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
