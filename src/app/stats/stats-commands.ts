/** The statistics view's registration and the commands "Open session statistics", "Insert statistics", "Export schedule (.ics)". */
import { Notice, TFile, normalizePath, type App, type Editor, type Plugin } from "obsidian";
import { toIso } from "../../core/session/schedule";
import type { Settings } from "../../core/settings";
import { calendar } from "../../core/stats/ics";
import { statsReport, type ReportLabels } from "../../core/stats/report";
import { computeStats, NO_KIND, seriesName, upcomingMeetings } from "../../core/stats/stats";
import type { MessageKey, Translate } from "../../i18n";
import type { IndexService } from "../index/index-service";
import { language } from "../session/session-commands";
import { STATS_VIEW_TYPE, StatsView } from "./stats-view";

const PRODID_MARK = "PRODID:-//Study Session Notes//";

export class StatsCommands {
  readonly #app: App;

  constructor(
    app: App,
    readonly service: IndexService,
    readonly settings: () => Settings,
    readonly t: Translate,
  ) {
    this.#app = app;
  }

  /** The statistics as Markdown tables at the cursor (one change through the editor: one undo step). */
  async insert(editor: Editor): Promise<void> {
    await this.service.complete;
    const stats = computeStats(this.service.index, this.settings());
    if (stats.sessions === 0) {
      new Notice(this.t("stats.insert.empty"));
      return;
    }
    const report = statsReport(stats, this.#labels());
    const cursor = editor.getCursor();
    const before = cursor.ch > 0 ? "\n\n" : "";
    editor.replaceSelection(`${before}${report}`);
  }

  /** The next meetings, each with its main presenter, as an iCalendar file beside the session notes. */
  async exportSchedule(today = toIso(new Date())): Promise<string | null> {
    await this.service.complete;
    const settings = this.settings();
    const index = this.service.index;
    const series = seriesName(index, settings, language());
    const meetings = upcomingMeetings(index, settings, today, settings.scheduleCount);
    const text = calendar(
      meetings.map((m) => ({
        date: m.date,
        summary: m.mainPresenter === null ? series : this.t("stats.export.summary", { series, name: m.mainPresenter }),
        description: m.mainPresenter === null ? "" : this.t("stats.export.description", { name: m.mainPresenter }),
      })),
      {
        name: series,
        time: settings.meetingTime || null,
        minutes: settings.meetingMinutes,
        stamp: new Date(),
        uidSeed: series,
      },
    );
    const folder = settings.sessionsFolder.replace(/^\/+|\/+$/g, "");
    const path = normalizePath(folder ? `${folder}/schedule.ics` : "schedule.ics");
    try {
      const existing = this.#app.vault.getAbstractFileByPath(path);
      if (existing instanceof TFile) {
        const old = await this.#app.vault.read(existing);
        // Our own earlier export is replaced; a file of the user's with that name is never touched.
        if (!old.startsWith("BEGIN:VCALENDAR") || !old.includes(PRODID_MARK)) {
          new Notice(this.t("stats.export.foreign", { path }));
          return null;
        }
        await this.#app.vault.process(existing, () => text);
      } else if (existing) {
        new Notice(this.t("stats.export.foreign", { path }));
        return null;
      } else {
        if (folder && !this.#app.vault.getAbstractFileByPath(normalizePath(folder)))
          await this.#app.vault.createFolder(normalizePath(folder));
        await this.#app.vault.create(path, text);
      }
    } catch (error) {
      new Notice(this.t("stats.export.failed", { reason: error instanceof Error ? error.message : String(error) }));
      return null;
    }
    new Notice(this.t("stats.export.done", { count: meetings.length, path }));
    return path;
  }

  #labels(): ReportLabels {
    const t = this.t;
    return {
      presenters: t("stats.presenters.heading"),
      presenter: t("stats.col.presenter"),
      topics: t("stats.col.topics"),
      main: t("stats.col.main"),
      last: t("stats.col.last"),
      missed: t("stats.col.missed"),
      months: t("stats.months.heading"),
      month: t("stats.col.month"),
      rotation: t("stats.rotation.heading"),
      order: t("stats.rotation.order"),
      lastMain: t("stats.report.lastMain"),
      next: t("stats.report.next"),
      skipped: t("stats.report.skipped"),
      none: t("stats.none"),
      kind: (kind) => {
        if (kind === NO_KIND) return t("view.none.kind");
        const key = `kind.${kind}` as MessageKey;
        const name = t(key);
        return name === key ? kind : name;
      },
    };
  }
}

export function registerStats(plugin: Plugin, commands: StatsCommands): void {
  const { service, settings, t } = commands;
  plugin.registerView(
    STATS_VIEW_TYPE,
    (leaf) => new StatsView(leaf, service, settings, t, () => void commands.exportSchedule()),
  );
  plugin.addCommand({
    id: "open-session-stats",
    name: t("stats.command.open"),
    callback: () => openStatsView(plugin.app),
  });
  plugin.addCommand({
    id: "insert-stats",
    name: t("stats.command.insert"),
    editorCallback: (editor) => commands.insert(editor),
  });
  plugin.addCommand({
    id: "export-schedule",
    name: t("stats.command.export"),
    callback: () => commands.exportSchedule(),
  });
}

/** Reuse the open statistics leaf, or open one as a tab in the main area. */
export async function openStatsView(app: App): Promise<void> {
  const { workspace } = app;
  let leaf = workspace.getLeavesOfType(STATS_VIEW_TYPE)[0] ?? null;
  if (!leaf) {
    leaf = workspace.getLeaf("tab");
    await leaf.setViewState({ type: STATS_VIEW_TYPE, active: true });
  }
  await workspace.revealLeaf(leaf);
}
