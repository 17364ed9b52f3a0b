import { afterEach, describe, expect, it, vi } from "vitest";
import { loadPlugin } from "../harness";
import { deferred, indexOf } from "../background";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("New session note and the plugin's lifecycle", () => {
  it("creates nothing when the plugin is unloaded while the command waits for the first scan", async () => {
    const h = await loadPlugin({ "Notes/unsynced.md": "今週のTOPIC\n@Alice\n[blog] First\n" });
    const gate = deferred<void>();
    const read = h.app.vault.cachedRead.bind(h.app.vault);
    vi.spyOn(h.app.vault, "cachedRead").mockImplementation(async (file) => {
      await gate.promise;
      return read(file);
    });
    const create = vi.spyOn(h.app.vault, "create");
    const service = indexOf(h);
    h.layoutReady();
    const command = (h.command("new-session-note").callback as () => Promise<unknown>)();
    h.plugin.unload();
    gate.resolve();
    await command;
    await service.complete;
    expect(create).not.toHaveBeenCalled();
    expect(h.app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["Notes/unsynced.md"]);
  });
});
