/**
 * "Session statistics": a leaf in the main area with who presented what (per presenter and month,
 * as charts and tables), the main-topic rotation and the upcoming meetings, filtered by date range and
 * series. Names and titles are set as text, never HTML.
 */
import { ItemView, type WorkspaceLeaf } from "obsidian";
import { BUILTIN_KINDS } from "../../core/note/kinds";
import { fromIso, toIso } from "../../core/session/schedule";
import type { Settings } from "../../core/settings";
import { computeStats, NO_KIND, upcomingMeetings, type Stats } from "../../core/stats/stats";
import type { MessageKey, Translate } from "../../i18n";
import type { IndexService } from "../index/index-service";
import { barChart, columnChart, heatStrip, scrollBox, type ChartSeries } from "./charts";
import { css } from "../css";

export const STATS_VIEW_TYPE = "study-session-notes-stats";
export const STATS_VIEW_ICON = "bar-chart-2";

/** Okabe–Ito has eight colours; kinds beyond them share (the legend and tables still tell them apart). */
const PALETTE_SIZE = 8;

export class StatsView extends ItemView {
  #from = "";
  #to = "";
  #series = "";
  #bodyEl: HTMLElement | null = null;
  #refreshTimer: number | null = null;
  /** Today as `YYYY-MM-DD` (tests fix it). */
  today: () => string = () => toIso(new Date());

  readonly #service: IndexService;
  readonly #settings: () => Settings;
  readonly #t: Translate;
  readonly #exportSchedule: () => void;

  constructor(
    leaf: WorkspaceLeaf,
    service: IndexService,
    settings: () => Settings,
    t: Translate,
    exportSchedule: () => void,
  ) {
    super(leaf);
    this.#service = service;
    this.#settings = settings;
    this.#t = t;
    this.#exportSchedule = exportSchedule;
  }

  getViewType(): string {
    return STATS_VIEW_TYPE;
  }

  getDisplayText(): string {
    return this.#t("stats.title");
  }

  override getIcon(): string {
    return STATS_VIEW_ICON;
  }

  override async onOpen(): Promise<void> {
    const root = this.contentEl;
    root.empty();
    root.addClass(css("stats"));
    root.createEl("h2", { text: this.#t("stats.title") });
    const toolbar = root.createDiv({ cls: css("stats-filters") });
    const dateInput = (label: MessageKey, set: (value: string) => void): void => {
      const field = toolbar.createEl("label", { cls: css("field") });
      field.createSpan({ text: this.#t(label) });
      const input = field.createEl("input", { attr: { type: "date" } });
      this.registerDomEvent(input, "change", () => {
        set(fromIso(input.value) ? input.value : "");
        this.refresh();
      });
    };
    dateInput("stats.filter.from", (v) => (this.#from = v));
    dateInput("stats.filter.to", (v) => (this.#to = v));
    const seriesField = toolbar.createEl("label", { cls: css("field") });
    seriesField.createSpan({ text: this.#t("stats.filter.series") });
    const select = seriesField.createEl("select", { cls: ["dropdown", css("series")] });
    this.registerDomEvent(select, "change", () => {
      this.#series = select.value;
      this.refresh();
    });
    const exportButton = toolbar.createEl("button", { text: this.#t("stats.command.export") });
    this.registerDomEvent(exportButton, "click", () => this.#exportSchedule());
    this.#bodyEl = root.createDiv({ cls: css("stats-body") });
    this.#service.onChange(() => this.#scheduleRefresh());
    this.register(() => {
      if (this.#refreshTimer !== null) window.clearTimeout(this.#refreshTimer);
    });
    this.refresh();
    await Promise.resolve();
  }

  override async onClose(): Promise<void> {
    this.#bodyEl = null;
    this.contentEl.empty();
    await Promise.resolve();
  }

  #scheduleRefresh(): void {
    if (this.#refreshTimer !== null) return;
    this.#refreshTimer = window.setTimeout(() => {
      this.#refreshTimer = null;
      this.refresh();
    }, 300);
  }

  /** Draw everything again from the index (tests and the live update call this). */
  refresh(): void {
    const body = this.#bodyEl;
    if (!body) return;
    body.empty();
    if (!this.#service.isReady) {
      body.createEl("p", { text: this.#t("view.loading") });
      return;
    }
    const settings = this.#settings();
    const stats = computeStats(this.#service.index, settings, {
      from: this.#from || null,
      to: this.#to || null,
      series: this.#series || null,
    });
    this.#fillSeries(stats.series);
    body.createEl("p", {
      cls: css("stats-summary"),
      text: this.#t("stats.summary", {
        sessions: stats.sessions,
        topics: stats.topics,
        presenters: stats.presenters.filter((p) => p.topics > 0).length,
      }),
    });
    this.#rotation(body, stats, settings);
    if (stats.sessions === 0) {
      body.createEl("p", { cls: css("empty"), text: this.#t("stats.empty") });
      return;
    }
    this.#charts(body, stats);
    this.#presenterTable(body, stats);
  }

  #fillSeries(all: readonly string[]): void {
    const select = this.contentEl.querySelector<HTMLSelectElement>(".study-session-notes-series");
    if (!select || select.options.length === all.length + 1) return;
    select.empty();
    select.createEl("option", { value: "", text: this.#t("stats.filter.allSeries") });
    for (const name of all) select.createEl("option", { value: name, text: name });
    select.value = all.includes(this.#series) ? this.#series : "";
  }

  #rotation(parent: HTMLElement, stats: Stats, settings: Settings): void {
    const section = parent.createEl("section", { cls: css("rotation") });
    section.createEl("h3", { text: this.#t("stats.rotation.heading") });
    const r = stats.rotation;
    if (r.order.length === 0) {
      section.createEl("p", { text: this.#t("stats.rotation.none") });
    } else {
      section.createEl("p", {
        cls: css("next"),
        text: this.#t("stats.rotation.next", { name: r.next ?? this.#t("stats.none") }),
      });
      if (r.last !== null) section.createEl("p", { text: this.#t("stats.rotation.last", { name: r.last }) });
      const list = section.createEl("ol", {
        cls: css("order"),
        attr: { "aria-label": this.#t("stats.rotation.order") },
      });
      for (const name of r.order) {
        const li = list.createEl("li", { text: name });
        if (name === r.next) {
          li.addClass("is-next");
          li.createSpan({ cls: css("mark"), text: this.#t("stats.rotation.markNext") });
        }
        if (name === r.last) {
          li.addClass("is-last");
          li.createSpan({ cls: css("mark"), text: this.#t("stats.rotation.markLast") });
        }
      }
      if (r.skipped.length > 0)
        section.createEl("p", { text: this.#t("stats.rotation.skipped", { names: r.skipped.join(", ") }) });
    }
    const meetings = upcomingMeetings(this.#service.index, settings, this.today(), settings.scheduleCount);
    section.createEl("h4", { text: this.#t("stats.plan.heading") });
    const table = scrollBox(section, this.#t("stats.plan.heading")).createEl("table");
    const head = table.createEl("thead").createEl("tr");
    head.createEl("th", { text: this.#t("stats.plan.date"), attr: { scope: "col" } });
    head.createEl("th", { text: this.#t("stats.plan.main"), attr: { scope: "col" } });
    const tbody = table.createEl("tbody");
    for (const m of meetings) {
      const tr = tbody.createEl("tr");
      tr.createEl("td", { text: m.date });
      tr.createEl("td", { text: m.mainPresenter ?? this.#t("stats.plan.unknown") });
    }
  }

  #charts(parent: HTMLElement, stats: Stats): void {
    const section = parent.createEl("section", { cls: css("charts") });
    const series: ChartSeries[] = stats.kinds.map((kind) => ({
      key: kind,
      label: this.#kindName(kind),
      cls: kindClass(kind),
    }));
    let year = "";
    const months = stats.months.map((m) => {
      const y = m.month.slice(0, 4);
      const sub = y !== year ? y : "";
      year = y;
      return { key: m.month, label: m.month.slice(5), sub, values: stats.kinds.map((k) => m.byKind[k] ?? 0) };
    });
    columnChart(
      section,
      {
        id: "months",
        title: this.#t("stats.chart.months"),
        itemHeading: this.#t("stats.col.month"),
        series,
        items: months,
      },
      this.#t,
    );
    const people = stats.presenters.filter((p) => p.topics > 0);
    barChart(
      section,
      {
        id: "presenters",
        title: this.#t("stats.chart.presenters"),
        itemHeading: this.#t("stats.col.presenter"),
        series,
        items: people.map((p) => ({
          key: p.name,
          label: p.name,
          sub: "",
          values: stats.kinds.map((k) => p.byKind[k] ?? 0),
        })),
      },
      this.#t,
    );
    heatStrip(
      section,
      {
        id: "heat",
        title: this.#t("stats.chart.heat"),
        rowHeading: this.#t("stats.col.presenter"),
        rows: people.map((p) => p.name),
        columns: months.map((m) => ({ key: m.key, label: m.label, sub: m.sub })),
        values: people.map((p) => months.map((m) => p.byMonth[m.key] ?? 0)),
      },
      this.#t,
    );
  }

  #presenterTable(parent: HTMLElement, stats: Stats): void {
    const section = parent.createEl("section", { cls: css("presenters") });
    section.createEl("h3", { text: this.#t("stats.presenters.heading") });
    const table = scrollBox(section, this.#t("stats.presenters.heading")).createEl("table");
    const head = table.createEl("thead").createEl("tr");
    for (const key of [
      "stats.col.presenter",
      "stats.col.topics",
      "stats.col.main",
      "stats.col.last",
      "stats.col.missed",
    ])
      head.createEl("th", { text: this.#t(key as MessageKey), attr: { scope: "col" } });
    const tbody = table.createEl("tbody");
    const none = this.#t("stats.none");
    for (const p of stats.presenters) {
      const tr = tbody.createEl("tr");
      tr.createEl("th", { text: p.name, attr: { scope: "row" } });
      const kinds = stats.kinds
        .filter((k) => (p.byKind[k] ?? 0) > 0)
        .map((k) => `${this.#kindName(k)} ${p.byKind[k] ?? 0}`)
        .join(", ");
      tr.createEl("td", { text: kinds ? `${p.topics} (${kinds})` : String(p.topics) });
      const main = tr.createEl("td");
      if (p.main.length === 0) main.setText(none);
      for (const m of p.main) main.createDiv({ text: `${m.date ?? none} ${m.title}` });
      tr.createEl("td", { cls: css("nowrap"), text: p.last ?? none });
      tr.createEl("td", { text: p.missed === null ? none : String(p.missed) });
    }
  }

  #kindName(kind: string): string {
    if (kind === NO_KIND) return this.#t("view.none.kind");
    const key = `kind.${kind}` as MessageKey;
    const name = this.#t(key);
    return name === key ? kind : name;
  }
}

/** A kind's colour class: the built-in kinds keep theirs whatever the filter; others by a hash. */
export function kindClass(kind: string): string {
  if (kind === NO_KIND) return css("kind-none");
  const builtin = Object.keys(BUILTIN_KINDS).indexOf(kind);
  let n = builtin;
  if (n < 0) {
    n = 0;
    for (let i = 0; i < kind.length; i++) n = (n * 31 + kind.charCodeAt(i)) >>> 0;
  }
  return `study-session-notes-kind-${n % PALETTE_SIZE}`;
}
