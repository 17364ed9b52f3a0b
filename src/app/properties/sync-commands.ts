/** Commands that write topic entries: the current note, or every session note. */
import { Notice, type Plugin } from "obsidian";
import type { Translate } from "../../i18n";
import { addNoteCommand } from "../editor/note-command";
import { noticeFor, type TopicSync } from "./topic-sync";

export function registerSyncCommands(plugin: Plugin, sync: TopicSync, t: Translate): void {
  addNoteCommand(plugin, "sync-note", t("command.syncNote"), (editor, file) =>
    noticeFor(sync, t, file, sync.syncEditor(editor, file)),
  );

  plugin.addCommand({
    id: "sync-all",
    name: t("command.syncAll"),
    callback: async () => {
      const progress = new Notice(t("sync.progress", { done: 0, total: "…" }), 0);
      try {
        const report = await sync.syncAll((done, total) => {
          // Every file would be a lot of DOM writes in a large vault; every 50th is plenty to watch.
          if (done % 50 === 0 || done === total) progress.setMessage(t("sync.progress", { done, total }));
        });
        const summary = t("sync.summary", {
          updated: report.updated,
          unchanged: report.unchanged,
          failed: report.failed.length,
        });
        const failures = report.failed.map(({ file, outcome }) => sync.describeFailure(file, outcome));
        new Notice(
          [summary, ...(failures.length > 0 ? [t("sync.summaryFailures"), ...failures] : [])].join("\n"),
          failures.length > 0 ? 0 : 8000,
        );
      } finally {
        progress.hide();
      }
    },
  });
}
