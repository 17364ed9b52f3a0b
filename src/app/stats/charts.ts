/**
 * The statistics view's charts: SVG drawn from plain numbers, coloured by CSS classes (styles.css maps
 * them to a colour-blind-safe palette over Obsidian's variables). Each chart has a caption, a table of
 * the same numbers, and data points that show their numbers on hover, tap and keyboard focus (one tab
 * stop a chart; arrow keys move between points).
 */
import type { Translate } from "../../i18n";
import { css } from "../css";

export interface ChartSeries {
  key: string;
  label: string;
  /** CSS class giving the colour (`study-session-notes-kind-3`). */
  cls: string;
}

export interface ChartItem {
  key: string;
  label: string;
  /** A second label line (the year under a month), or "". */
  sub: string;
  /** One value per series. */
  values: number[];
}

export interface StackedChart {
  id: string;
  title: string;
  /** The first column's heading in the table view. */
  itemHeading: string;
  series: ChartSeries[];
  items: ChartItem[];
}

export interface HeatChart {
  id: string;
  title: string;
  rowHeading: string;
  rows: string[];
  columns: Array<{ key: string; label: string; sub: string }>;
  /** values[row][column]. */
  values: number[][];
}

const COLUMN = 28;
const COLUMN_GAP = 10;
const PLOT = 140;
const CELL = 24;
const CELL_GAP = 3;

let chartCount = 0;

/** Stacked columns, one per item (months): the total above, the label below. */
export function columnChart(parent: HTMLElement, chart: StackedChart, t: Translate): void {
  const figure = figureFor(parent, chart.title, chart.id);
  const max = Math.max(1, ...chart.items.map(total));
  const width = Math.max(COLUMN_GAP + chart.items.length * (COLUMN + COLUMN_GAP), 120);
  const height = PLOT + 20 + 34;
  const svg = svgFor(figure.scroll, width, height, figure.captionId);
  chart.items.forEach((item, i) => {
    const x = COLUMN_GAP + i * (COLUMN + COLUMN_GAP);
    const g = datum(svg, describe(item, chart.series, t), i);
    g.createSvg("rect", {
      cls: css("hit"),
      attr: { x: x - 3, y: 0, width: COLUMN + 6, height: PLOT + 20 },
    });
    let y = PLOT + 20;
    item.values.forEach((value, s) => {
      if (value === 0) return;
      const h = (value / max) * PLOT;
      y -= h;
      g.createSvg("rect", {
        cls: `study-session-notes-segment ${chart.series[s]?.cls ?? ""}`,
        attr: { x, y, width: COLUMN, height: h },
      });
    });
    text(g, String(total(item)), x + COLUMN / 2, y - 4, css("value"));
    text(svg, item.label, x + COLUMN / 2, PLOT + 34, css("axis"));
    if (item.sub) text(svg, item.sub, x + COLUMN / 2, PLOT + 48, css("axis"));
  });
  legend(figure.figure, chart.series, t);
  tableFor(figure.figure, chart, t);
  interact(figure.figure, svg, () => 1);
}

/** Horizontal stacked bars, one per item (presenters): the name above its bar, the total after it. */
export function barChart(parent: HTMLElement, chart: StackedChart, t: Translate): void {
  const figure = figureFor(parent, chart.title, chart.id);
  const width = 320;
  const row = 34;
  const max = Math.max(1, ...chart.items.map(total));
  const svg = svgFor(figure.scroll, width, Math.max(row, chart.items.length * row), figure.captionId, true);
  chart.items.forEach((item, i) => {
    const top = i * row;
    const g = datum(svg, describe(item, chart.series, t), i);
    g.createSvg("rect", { cls: css("hit"), attr: { x: 0, y: top, width, height: row } });
    text(g, item.label, 2, top + 13, css("name"), "start");
    let x = 2;
    item.values.forEach((value, s) => {
      if (value === 0) return;
      const w = (value / max) * (width - 40);
      g.createSvg("rect", {
        cls: `study-session-notes-segment ${chart.series[s]?.cls ?? ""}`,
        attr: { x, y: top + 17, width: w, height: 12 },
      });
      x += w;
    });
    text(g, String(total(item)), x + 4, top + 27, css("value"), "start");
  });
  tableFor(figure.figure, chart, t);
  interact(figure.figure, svg, () => 1);
}

/** Presenter × month: a strip of cells per presenter, darker for more topics, the count in the cell. */
export function heatStrip(parent: HTMLElement, chart: HeatChart, t: Translate): void {
  const figure = figureFor(parent, chart.title, chart.id);
  const max = Math.max(1, ...chart.values.flat());
  const head = 30;
  const row = 16 + CELL + 6;
  const width = Math.max(chart.columns.length * (CELL + CELL_GAP), 120);
  const svg = svgFor(figure.scroll, width, head + chart.rows.length * row, figure.captionId);
  chart.columns.forEach((column, c) => {
    const x = c * (CELL + CELL_GAP) + CELL / 2;
    text(svg, column.label, x, 12, css("axis"));
    if (column.sub) text(svg, column.sub, x, 25, css("axis"));
  });
  let i = 0;
  chart.rows.forEach((name, r) => {
    const top = head + r * row;
    text(svg, name, 0, top + 12, css("name"), "start");
    chart.columns.forEach((column, c) => {
      const value = chart.values[r]?.[c] ?? 0;
      const level = value === 0 ? 0 : Math.min(4, Math.ceil((value / max) * 4));
      const label = `${name}, ${column.key}: ${t("stats.chart.topics", { count: value })}`;
      const g = datum(svg, label, i++);
      const x = c * (CELL + CELL_GAP);
      g.createSvg("rect", {
        cls: `study-session-notes-heat is-level-${level}`,
        attr: { x, y: top + 16, width: CELL, height: CELL, rx: 3 },
      });
      if (value > 0)
        text(
          g,
          String(value),
          x + CELL / 2,
          top + 16 + CELL / 2 + 4,
          `study-session-notes-heat-value is-level-${level}`,
        );
    });
  });
  const table = tableShell(figure.figure, t, [chart.rowHeading, ...chart.columns.map((c) => c.key)]);
  chart.rows.forEach((name, r) => {
    const tr = table.createEl("tr");
    tr.createEl("th", { text: name, attr: { scope: "row" } });
    for (let c = 0; c < chart.columns.length; c++) tr.createEl("td", { text: String(chart.values[r]?.[c] ?? 0) });
  });
  interact(figure.figure, svg, () => chart.columns.length);
}

function total(item: ChartItem): number {
  return item.values.reduce((a, b) => a + b, 0);
}

function describe(item: ChartItem, series: readonly ChartSeries[], t: Translate): string {
  const parts = item.values
    .map((value, s) => (value > 0 ? `${series[s]?.label ?? ""} ${value}` : ""))
    .filter((part) => part !== "");
  const head = `${item.key}: ${t("stats.chart.topics", { count: total(item) })}`;
  return parts.length > 0 ? `${head} (${parts.join(", ")})` : head;
}

function figureFor(
  parent: HTMLElement,
  title: string,
  id: string,
): { figure: HTMLElement; scroll: HTMLElement; captionId: string } {
  const captionId = `study-session-notes-chart-${id}-${++chartCount}`;
  const figure = parent.createEl("figure", { cls: css("chart") });
  figure.createEl("figcaption", { text: title, attr: { id: captionId } });
  const scroll = figure.createDiv({ cls: css("chart-scroll") });
  return { figure, scroll, captionId };
}

function svgFor(parent: HTMLElement, width: number, height: number, labelledBy: string, fluid = false): SVGSVGElement {
  return parent.createSvg("svg", {
    cls: fluid ? [css("svg"), "is-fluid"] : css("svg"),
    attr: {
      viewBox: `0 0 ${width} ${height}`,
      ...(fluid ? {} : { width, height }),
      role: "group",
      "aria-labelledby": labelledBy,
      // Chromium makes a chart wider than its pane a tab stop of its own; its points are the stops.
      tabindex: "-1",
    },
  });
}

/** A data point: focusable (one at a time, see `interact`), named with its numbers for screen readers. */
function datum(svg: SVGSVGElement, label: string, index: number): SVGGElement {
  return svg.createSvg("g", {
    cls: css("datum"),
    attr: { role: "img", "aria-label": label, tabindex: index === 0 ? "0" : "-1", "data-index": index },
  });
}

function text(
  parent: SVGElement,
  value: string,
  x: number,
  y: number,
  cls: string,
  anchor: "middle" | "start" = "middle",
): void {
  const el = parent.createSvg("text", { cls, attr: { x, y, "text-anchor": anchor, "aria-hidden": "true" } });
  el.textContent = value;
}

function legend(parent: HTMLElement, series: readonly ChartSeries[], t: Translate): void {
  const list = parent.createEl("ul", {
    cls: css("legend"),
    attr: { "aria-label": t("stats.chart.legend") },
  });
  for (const s of series) {
    const li = list.createEl("li");
    li.createSpan({ cls: `study-session-notes-swatch ${s.cls}`, attr: { "aria-hidden": "true" } });
    li.createSpan({ text: s.label });
  }
}

function tableShell(parent: HTMLElement, t: Translate, headings: readonly string[]): HTMLElement {
  const details = parent.createEl("details", { cls: css("chart-table") });
  details.createEl("summary", { text: t("stats.chart.table") });
  const table = scrollBox(details, parent.querySelector("figcaption")?.textContent ?? "").createEl("table");
  const tr = table.createEl("thead").createEl("tr");
  for (const heading of headings) tr.createEl("th", { text: heading, attr: { scope: "col" } });
  return table.createEl("tbody");
}

/** A box that scrolls sideways on a narrow pane; focusable, so that keyboard users can scroll it too. */
export function scrollBox(parent: HTMLElement, label: string): HTMLElement {
  return parent.createDiv({
    cls: css("table-scroll"),
    attr: { tabindex: "0", role: "group", "aria-label": label },
  });
}

function tableFor(parent: HTMLElement, chart: StackedChart, t: Translate): void {
  const body = tableShell(parent, t, [chart.itemHeading, t("stats.col.topics"), ...chart.series.map((s) => s.label)]);
  for (const item of chart.items) {
    const tr = body.createEl("tr");
    tr.createEl("th", { text: item.key, attr: { scope: "row" } });
    tr.createEl("td", { text: String(total(item)) });
    for (const value of item.values) tr.createEl("td", { text: String(value) });
  }
}

/**
 * Hover, tap and focus show a point's numbers in a tooltip; arrow keys move focus (left/right one
 * point, up/down one row of `columns()` points), Home and End to the ends.
 */
function interact(figure: HTMLElement, svg: SVGSVGElement, columns: () => number): void {
  const tip = figure.createDiv({ cls: [css("tooltip"), "is-hidden"], attr: { "aria-hidden": "true" } });
  const points = (): SVGGElement[] => [...svg.querySelectorAll<SVGGElement>(".study-session-notes-datum")];
  const show = (g: SVGGElement): void => {
    tip.setText(g.getAttribute("aria-label") ?? "");
    tip.removeClass("is-hidden");
    const box = g.getBoundingClientRect();
    const frame = figure.getBoundingClientRect();
    const left = Math.max(0, Math.min(box.left - frame.left, frame.width - 220));
    tip.setCssProps({ "--ssn-tip-left": `${left}px`, "--ssn-tip-top": `${box.bottom - frame.top + 4}px` });
  };
  const hide = (): void => tip.addClass("is-hidden");
  const pointOf = (event: Event): SVGGElement | null =>
    event.target instanceof Element ? event.target.closest<SVGGElement>(".study-session-notes-datum") : null;
  svg.addEventListener("mouseover", (event) => {
    const g = pointOf(event);
    if (g) show(g);
  });
  svg.addEventListener("mouseleave", hide);
  svg.addEventListener("click", (event) => {
    const g = pointOf(event);
    if (g) g.focus();
  });
  svg.addEventListener("focusin", (event) => {
    const g = pointOf(event);
    if (g) show(g);
  });
  svg.addEventListener("focusout", hide);
  svg.addEventListener("keydown", (event) => {
    const all = points();
    const at = all.findIndex((g) => g === svg.ownerDocument.activeElement);
    if (at < 0 || all.length === 0) return;
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns(),
      ArrowUp: -columns(),
      Home: -at,
      End: all.length - 1 - at,
    };
    const move = step[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = all[Math.max(0, Math.min(all.length - 1, at + move))];
    if (!next) return;
    for (const g of all) g.setAttribute("tabindex", g === next ? "0" : "-1");
    next.focus();
  });
}
