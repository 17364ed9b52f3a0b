import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionSettingTab } from "../../../src/app/settings/settings-tab";
import { FolderSuggest, MarkdownFileSuggest } from "../../../src/app/settings/path-suggest";
import { createTranslator } from "../../../src/i18n";

/** The suggesters' protected side, reached as Obsidian reaches it. */
interface Suggest {
  getSuggestions(query: string): Array<{ path: string }>;
  selectSuggestion(item: { path: string } | undefined): void;
}
import { loadPlugin } from "../harness";

afterEach(() => vi.restoreAllMocks());

/** The text field of the setting row named `name`. */
function inputOf(tab: SessionSettingTab, name: string): HTMLInputElement {
  const row = [...tab.containerEl.children].find((r) => r.children[1]?.children[0]?.textContent === name);
  const input = row?.querySelector("input");
  if (!input) throw new Error(`no text field for ${name}`);
  return input;
}

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
      "Presenters as links to people notes",
      "People folder",
      "Papers",
      "Papers folder",
      "Semantic Scholar API key",
      "arXiv API address",
      "Semantic Scholar API address",
      "Crossref API address",
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
    // An API address that is not http(s) is not taken; empty restores the default.
    await tab.setControlValue("arxivApi", "ftp://example.org");
    expect(h.plugin.settings.arxivApi).toBe("https://export.arxiv.org/api/query");
    await tab.setControlValue("arxivApi", "http://127.0.0.1:8080/api/query/");
    expect(h.plugin.settings.arxivApi).toBe("http://127.0.0.1:8080/api/query");
    await tab.setControlValue("arxivApi", "");
    expect(h.plugin.settings.arxivApi).toBe("https://export.arxiv.org/api/query");
    await tab.setControlValue("papersFolder", "/Library/Papers/");
    expect(h.plugin.settings.papersFolder).toBe("Library/Papers");
  });

  it.each([
    { lang: "en" as const, message: "Not a date, so it is not used: enter it as YYYY-MM-DD (for example 2024-08-29)." },
    {
      lang: "ja" as const,
      message: "日付ではないため使われません。YYYY-MM-DD の形で入力してください（例: 2024-08-29）。",
    },
  ])(
    "shows an invalid meeting date as invalid, named to assistive technology, not dropped ($lang)",
    async ({ lang, message }) => {
      // A data.json edited by hand: the date is kept and shown as wrong.
      const h = await loadPlugin({}, { anchorDate: "2024-02-30" });
      expect(h.plugin.settings.anchorDate).toBe("2024-02-30");
      const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator(lang));
      tab.draw();
      const input = inputOf(tab, lang === "en" ? "A meeting date" : "開催日の例");
      expect(input.value).toBe("2024-02-30");
      expect(input.getAttribute("aria-invalid")).toBe("true");
      expect(input.classList.contains("is-invalid")).toBe(true);
      // Described by the setting's description and by the error under it.
      const described = (input.getAttribute("aria-describedby") ?? "").split(" ");
      expect(described).toHaveLength(2);
      const error = tab.containerEl.querySelector(`#${described[1] ?? ""}`);
      expect(error?.textContent).toBe(message);

      const save = vi.spyOn(h.plugin, "saveData");
      input.value = "2024-08-29";
      input.dispatchEvent(new Event("input"));
      await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
      expect(h.plugin.settings.anchorDate).toBe("2024-08-29");
      expect(input.getAttribute("aria-invalid")).toBe("false");
      expect(error?.textContent).toBe("");
    },
  );

  it("offers the vault's folders and Markdown notes as suggestions; a choice is saved", async () => {
    const h = await loadPlugin({ "Weekly/2024.md": "x", "Templates/Session.md": "t", "Templates/logo.png": "" });
    const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator("en"));
    tab.draw();
    const definitions = tab.getSettingDefinitions().flatMap((g) => ("items" in g ? (g.items ?? []) : []));
    const control = (key: string) =>
      definitions.map((d) => ("control" in d ? d.control : undefined)).find((c) => c?.key === key);
    expect(control("sessionsFolder")?.type).toBe("folder");
    expect(control("sessionTemplate")?.type).toBe("file");
    expect(control("paperTemplate")?.type).toBe("file");

    const folder = inputOf(tab, "Sessions folder");
    const suggest = new FolderSuggest(h.app.asOriginalType__(), folder) as unknown as Suggest;
    expect(suggest.getSuggestions("wee").map((f) => f.path)).toEqual(["Weekly"]);
    const notes = new MarkdownFileSuggest(h.app.asOriginalType__(), folder) as unknown as Suggest;
    expect(notes.getSuggestions("templ").map((f) => f.path)).toEqual(["Templates/Session.md"]);

    const save = vi.spyOn(h.plugin, "saveData");
    suggest.selectSuggestion(suggest.getSuggestions("wee")[0]);
    expect(folder.value).toBe("Weekly");
    await vi.waitFor(() => expect(save).toHaveBeenCalled());
    expect(h.plugin.settings.sessionsFolder).toBe("Weekly");
  });

  it("offers the same definitions to Obsidian 1.13's settings search", async () => {
    const h = await loadPlugin({});
    const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator("ja"));
    const groups = tab.getSettingDefinitions();
    expect(groups.map((g) => ("heading" in g ? g.heading : null))).toEqual([
      "新しい勉強会ノート",
      "メンバー",
      "トピック",
      "論文",
    ]);
  });
});
