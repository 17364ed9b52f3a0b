import { afterEach, describe, expect, it, vi } from "vitest";
import { Component } from "obsidian-test-mocks/obsidian";
import { SessionSettingTab } from "../../../src/app/settings/settings-tab";
import { createTranslator } from "../../../src/i18n";
import { loadPlugin, notionNotes } from "../harness";
import { deferred, indexOf, noticeSpy, sessionVault, virtualClock, watchEventLoop } from "../background";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const UNSYNCED = "Sessions/2024-01-04.md";
const TEXT = "今週のTOPIC\n@Alice\n[blog] First\n";

/** A plugin whose first scan is stuck reading `path` until the test releases it. */
async function scanHeldAt(files: Record<string, string>, path: string) {
  const h = await loadPlugin(files);
  const gate = deferred<void>();
  const read = h.app.vault.cachedRead.bind(h.app.vault);
  const held = deferred<string>();
  vi.spyOn(h.app.vault, "cachedRead").mockImplementation(async (file) => {
    if (file.path !== path) return read(file);
    // The text as it is when the read starts; handed over only when the test says.
    const text = await read(file);
    held.resolve(text);
    await gate.promise;
    return text;
  });
  h.layoutReady();
  await held.promise;
  return { h, release: () => gate.resolve(), service: indexOf(h) };
}

describe("the first scan", () => {
  it("does not add a note deleted while it was being read", async () => {
    const { h, release, service } = await scanHeldAt({ [UNSYNCED]: TEXT }, UNSYNCED);
    await h.app.fileManager.trashFile(h.file(UNSYNCED));
    release();
    await service.complete;
    expect(service.index.get(UNSYNCED)).toBeUndefined();
  });

  it("keeps an edit made while the note was being read (older text never wins)", async () => {
    const { h, release, service } = await scanHeldAt({ [UNSYNCED]: TEXT }, UNSYNCED);
    await h.app.vault.modify(h.file(UNSYNCED), `${TEXT}[論文] Second\n`);
    release();
    await service.complete;
    expect(service.index.get(UNSYNCED)?.topics.map((t) => t.title)).toEqual(["First", "Second"]);
  });

  it(
    "gives the app a turn at least every 50 ms, and tells the progress after a second",
    { timeout: 30000 },
    async () => {
      const notices = noticeSpy();
      const h = await loadPlugin(sessionVault(300));
      const clock = virtualClock(h);
      clock.cost("cachedRead", 10);
      const loop = watchEventLoop(clock.now);
      h.layoutReady();
      await indexOf(h).complete;
      loop.stop();
      expect(indexOf(h).index.size).toBe(300);
      expect(loop.longest()).toBeLessThanOrEqual(50);
      expect(notices().map((n) => n.message)).toEqual([
        expect.stringMatching(/^Indexing session notes… \d+ of 300Cancel$/),
      ]);
    },
  );

  it("is never built for a plugin unloaded before the workspace was ready", async () => {
    const h = await loadPlugin(notionNotes());
    const read = vi.spyOn(h.app.vault, "cachedRead");
    const list = vi.spyOn(h.app.vault, "getMarkdownFiles");
    const service = indexOf(h);
    h.plugin.unload();
    h.layoutReady();
    await service.complete;
    expect(service.index.size).toBe(0);
    expect(read).not.toHaveBeenCalled();
    expect(list).not.toHaveBeenCalled();
  });
});

describe("live updates", () => {
  it("drops a session note renamed to .txt, and takes it back when it is a note again", async () => {
    const h = await loadPlugin(notionNotes());
    h.layoutReady();
    const service = indexOf(h);
    await service.complete;
    const [path] = Object.keys(notionNotes());
    await h.app.vault.rename(h.file(path ?? ""), "Sessions/pasted.txt");
    expect(service.index.get(path ?? "")).toBeUndefined();
    expect(service.index.get("Sessions/pasted.txt")).toBeUndefined();
    expect(service.index.size).toBe(2);
    await h.app.vault.rename(h.file("Sessions/pasted.txt"), "Sessions/pasted.md");
    await vi.waitFor(() => expect(service.index.get("Sessions/pasted.md")?.topics.length).toBeGreaterThan(0));
  });

  it("ties a change listener to its owner: gone when the owner unloads, or when unsubscribed", async () => {
    const h = await loadPlugin({ [UNSYNCED]: TEXT });
    h.layoutReady();
    const service = indexOf(h);
    await service.complete;
    const owner = new Component();
    owner.load();
    const seen = { owned: 0, unsubscribed: 0 };
    service.onChange(() => seen.owned++, owner.asOriginalType__());
    const unsubscribe = service.onChange(() => seen.unsubscribed++);
    await h.app.vault.modify(h.file(UNSYNCED), `${TEXT}[論文] Second\n`);
    expect(seen).toEqual({ owned: 1, unsubscribed: 1 });
    owner.unload();
    unsubscribe();
    await h.app.vault.modify(h.file(UNSYNCED), TEXT);
    expect(seen).toEqual({ owned: 1, unsubscribed: 1 });
  });
});

describe("settings that change how notes read", () => {
  it("re-applies new kind aliases to the notes already indexed, synced or not", async () => {
    vi.useFakeTimers();
    const synced = "Sessions/2024-01-11.md";
    const h = await loadPlugin({
      [UNSYNCED]: "今週のTOPIC\n@Alice\n[輪読] Reading\n",
      [synced]: "今週のTOPIC\n@Bob\n[輪読] Other\n",
    });
    h.layoutReady();
    const service = indexOf(h);
    await (h.command("sync-all").callback as () => Promise<void>)();
    await vi.waitFor(() => expect(service.index.size).toBe(2));
    const kinds = (): Array<string | null | undefined> =>
      [UNSYNCED, synced].map((p) => service.index.get(p)?.topics[0]?.kind);
    expect(kinds()).toEqual(["輪読", "輪読"]);
    const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator("en"));
    await tab.setControlValue("kindAliases", "輪読 = paper");
    // Re-applied once the typing in the settings pauses, in the background.
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(kinds()).toEqual(["paper", "paper"]));
    await tab.setControlValue("kindAliases", "");
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(kinds()).toEqual(["輪読", "輪読"]));
  });
});
