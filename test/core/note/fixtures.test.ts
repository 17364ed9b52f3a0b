import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/note/parser";

interface ExpectedTopic {
  presenter: string[] | null;
  kind: Array<string | null>;
  title: string;
  main: boolean;
  line: number;
}

interface Expected {
  file: string;
  date: string;
  topics: ExpectedTopic[];
  ambiguous: Array<{ title: string; line: number }>;
}

const dir = join(__dirname, "..", "..", "fixtures", "notion-export");
const cases = readdirSync(dir)
  .filter((name) => name.endsWith(".expected.json"))
  .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as Expected);

describe("real Notion exports parse to their expected topics", () => {
  it("has the three fixtures", () => {
    expect(cases.map((c) => c.file).sort()).toEqual(["2024-05-02.txt", "2024-07-24.txt", "2024-08-29.txt"]);
  });

  for (const expected of cases) {
    describe(expected.file, () => {
      const note = parseNote(readFileSync(join(dir, expected.file), "utf8"), { path: expected.file });
      const ambiguousLines = new Set(expected.ambiguous.map((a) => a.line));
      const reported = note.topics.filter((t) => !ambiguousLines.has(t.line));

      it("finds the date", () => {
        expect(note.date).toBe(expected.date);
        expect(note.series).toBe("機械学習勉強会");
      });

      it("reports exactly the expected topics, in order, beyond the ambiguous lines", () => {
        expect(reported.map((t) => t.line)).toEqual(expected.topics.map((t) => t.line));
      });

      expected.topics.forEach((want, index) => {
        it(`topic ${index + 1}: ${want.title}`, () => {
          const got = reported[index];
          expect(got).toBeDefined();
          if (!got) return;
          expect(got.title).toBe(want.title);
          expect(got.main).toBe(want.main);
          expect(want.kind).toContain(got.kind);
          if (want.presenter === null) expect(got.presenter).toBeNull();
          else expect(want.presenter).toContain(got.presenter);
        });
      });
    });
  }
});
