import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runAll } from "../../../src/core/related/postings";
import { RelatedIndex } from "../../../src/core/related/related";
import type { TopicDocument } from "../../../src/core/related/model";
import { paperTopic } from "../../helpers";
import type { IndexedTopic } from "../../../src/core/index/topic-index";

// An index kept current one note at a time (postings in tails, removed topics skipped and compacted,
// the packed part rebuilt when half dead) must answer exactly as one filled at once from the notes as
// they end up.

const WORDS = [
  "transformer",
  "attention",
  "retrieval",
  "agent",
  "評価",
  "推薦システム",
  "データセット",
  "ラベル",
  "mlops",
  "pipeline",
];

function topic(file: string, title: string, summary: string, tags: string[]): IndexedTopic {
  return paperTopic(file, title, { summary, tags });
}

const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
const note = fc.record({
  file: fc.constantFrom("2024-01-01.md", "2024-01-08.md", "2024-01-15.md", "2024-01-22.md", "2024-01-29.md"),
  topics: fc.array(fc.tuple(words, words, fc.subarray(["rag", "llm"])), { maxLength: 3 }),
});
const step = fc.oneof(
  note.map((n) => ({ kind: "set" as const, ...n })),
  fc.constantFrom("2024-01-01.md", "2024-01-08.md").map((file) => ({ kind: "remove" as const, file })),
);

/** Every topic's related topics with their scores, in title order (ties may come in either order). */
function answers(index: RelatedIndex, topics: readonly IndexedTopic[]): Array<Array<[string, number]>> {
  return topics.map((t) =>
    index
      .related(t, 50)
      .map((r): [string, number] => [`${r.topic.file} ${r.topic.title}`, r.score])
      .sort((a, b) => a[0].localeCompare(b[0])),
  );
}

/** The same topics, and scores equal but for float rounding (the mean length is summed in another order). */
function expectSame(got: Array<Array<[string, number]>>, want: Array<Array<[string, number]>>): void {
  expect(got.map((list) => list.map(([key]) => key))).toEqual(want.map((list) => list.map(([key]) => key)));
  got.forEach((list, i) => list.forEach(([, score], k) => expect(score).toBeCloseTo(want[i]?.[k]?.[1] ?? NaN, 3)));
}

describe("RelatedIndex kept current note by note", () => {
  it("answers as an index filled at once from the final notes", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const live = new RelatedIndex();
        const notes = new Map<string, TopicDocument[]>();
        for (const s of steps) {
          if (s.kind === "remove") {
            live.removeSession(s.file);
            notes.delete(s.file);
            continue;
          }
          const documents = s.topics.map(([title, summary, tags], i) => ({
            topic: topic(s.file, `${title} ${i}`, summary, tags),
          }));
          live.setSession(s.file, documents);
          if (documents.length > 0) notes.set(s.file, documents);
          else notes.delete(s.file);
        }
        const fresh = new RelatedIndex();
        const sessions = [...notes.keys()].map((file) => ({ file, date: null, topics: [] }));
        runAll(fresh.fill(sessions as never, (session: { file: string }) => notes.get(session.file) ?? []));
        const topics = [...notes.values()].flat().map((d) => d.topic);
        expect(live.size).toBe(fresh.size);
        expectSame(answers(live, topics), answers(fresh, topics));
      }),
      { numRuns: 300 },
    );
  });
});
