import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapOffset, minimalChange } from "../../src/core/text-diff";

describe("minimalChange", () => {
  it("replaces only what differs", () => {
    expect(minimalChange("---\na: 1\n---\nbody", "---\na: 1\nb: 2\n---\nbody")).toEqual({
      from: 9,
      to: 9,
      text: "b: 2\n",
    });
    expect(minimalChange("same", "same")).toBeNull();
  });

  it("applied to the old text always gives the new text, without splitting pairs", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "\r", "\n", "😀", "日"), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const change = minimalChange(before, after);
        if (change === null) {
          expect(before).toBe(after);
          return;
        }
        expect(before.slice(0, change.from) + change.text + before.slice(change.to)).toBe(after);
        for (const cut of [change.from, change.to]) {
          const code = before.charCodeAt(cut);
          expect(cut < before.length && code >= 0xdc00 && code <= 0xdfff).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("mapOffset", () => {
  it("keeps positions before the change and shifts those after it", () => {
    const change = { from: 4, to: 6, text: "xyz" };
    expect(mapOffset(2, change)).toBe(2);
    expect(mapOffset(10, change)).toBe(11);
    expect(mapOffset(5, change)).toBe(5);
  });
});
