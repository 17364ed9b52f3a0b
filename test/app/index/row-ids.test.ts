import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Row } from "../../../src/core/index/topic-groups";
import type { IndexedTopic } from "../../../src/core/index/topic-index";
import { rowIds } from "../../../src/app/index/row-ids";

function topic(title: string): IndexedTopic {
  return {
    presenter: null,
    kind: null,
    kindLabel: null,
    title,
    url: null,
    main: false,
    tags: [],
    line: -1,
    endLine: -1,
    summary: "",
    file: `S/${title}.md`,
    date: null,
  };
}

const group = (key: string | null): Row => ({ type: "group", key, count: 1, collapsed: false, position: 0, groups: 1 });
const listed = (t: IndexedTopic, key: string | null): Row => ({
  type: "topic",
  topic: t,
  group: key,
  position: 0,
  count: 1,
});

describe("row ids", () => {
  it("numbers groups and topics in the order they are first asked for, under the view's prefix", () => {
    const id = rowIds("ssn-3");
    const a = topic("a");
    expect(id(null)).toBe("ssn-3-none");
    expect(id(group("paper"))).toBe("ssn-3-g1");
    expect(id(listed(a, "paper"))).toBe("ssn-3-t2-g1");
    expect(id(listed(a, null))).toBe("ssn-3-t2-g3");
    expect(id(group("none"))).toBe("ssn-3-g4");
    expect(id(group(null))).toBe("ssn-3-g3");
  });

  it("gives a row the same id every time and different rows different ids, in any order", () => {
    const topics = ["a", "b", "c"].map(topic);
    const keys = [null, "none", "paper", "#x"];
    const row = fc.oneof(
      fc.constantFrom(...keys).map(group),
      fc.tuple(fc.constantFrom(...topics), fc.constantFrom(...keys)).map(([t, key]) => listed(t, key)),
    );
    const name = (r: Row): string =>
      r.type === "group" ? `g ${String(r.key)}` : `t ${r.topic.title} ${String(r.group)}`;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const id = rowIds("v");
        const seen = new Map<string, string>();
        for (const r of rows) {
          const got = id(r);
          expect(got).toMatch(/^v-(g\d+|t\d+-g\d+)$/);
          const before = seen.get(name(r));
          if (before !== undefined) expect(got).toBe(before);
          seen.set(name(r), got);
        }
        expect(new Set(seen.values()).size).toBe(seen.size);
      }),
    );
  });
});
