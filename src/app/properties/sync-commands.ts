/** Commands that write topic entries: the current note, or every session note. */
import { Notice, type Plugin } from "obsidian";
import type { Translate } from "../../i18n";
import { addNoteCommand } from "../editor/note-command";
import type { BackgroundWork } from "../work/background-work";
import { noticeFor, type SyncReport, type TopicSync } from "./topic-sync";

export function registerSyncCommands(plugin: Plugin, sync: TopicSync, work: BackgroundWork, t: Translate): void {
  addNoteCommand(plugin, "sync-note", t("command.syncNote"), (editor, file) =>
    noticeFor(sync, t, file, sync.syncEditor(editor, file)),
  );

  plugin.addCommand({
    id: "sync-all",
    name: t("command.syncAll"),
    callback: async () => {
      const report = await sync.syncAll();
      if (report === null) {
        new Notice(t("sync.alreadyRunning"));
        return;
      }
      // Unloaded meanwhile: the plugin is gone, and so is the one who asked.
      if (!work.loaded) return;
      showSummary(sync, t, report);
    },
  });
}

function showSummary(sync: TopicSync, t: Translate, report: SyncReport): void {
  const counts = { updated: report.updated, unchanged: report.unchanged, failed: report.failed.length };
  const summary = report.cancelled
    ? t("sync.summaryCancelled", { ...counts, done: report.done, total: report.total })
    : t("sync.summary", counts);
  const failures = report.failed.map(({ path, outcome }) => sync.describeFailure(path, outcome));
  new Notice(
    [summary, ...(failures.length > 0 ? [t("sync.summaryFailures"), ...failures] : [])].join("\n"),
    failures.length > 0 ? 0 : 8000,
  );
}
