import ICAL from "ical.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import type { Editor, MarkdownView as MarkdownViewOriginal, WorkspaceLeaf as LeafOriginal } from "obsidian";
import { IndexService } from "../../../src/app/index/index-service";
import { StatsView, STATS_VIEW_TYPE } from "../../../src/app/stats/stats-view";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import { parseRoster } from "../../../src/core/session/roster";
import { createTranslator } from "../../../src/i18n";
import { loadPlugin, notionNotes, templateNotes, type Harness } from "../harness";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function serviceOf(h: Harness): IndexService {
  const children = (h.plugin as unknown as { children__: unknown[] }).children__;
  const service = children.find((c): c is IndexService => c instanceof IndexService);
  if (!service) throw new Error("no index service");
  return service;
}

const roster = parseRoster(
  "Naoto Shimakoshi\nYuta Kamikawa\n~Shun Ito\nMasamune Ishihara\nqluto (Ryosuke Fukazawa)\nYuya Matsumura\nTomoaki Kitaoka",
);

async function statsView(language = "en", data?: Partial<Settings>): Promise<{ h: Harness; view: StatsView }> {
  const h = await loadPlugin(
    { ...notionNotes(), ...templateNotes() },
    data ? { ...DEFAULT_SETTINGS, ...data } : undefined,
  );
  h.layoutReady();
  const service = serviceOf(h);
  await vi.waitFor(() => expect(service.index.size).toBe(5));
  await service.complete;
  const leaf = WorkspaceLeaf.create2__(h.app);
  const view = new StatsView(
    leaf.asOriginalType__() as unknown as LeafOriginal,
    service,
    () => h.plugin.settings,
    createTranslator(language),
    () => undefined,
  );
  view.today = () => "2024-09-20";
  await view.onOpen();
  return { h, view };
}

const texts = (view: StatsView, selector: string): string[] =>
  [...view.contentEl.querySelectorAll(selector)].map((el) => el.textContent ?? "");

describe("the session statistics view", () => {
  it("shows the rotation, the plan, three charts with tables, and every presenter", async () => {
    const { view } = await statsView("en", { roster });
    expect(view.getViewType()).toBe(STATS_VIEW_TYPE);
    expect(texts(view, ".study-session-notes-stats-summary")).toEqual(["5 sessions, 29 topics, 8 presenters"]);
    expect(texts(view, ".study-session-notes-next")).toEqual(["Next main topic: Ryosuke Fukazawa"]);
    expect(texts(view, ".study-session-notes-order li")).toEqual([
      "Naoto Shimakoshi",
      "Yuta Kamikawa",
      "Masamune IshiharaLast",
      "Ryosuke FukazawaNext",
      "Yuya Matsumura",
      "Tomoaki Kitaoka",
    ]);
    expect(view.contentEl.textContent).toContain("Skipped (not presenting for now): Shun Ito");
    // The plan: Thursdays from 2024-09-20 on, going round from qluto.
    const plan = texts(view, ".study-session-notes-rotation tbody tr").slice(0, 3);
    expect(plan).toEqual(["2024-09-26Ryosuke Fukazawa", "2024-10-03Yuya Matsumura", "2024-10-10Tomoaki Kitaoka"]);
    expect(texts(view, "figcaption")).toEqual([
      "Topics by month and kind",
      "Topics per presenter",
      "Topics per presenter and month",
    ]);
    expect(view.contentEl.querySelectorAll("svg")).toHaveLength(3);
    expect(view.contentEl.querySelectorAll("details table")).toHaveLength(3);
    const months = view.contentEl.querySelectorAll(".study-session-notes-chart")[0];
    const labels = [...(months?.querySelectorAll(".study-session-notes-datum") ?? [])].map((g) =>
      g.getAttribute("aria-label"),
    );
    expect(labels[0]).toBe("2024-05: 5 topics (Paper 1, Blog 1, Article 1, Repository 1, Untagged 1)");
    expect(labels).toHaveLength(4);
    const rows = texts(view, ".study-session-notes-presenters tbody th");
    expect(rows).toContain("Ryosuke Fukazawa");
    expect(rows).toHaveLength(8);
  });

  it("filters by date range, and shows the numbers of the focused point", async () => {
    const { view } = await statsView();
    const [from, to] = [...view.contentEl.querySelectorAll<HTMLInputElement>("input[type=date]")];
    if (!from || !to) throw new Error("no date inputs");
    from.value = "2024-08-01";
    from.dispatchEvent(new Event("change"));
    to.value = "2024-08-31";
    to.dispatchEvent(new Event("change"));
    expect(texts(view, ".study-session-notes-stats-summary")).toEqual(["1 sessions, 8 topics, 7 presenters"]);
    const point = view.contentEl.querySelector<SVGGElement>(".study-session-notes-datum");
    point?.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    const tip = view.contentEl.querySelector(".study-session-notes-tooltip");
    expect(tip?.classList.contains("is-hidden")).toBe(false);
    expect(tip?.textContent).toMatch(/^2024-08: 8 topics/);
    from.value = "2030-01-01";
    from.dispatchEvent(new Event("change"));
    expect(texts(view, ".study-session-notes-empty")).toEqual(["No session notes in this range."]);
  });

  it("speaks Japanese", async () => {
    const { view } = await statsView("ja", { roster });
    expect(view.getDisplayText()).toBe("勉強会の統計");
    expect(texts(view, "figcaption")).toEqual([
      "月別・種類別のトピック数",
      "発表者別のトピック数",
      "発表者×月のトピック数",
    ]);
    expect(texts(view, ".study-session-notes-next")).toEqual(["次のメインTOPIC: Ryosuke Fukazawa"]);
    expect(texts(view, ".study-session-notes-stats-summary")).toEqual(["5 回・29 トピック・発表者 8 人"]);
  });
});

describe("Insert statistics and Export schedule", () => {
  it("inserts the tables at the cursor in one change, and writes a schedule that ical.js reads", async () => {
    const h = await loadPlugin(
      { ...notionNotes(), "Reports/term.md": "# Term report\n\n" },
      { ...DEFAULT_SETTINGS, roster, meetingTime: "19:00", meetingMinutes: 90, scheduleCount: 4 },
    );
    h.layoutReady();
    const view = await h.open("Reports/term.md");
    view.editor.setCursor({ line: 2, ch: 0 });
    await (h.command("insert-stats").editorCallback as (e: Editor, v: MarkdownViewOriginal) => Promise<void>)(
      view.editor.asOriginalType__(),
      view.asOriginalType7__(),
    );
    const text = view.editor.getValue();
    expect(text.startsWith("# Term report\n\n### Presenters\n\n| Presenter | Topics |")).toBe(true);
    expect(text).toContain("| Ryosuke Fukazawa | 3 |");
    expect(text).toContain("- Next: Naoto Shimakoshi");

    const path = await (h.command("export-schedule").callback as () => Promise<string | null>)();
    expect(path).toBe("Sessions/schedule.ics");
    const ics = await h.app.vault.read(h.file("Sessions/schedule.ics"));
    const events = new ICAL.Component(ICAL.parse(ics) as unknown[])
      .getAllSubcomponents("vevent")
      .map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.summary.startsWith("機械学習勉強会: main topic by "))).toBe(true);
    expect(events[0]?.startDate.toString()).toMatch(/T19:00:00$/);
    expect(events[0]?.endDate.toString()).toMatch(/T20:30:00$/);
    // Exported again: our own file is replaced; a file of the user's under that name never is.
    expect(await (h.command("export-schedule").callback as () => Promise<string | null>)()).toBe(path);
    await h.app.vault.modify(h.file(path ?? ""), "my own notes");
    expect(await (h.command("export-schedule").callback as () => Promise<string | null>)()).toBeNull();
    expect(await h.app.vault.read(h.file(path ?? ""))).toBe("my own notes");
    expect(h.notices().at(-1)).toContain("was not written by this plugin");
  });
});
