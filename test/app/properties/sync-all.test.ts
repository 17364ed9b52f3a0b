import { afterEach, describe, expect, it, vi } from "vitest";
import { loadPlugin, notionNotes, type Harness } from "../harness";
import { deferred, noticeSpy, sessionVault, virtualClock, watchEventLoop } from "../background";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const syncAll = (h: Harness): Promise<void> => (h.command("sync-all").callback as () => Promise<void>)();

describe("Sync all session notes over a day's changes", () => {
  it("counts and names a note deleted during the run, and goes on with the others", async () => {
    const files = notionNotes();
    const [first, second, third] = Object.keys(files).sort();
    const h = await loadPlugin(files);
    const read = h.app.vault.cachedRead.bind(h.app.vault);
    // While the first note is read, the third one is deleted (a sync tool, another window).
    vi.spyOn(h.app.vault, "cachedRead").mockImplementation(async (file) => {
      if (file.path === first) await h.app.fileManager.trashFile(h.file(third ?? ""));
      return read(file);
    });
    await expect(syncAll(h)).resolves.toBeUndefined();
    expect(h.notices().at(-1)).toBe(
      `Session notes synced: 2 updated, 0 unchanged, 1 failed.\nFailed:\n${third}: deleted or moved away during the run; skipped.`,
    );
    expect(await h.app.vault.read(h.file(second ?? ""))).toMatch(/^---\ntype: study-session/);
  });

  it("counts and names a note whose write fails, and goes on with the others", async () => {
    const files = notionNotes();
    const [first] = Object.keys(files).sort();
    const h = await loadPlugin(files);
    const process = h.app.vault.process.bind(h.app.vault);
    vi.spyOn(h.app.vault, "process").mockImplementation((file, fn) =>
      file.path === first ? Promise.reject(new Error("EACCES: permission denied")) : process(file, fn),
    );
    await syncAll(h);
    expect(h.notices().at(-1)).toBe(
      `Session notes synced: 2 updated, 0 unchanged, 1 failed.\nFailed:\n${first}: could not be read (EACCES: permission denied).`,
    );
  });

  it("gives the app a turn at least every 50 ms, even at 150 notes to update", { timeout: 30000 }, async () => {
    const h = await loadPlugin(sessionVault(150));
    const clock = virtualClock(h);
    // Each write costs 20 ms of the clock (parse, plan and write of a long note on a slow phone).
    clock.cost("process", 20);
    const loop = watchEventLoop(clock.now);
    await syncAll(h);
    loop.stop();
    expect(h.notices().at(-1)).toBe("Session notes synced: 150 updated, 0 unchanged, 0 failed.");
    expect(clock.now()).toBe(3000);
    expect(loop.longest()).toBeLessThanOrEqual(50);
  });

  it(
    "shows n of N once the run passes a second, and Cancel stops it with a summary of what was done",
    { timeout: 30000 },
    async () => {
      const notices = noticeSpy();
      const h = await loadPlugin(sessionVault(150));
      const clock = virtualClock(h);
      const write = h.app.vault.process.bind(h.app.vault);
      let shown = "";
      vi.spyOn(h.app.vault, "process").mockImplementation(async (file, fn) => {
        clock.advance(20);
        const out = await write(file, fn);
        const progress = notices().find((n) => n.el.querySelector("button"));
        // Half-way through, the user has seen enough and cancels.
        if (progress && clock.now() >= 1500 && shown === "") {
          shown = progress.message;
          progress.el.querySelector("button")?.click();
        }
        return out;
      });
      await syncAll(h);
      expect(shown).toMatch(/^Syncing session notes… \d+ of 150Cancel$/);
      const summary = h.notices().at(-1) ?? "";
      const [, done, updated] =
        /^Sync all cancelled after (\d+) of 150 notes: (\d+) updated, 0 unchanged, 0 failed\.$/.exec(summary) ?? [];
      expect(Number(done)).toBeGreaterThanOrEqual(75);
      expect(Number(done)).toBeLessThan(150);
      expect(updated).toBe(done);
    },
  );

  it("refuses a second Sync all while one runs: it says so and writes nothing", async () => {
    const files = notionNotes();
    const h = await loadPlugin(files);
    const gate = deferred<void>();
    const read = h.app.vault.cachedRead.bind(h.app.vault);
    vi.spyOn(h.app.vault, "cachedRead").mockImplementation(async (file) => {
      await gate.promise;
      return read(file);
    });
    const process = vi.spyOn(h.app.vault, "process");
    const first = syncAll(h);
    await syncAll(h);
    expect(h.notices().at(-1)).toBe(
      "Sync all is already running: wait for its summary, or cancel it from its progress notice.",
    );
    gate.resolve();
    await first;
    expect(process).toHaveBeenCalledTimes(3);
    expect(h.notices().filter((n) => n.startsWith("Session notes synced"))).toEqual([
      "Session notes synced: 3 updated, 0 unchanged, 0 failed.",
    ]);
  });

  it("writes nothing once the plugin is unloaded, and shows no summary", async () => {
    const h = await loadPlugin(sessionVault(40));
    const process = h.app.vault.process.bind(h.app.vault);
    let writes = 0;
    let writesAfterUnload = 0;
    let unloaded = false;
    vi.spyOn(h.app.vault, "process").mockImplementation(async (file, fn) => {
      if (unloaded) writesAfterUnload++;
      const out = await process(file, fn);
      // The user disables the plugin after the fifth write.
      if (++writes === 5) {
        h.plugin.unload();
        unloaded = true;
      }
      return out;
    });
    await syncAll(h);
    expect(writesAfterUnload).toBe(0);
    expect(writes).toBeLessThan(40);
    expect(h.notices().filter((n) => n.startsWith("Session notes synced") || n.startsWith("Sync all"))).toEqual([]);
  });
});
