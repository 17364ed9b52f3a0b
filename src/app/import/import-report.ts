/** What an import did, and the notices that tell it: the summary, then what was skipped, refused or failed. */
import type { ExportPlan } from "../../core/import/export";
import type { Translate } from "../../i18n";

export interface ImportReport {
  sessions: number;
  pages: number;
  attachments: number;
  skipped: number;
  written: number;
  unchanged: number;
  conflicts: string[];
  /** Files whose write failed, and why. */
  failed: Array<{ path: string; reason: string }>;
  /** Stopped by Cancel or the plugin unloading: the files counted as written are whole, the rest untouched. */
  cancelled: boolean;
}

/** The notices telling `report`, in order: each text and how long it shows (0: until closed). */
export function reportNotices(
  t: Translate,
  report: ImportReport,
  plan: ExportPlan,
): Array<[text: string, duration: number]> {
  const notices: Array<[text: string, duration: number]> = [
    report.cancelled
      ? [
          t("notionImport.cancelled", { written: report.written, total: plan.notes.length + plan.attachments.length }),
          0,
        ]
      : [
          t("notionImport.done", {
            sessions: report.sessions,
            pages: report.pages,
            attachments: report.attachments,
            skipped: report.skipped,
            written: report.written,
            unchanged: report.unchanged,
          }),
          15000,
        ],
  ];
  if (plan.skipped.length > 0) {
    const list = plan.skipped.slice(0, 5).map((s) => `${s.source}: ${s.reason}`);
    notices.push([t("notionImport.skippedList", { list: list.join("\n") }), 0]);
  }
  if (report.conflicts.length > 0) {
    notices.push([
      t("notionImport.conflicts", { count: report.conflicts.length, list: report.conflicts.slice(0, 5).join("\n") }),
      0,
    ]);
  }
  if (report.failed.length > 0) {
    const list = report.failed.slice(0, 5).map((f) => `${f.path}: ${f.reason}`);
    notices.push([t("notionImport.writeFailed", { count: report.failed.length, list: list.join("\n") }), 0]);
  }
  return notices;
}
