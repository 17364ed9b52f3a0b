import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionSettingTab } from "../../../src/app/settings/settings-tab";
import { createTranslator } from "../../../src/i18n";
import { loadPlugin } from "../harness";
import { indexOf } from "../background";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const NOTE = "Sessions/2024-01-04.md";

describe("saving settings", () => {
  it("tells the user when saveData fails, and the index still follows the settings in use", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin({ [NOTE]: "今週のTOPIC\n@Alice\n[輪読] Reading\n" });
    h.layoutReady();
    const service = indexOf(h);
    await vi.waitFor(() => expect(service.index.size).toBe(1));
    vi.spyOn(h.plugin, "saveData").mockRejectedValue(new Error("ENOSPC: no space left on device"));
    const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator("en"));
    await expect(tab.setControlValue("kindAliases", "輪読 = paper")).resolves.toBeUndefined();
    expect(h.notices().at(-1)).toBe(
      "Study Session Notes could not save its settings (ENOSPC: no space left on device). They apply until Obsidian restarts; the next change tries again.",
    );
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(service.index.get(NOTE)?.topics[0]?.kind).toBe("paper"));
    expect(h.plugin.settings.kindAliases).toEqual({ 輪読: "paper" });
  });

  it("writes one save at a time, the last change last", async () => {
    const h = await loadPlugin({});
    const written: string[] = [];
    vi.spyOn(h.plugin, "saveData").mockImplementation(async (data: unknown) => {
      const series = (data as { seriesName: string }).seriesName;
      // The first write is slow: the second must not overtake it.
      await new Promise((resolve) => window.setTimeout(resolve, series === "A" ? 20 : 0));
      written.push(series);
    });
    const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator("en"));
    const first = tab.setControlValue("seriesName", "A");
    const second = tab.setControlValue("seriesName", "AB");
    await Promise.all([first, second]);
    expect(written.at(-1)).toBe("AB");
  });
});
