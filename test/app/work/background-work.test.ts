import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "obsidian-test-mocks/obsidian";
import { BackgroundWork, SLICE_MS } from "../../../src/app/work/background-work";
import { createTranslator } from "../../../src/i18n";
import { noticeSpy } from "../background";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A loaded BackgroundWork on an empty vault, with a clock the test moves. */
function workWithClock(language = "en"): { work: BackgroundWork; clock: { now: number } } {
  const app = App.createConfigured__({ files: { "a.md": "a\n" } });
  const clock = { now: 0 };
  const work = new BackgroundWork(app.asOriginalType__(), createTranslator(language), () => clock.now);
  work.load();
  return { work, clock };
}

/** Runs `items` steps of `cost` ms each; records how much clock time passed between yields. */
async function slicesOf(cost: number, items: number, parallel = 1): Promise<number[]> {
  const { work, clock } = workWithClock();
  const slices: number[] = [];
  let sliceStart = 0;
  const original = work.yield.bind(work);
  vi.spyOn(work, "yield").mockImplementation(() => {
    slices.push(clock.now - sliceStart);
    return original().then(() => void (sliceStart = clock.now));
  });
  const run = work.run({
    kind: "test",
    items: Array.from({ length: items }, (_, i) => i),
    parallel,
    step: async () => {
      await Promise.resolve();
      clock.now += cost;
    },
  });
  const result = await run;
  slices.push(clock.now - sliceStart);
  expect(result?.done).toBe(items);
  return slices;
}

describe("long runs", () => {
  it.each([
    { name: "cheap steps", cost: 1, items: 500, parallel: 1 },
    { name: "10 ms steps", cost: 10, items: 60, parallel: 1 },
    { name: "10 ms steps, eight at a time", cost: 10, items: 60, parallel: 8 },
    { name: "49 ms steps", cost: 49, items: 10, parallel: 4 },
  ])("work in slices of at most 50 ms of clock time ($name)", async ({ cost, items, parallel }) => {
    const slices = await slicesOf(cost, items, parallel);
    expect(Math.max(...slices)).toBeLessThanOrEqual(SLICE_MS);
    expect(slices.length).toBeGreaterThanOrEqual(Math.floor((cost * items) / SLICE_MS));
  });

  it("a step that alone takes longer than a slice is followed by a yield", async () => {
    const slices = await slicesOf(80, 3);
    expect(slices).toEqual([80, 80, 80]);
  });

  it("refuses a second run of the same kind while the first runs, and takes it after", async () => {
    const { work } = workWithClock();
    const first = work.run({ kind: "sync", items: [1, 2], step: () => Promise.resolve() });
    expect(first).not.toBeNull();
    expect(work.run({ kind: "sync", items: [3], step: () => undefined })).toBeNull();
    expect(work.run({ kind: "other", items: [3], step: () => undefined })).not.toBeNull();
    await first;
    expect(work.run({ kind: "sync", items: [3], step: () => undefined })).not.toBeNull();
  });

  it("records each item's error and goes on", async () => {
    const { work } = workWithClock();
    const seen: number[] = [];
    const result = await work.run({
      kind: "test",
      items: [1, 2, 3, 4],
      parallel: 2,
      step: (n) => {
        if (n === 2) throw new Error("two is bad");
        if (n === 3) return Promise.reject(new Error("three is worse"));
        seen.push(n);
      },
    });
    expect(seen).toEqual([1, 4]);
    expect(result?.errors.map((e) => [e.item, (e.error as Error).message])).toEqual([
      [2, "two is bad"],
      [3, "three is worse"],
    ]);
    expect(result?.cancelled).toBe(false);
  });

  it("stops at the next item when the plugin unloads, and starts nothing after", async () => {
    const { work } = workWithClock();
    const seen: number[] = [];
    const run = work.run({
      kind: "test",
      items: [1, 2, 3],
      step: async (n) => {
        seen.push(n);
        await Promise.resolve();
        if (n === 1) work.unload();
      },
    });
    const result = await run;
    expect(seen).toEqual([1]);
    expect(result?.cancelled).toBe(true);
    expect(work.loaded).toBe(false);
    expect(work.run({ kind: "test", items: [1], step: () => undefined })).toBeNull();
  });
});

describe("progress", () => {
  it("shows no notice for a run under a second", async () => {
    const notices = noticeSpy();
    const { work, clock } = workWithClock();
    await work.run({
      kind: "test",
      items: Array.from({ length: 90 }, (_, i) => i),
      progress: "sync.progress",
      step: () => void (clock.now += 10),
    });
    expect(notices()).toEqual([]);
  });

  it("shows n of N after a second, in the user's language, and its Cancel button stops the run", async () => {
    const notices = noticeSpy();
    const { work, clock } = workWithClock("ja");
    const total = 300;
    let cancelled = false;
    const run = work.run({
      kind: "test",
      items: Array.from({ length: total }, (_, i) => i),
      progress: "sync.progress",
      step: () => {
        clock.now += 10;
        const shown = notices()[0];
        // Half-way through: the user has seen enough and cancels.
        if (!cancelled && shown && clock.now >= 1500) {
          expect(shown.message).toMatch(/^勉強会ノートを同期しています… \d+ \/ 300中止$/);
          const button = shown.el.querySelector("button");
          expect(button?.textContent).toBe("中止");
          button?.click();
          cancelled = true;
        }
      },
    });
    const result = await run;
    expect(cancelled).toBe(true);
    expect(result?.cancelled).toBe(true);
    expect(result?.done).toBeGreaterThan(100);
    expect(result?.done).toBeLessThan(total);
    expect(notices()).toHaveLength(1);
  });
});
