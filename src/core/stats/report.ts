/** Statistics as Markdown tables: what "Insert statistics" writes into a note and the CLI prints. */
import type { Stats } from "./stats";

export interface ReportLabels {
  presenters: string;
  presenter: string;
  topics: string;
  main: string;
  last: string;
  missed: string;
  months: string;
  month: string;
  rotation: string;
  order: string;
  lastMain: string;
  next: string;
  skipped: string;
  none: string;
  kind: (kind: string) => string;
}

export const ENGLISH_LABELS: ReportLabels = {
  presenters: "Presenters",
  presenter: "Presenter",
  topics: "Topics",
  main: "Main topics",
  last: "Last presented",
  missed: "Sessions missed",
  months: "Months",
  month: "Month",
  rotation: "Main-topic rotation",
  order: "Order",
  lastMain: "Last main topic",
  next: "Next",
  skipped: "Skipped (not presenting for now)",
  none: "—",
  kind: (kind) => (kind === "none" ? "Untagged" : kind),
};

export function statsReport(stats: Stats, labels: ReportLabels, heading = "###"): string {
  const kinds = stats.kinds;
  const out: string[] = [];
  out.push(`${heading} ${labels.presenters}`, "");
  out.push(
    row([labels.presenter, labels.topics, ...kinds.map(labels.kind), labels.main, labels.last, labels.missed]),
    row(["---", "---:", ...kinds.map(() => "---:"), "---", "---", "---:"]),
  );
  for (const p of stats.presenters) {
    const main = p.main.map((m) => `${m.date ?? labels.none} ${m.title}`).join("; ");
    out.push(
      row([
        p.name,
        String(p.topics),
        ...kinds.map((k) => String(p.byKind[k] ?? 0)),
        main || labels.none,
        p.last ?? labels.none,
        p.missed === null ? labels.none : String(p.missed),
      ]),
    );
  }
  out.push("", `${heading} ${labels.months}`, "");
  out.push(
    row([labels.month, labels.topics, ...kinds.map(labels.kind)]),
    row(["---", "---:", ...kinds.map(() => "---:")]),
  );
  for (const m of stats.months)
    out.push(row([m.month, String(m.topics), ...kinds.map((k) => String(m.byKind[k] ?? 0))]));
  const r = stats.rotation;
  out.push("", `${heading} ${labels.rotation}`, "");
  out.push(`- ${labels.order}: ${r.order.length > 0 ? r.order.map(cell).join(" → ") : labels.none}`);
  out.push(`- ${labels.lastMain}: ${r.last === null ? labels.none : cell(r.last)}`);
  out.push(`- ${labels.next}: ${r.next === null ? labels.none : cell(r.next)}`);
  if (r.skipped.length > 0) out.push(`- ${labels.skipped}: ${r.skipped.map(cell).join(", ")}`);
  return `${out.join("\n")}\n`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

/** User text in a table cell: one line, and no `|` that would end the cell. */
function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|");
}
