import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionSettingTab } from "../../../src/app/settings/settings-tab";
import { createTranslator } from "../../../src/i18n";
import { loadPlugin } from "../harness";

afterEach(() => vi.restoreAllMocks());

describe("settings tab", () => {
  it("draws every setting (before Obsidian 1.13) and saves what the controls say", async () => {
    const h = await loadPlugin({});
    const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator("en"));
    tab.draw();
    // The mocks' Setting: a row holds its control, then its info (whose first child is the name).
    const names = [...tab.containerEl.children].map((row) => row.children[1]?.children[0]?.textContent);
    expect(names).toEqual([
      "New session notes",
      "Sessions folder",
      "File name",
      "Series name",
      "Meeting day",
      "How often",
      "A meeting date",
      "Session template note",
      "Paper summary template note",
      "Group",
      "Members",
      "Main topic rotation",
      "Meeting time",
      "Meeting length in minutes",
      "Upcoming meetings",
      "Topics",
      "Kind aliases",
      "Sync topics automatically",
    ]);
    const save = vi.spyOn(h.plugin, "saveData");
    await tab.setControlValue("roster", "Ryosuke Fukazawa / qluto\n~Shun Ito\n\n");
    expect(h.plugin.settings.roster).toEqual([
      { name: "Ryosuke Fukazawa", aliases: ["qluto"], active: true },
      { name: "Shun Ito", aliases: [], active: false },
    ]);
    expect(tab.getControlValue("roster")).toBe("Ryosuke Fukazawa / qluto\n~Shun Ito");
    await tab.setControlValue("weekday", "2");
    await tab.setControlValue("intervalWeeks", "2");
    await tab.setControlValue("kindAliases", "輪読 = paper");
    expect(h.plugin.settings).toMatchObject({ weekday: 2, intervalWeeks: 2, kindAliases: { 輪読: "paper" } });
    await tab.setControlValue("anchorDate", "2024-02-30");
    expect(h.plugin.settings.anchorDate).toBe("");
    // Four saves: the invalid date was not saved.
    expect(save).toHaveBeenCalledTimes(4);
    await tab.setControlValue("meetingTime", "25:00");
    await tab.setControlValue("scheduleCount", "0");
    expect(save).toHaveBeenCalledTimes(4);
    await tab.setControlValue("meetingTime", "19:30");
    await tab.setControlValue("scheduleCount", "12");
    expect(h.plugin.settings).toMatchObject({ meetingTime: "19:30", scheduleCount: 12 });
  });

  it("offers the same definitions to Obsidian 1.13's settings search", async () => {
    const h = await loadPlugin({});
    const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator("ja"));
    const groups = tab.getSettingDefinitions();
    expect(groups.map((g) => ("heading" in g ? g.heading : null))).toEqual([
      "新しい勉強会ノート",
      "メンバー",
      "トピック",
    ]);
  });
});
