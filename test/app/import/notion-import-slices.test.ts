/**
 * A big Notion export in the plugin: the import runs in the background work queue's slices, shows its
 * progress, stops cleanly on Cancel with every written file whole, and a re-import finishes or changes
 * nothing. Time is a clock the test moves: every item of work costs 4 ms on it, never measured for real.
 */
import { afterEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { NotionImporter, type PickedFile } from "../../../src/app/import/notion-import";
import { BackgroundWork, SLICE_MS, type RunOptions } from "../../../src/app/work/background-work";
import { planExport } from "../../../src/core/import/export";
import { unpackExport } from "../../../src/core/import/zip";
import { parseHtml } from "../../../src/cli/html";
import { defaultSettings } from "../../../src/core/settings";
import { createTranslator } from "../../../src/i18n";
import { noticeSpy, watchEventLoop } from "../background";
import { App, Notice } from "obsidian-test-mocks/obsidian";
import { generatedExport } from "../../core/import/notion-export";

const PAGES = 2000;
const COST = 4;
const zip = generatedExport(PAGES);
const picked: PickedFile = { name: "Export.zip", arrayBuffer: () => Promise.resolve(zip.slice().buffer) };

afterEach(() => {
  vi.restoreAllMocks();
});

interface Bare {
  app: App;
  notices: () => string[];
}

/**
 * The in-memory App without the plugin: the importer alone (the plugin's reactions to 3,000 new notes are
 * the index's and sync's tests; here they would only multiply the test's run time).
 */
function bareApp(): Bare {
  const app = App.createConfigured__({ files: {} });
  const spy: MockInstance = vi.spyOn(Notice.prototype, "constructor__");
  return { app, notices: () => spy.mock.calls.map((call) => String(call[0])) };
}

interface Setup {
  h: Bare;
  importer: NotionImporter;
  clock: { now: number };
  /** Clock time of work between two yields of the queue, in order. */
  slices: number[];
  /** Called before each item of work with the count of items so far. */
  onStep: { call: (count: number) => void };
  /** Files of the vault by path: text for notes, bytes for the rest. */
  snapshot: () => Promise<Map<string, string | Uint8Array>>;
}

/** The plugin with an importer over a work queue whose every item costs `COST` ms of the test's clock. */
async function setup(): Promise<Setup> {
  const h = bareApp();
  const clock = { now: 0 };
  const t = createTranslator("en");
  const work = new BackgroundWork(h.app.asOriginalType__(), t, () => clock.now);
  work.load();
  const run = work.run.bind(work);
  const onStep = { call: (count: number): void => void count };
  let steps = 0;
  vi.spyOn(work, "run").mockImplementation((options: RunOptions<unknown>) =>
    run({
      ...options,
      step: (item) => {
        clock.now += COST;
        onStep.call(++steps);
        return options.step(item);
      },
    }),
  );
  const slices: number[] = [];
  let sliceStart = 0;
  const original = work.yield.bind(work);
  vi.spyOn(work, "yield").mockImplementation(() => {
    slices.push(clock.now - sliceStart);
    return original().then(() => void (sliceStart = clock.now));
  });
  const importer = new NotionImporter(h.app.asOriginalType__(), defaultSettings, t, work);
  const snapshot = async (): Promise<Map<string, string | Uint8Array>> => {
    const out = new Map<string, string | Uint8Array>();
    for (const file of h.app.vault.getFiles()) {
      out.set(
        file.path,
        file.extension === "md" ? await h.app.vault.read(file) : new Uint8Array(await h.app.vault.readBinary(file)),
      );
    }
    return out;
  };
  return { h, importer, clock, slices, onStep, snapshot };
}

/** What the import should write, by vault path: the core's plan, as the CLI makes it. */
function expectedFiles(): Map<string, string | Uint8Array> {
  const files = unpackExport(zip);
  if (!files.ok) throw new Error(files.problem.message);
  const plan = planExport(files.value, { fileNamePattern: "{{date}} {{series}}", attachmentFolder: "", parseHtml });
  if (!plan.ok) throw new Error(plan.problem.message);
  return new Map<string, string | Uint8Array>([
    ...plan.value.attachments.map((a): [string, Uint8Array] => [a.name, a.bytes]),
    ...plan.value.notes.map((n): [string, string] => [`Sessions/${n.name}`, n.text]),
  ]);
}

function cancelButton(notices: ReturnType<typeof noticeSpy>): HTMLButtonElement | undefined {
  return notices()
    .map((n) => n.el.querySelector("button"))
    .find((b): b is HTMLButtonElement => b?.textContent === "Cancel");
}

describe(`Import Notion export… on a ${PAGES}-page export`, { timeout: 240_000 }, () => {
  it("gives the app a turn at least every 50 ms of work, with a progress notice that counts", async () => {
    const { h, importer, clock, slices, snapshot } = await setup();
    const notices = noticeSpy();
    const loop = watchEventLoop(() => clock.now);
    const report = await importer.run(picked, "Sessions");
    loop.stop();
    const attachments = Math.ceil(PAGES / 50);
    expect(report).toMatchObject({
      sessions: PAGES,
      attachments,
      written: PAGES + attachments,
      skipped: 0,
      cancelled: false,
      conflicts: [],
      failed: [],
    });
    expect(loop.longest()).toBeLessThanOrEqual(SLICE_MS);
    expect(Math.max(...slices)).toBeLessThanOrEqual(SLICE_MS);
    // Pages read, pages converted and files written, each a 4 ms item: a yield every 12 items at least.
    expect(slices.length).toBeGreaterThanOrEqual(Math.floor(((3 * PAGES + attachments) * COST) / SLICE_MS));
    const progress = notices().find((n) => n.el.querySelector("button")?.textContent === "Cancel");
    expect(progress?.el.textContent).toContain(`Writing files: ${PAGES + attachments} of ${PAGES + attachments}`);
    expect(progress?.el.textContent).toContain(`${PAGES} pages, ${attachments} attachments`);
    expect(h.notices().at(-1)).toMatch(
      new RegExp(`^Notion import: ${PAGES} session notes, 0 pages, ${attachments} attachments, 0 skipped`),
    );

    const before = await snapshot();
    const modify = vi.spyOn(h.app.vault, "modify");
    const again = await importer.run(picked, "Sessions");
    expect(again).toMatchObject({ written: 0, unchanged: PAGES + attachments, conflicts: [] });
    expect(await snapshot()).toEqual(before);
    expect(modify).not.toHaveBeenCalled();
  });

  it("stops on Cancel with every written file whole; importing again finishes it", async () => {
    const { h, importer, snapshot } = await setup();
    const notices = noticeSpy();
    const create = h.app.vault.create.bind(h.app.vault);
    let created = 0;
    const createSpy = vi.spyOn(h.app.vault, "create").mockImplementation((path, text) => {
      if (++created === 600) {
        cancelButton(notices)?.click();
      }
      return create(path, text);
    });
    const report = await importer.run(picked, "Sessions");
    const attachments = Math.ceil(PAGES / 50);
    expect(report).toMatchObject({ cancelled: true, written: attachments + 600, failed: [] });
    expect(h.notices().at(-1)).toBe(
      `Notion import cancelled: ${attachments + 600} of ${PAGES + attachments} files written, each one whole (nothing is half-written). Import the same export again to finish it.`,
    );

    const expected = expectedFiles();
    const partial = await snapshot();
    expect(partial.size).toBe(attachments + 600);
    for (const [path, content] of partial) {
      const name = path.startsWith("Sessions/") ? path : path.slice(path.lastIndexOf("/") + 1);
      expect(content, path).toEqual(expected.get(name));
    }

    createSpy.mockRestore();
    const resumed = await importer.run(picked, "Sessions");
    expect(resumed).toMatchObject({ cancelled: false, written: PAGES - 600, unchanged: attachments + 600 });
    const complete = await snapshot();
    expect(complete.size).toBe(PAGES + attachments);
    for (const [path, content] of partial) expect(complete.get(path), path).toEqual(content);
  });

  it("cancelled before writing (half-way through converting the pages): nothing is written, and it says so", async () => {
    const { h, importer, onStep } = await setup();
    const notices = noticeSpy();
    // Past the unpacking and reading, half-way through converting the pages.
    onStep.call = (count) => {
      if (count !== PAGES * 1.5) return;
      expect(notices().some((n) => n.message.startsWith("Converting pages: "))).toBe(true);
      cancelButton(notices)?.click();
    };
    expect(await importer.run(picked, "Sessions")).toBeNull();
    expect(h.app.vault.getFiles()).toEqual([]);
    expect(h.notices().at(-1)).toBe("Notion import cancelled before anything was written.");
  });
});
