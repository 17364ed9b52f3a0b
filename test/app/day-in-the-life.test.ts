import { afterEach, describe, expect, it, vi } from "vitest";
import type { MarkdownView } from "obsidian-test-mocks/obsidian";
import { isSessionNote, parseNote } from "../../src/core/note/parser";
import { SessionSettingTab } from "../../src/app/settings/settings-tab";
import { createTranslator } from "../../src/i18n";
import { loadPlugin, type Harness } from "./harness";
import { indexOf, sessionVault, syncOf } from "./background";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** What the index holds is what the vault's notes say now, with the settings in use. */
async function expectIndexAgreesWithVault(h: Harness): Promise<void> {
  const service = indexOf(h);
  const expected: Record<string, string[]> = {};
  for (const file of h.app.vault.getMarkdownFiles()) {
    const note = parseNote(await h.app.vault.read(file), {
      path: file.path,
      kindAliases: h.plugin.settings.kindAliases,
    });
    if (isSessionNote(note)) expected[file.path] = note.topics.map((t) => `${t.kind ?? "-"} ${t.title}`);
  }
  const actual: Record<string, string[]> = {};
  for (const session of service.index.allSessions())
    actual[session.file] = session.topics.map((t) => `${t.kind ?? "-"} ${t.title}`);
  expect(actual).toEqual(expected);
}

function type(h: Harness, view: MarkdownView): void {
  h.app.workspace.trigger("editor-change", view.editor.asOriginalType__(), view.asOriginalType7__());
}

describe("a day in the life of the plugin", () => {
  it(
    "keeps the index true to the vault through renames, deletes, settings and Sync all",
    { timeout: 60000 },
    async () => {
      const files: Record<string, string> = { ...sessionVault(60), "Notes/plain.md": "shopping\n- milk\n" };
      files["Sessions/2020-01-02.md"] = "今週のTOPIC\n@Alice\n[輪読] Reading group\n";
      const h = await loadPlugin(files);
      const sync = syncOf(h);
      const service = indexOf(h);
      const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator("en"));
      h.layoutReady();
      await indexOf(h).complete;
      await expectIndexAgreesWithVault(h);

      // Morning: a note is edited, renamed and left while its sync waits.
      vi.useFakeTimers();
      const view = await h.open("Sessions/2020-01-09.md");
      view.editor.setValue(`${view.editor.getValue()}@Carol\n[repo] New tool\n`);
      type(h, view);
      await h.app.vault.rename(h.file("Sessions/2020-01-09.md"), "Archive/2020-01-09 renamed.md");
      await vi.advanceTimersByTimeAsync(2000);
      expect(view.editor.getValue()).toMatch(/^---\ntype: study-session\n[\s\S]*title: "New tool"/);
      await h.app.vault.modify(h.file("Archive/2020-01-09 renamed.md"), view.editor.getValue());

      // A session note is deleted, another renamed to .txt.
      await h.app.fileManager.trashFile(h.file("Sessions/2020-01-16.md"));
      await h.app.vault.rename(h.file("Sessions/2020-01-23.md"), "Sessions/2020-01-23.txt");

      // The kind aliases change; auto-sync is turned off while a sync waits.
      await tab.setControlValue("kindAliases", "輪読 = paper");
      type(h, view);
      await tab.setControlValue("autoSync", false);
      expect(sync.pendingCount).toBe(0);
      await vi.advanceTimersByTimeAsync(5000);
      await indexOf(h).idle();
      vi.useRealTimers();
      await expectIndexAgreesWithVault(h);
      expect(indexOf(h).index.get("Sessions/2020-01-02.md")?.topics[0]?.kind).toBe("paper");

      // Afternoon: Sync all, asked twice; a note vanishes under it.
      const syncAll = h.command("sync-all").callback as () => Promise<void>;
      const read = h.app.vault.cachedRead.bind(h.app.vault);
      vi.spyOn(h.app.vault, "cachedRead").mockImplementation(async (file) => {
        if (file.path === "Sessions/2020-02-06.md") await h.app.fileManager.trashFile(h.file("Sessions/2020-02-13.md"));
        return read(file);
      });
      const first = syncAll();
      await syncAll();
      await first;
      const summaries = h.notices().filter((n) => /^Session notes synced|already running/.test(n));
      expect(summaries).toEqual([
        "Sync all is already running: wait for its summary, or cancel it from its progress notice.",
        expect.stringMatching(
          /^Session notes synced: 56 updated, 1 unchanged, 1 failed\.\nFailed:\nSessions\/2020-02-13\.md: deleted or moved away/,
        ),
      ]);
      await expectIndexAgreesWithVault(h);

      // Evening: the plugin is disabled; nothing of it runs after.
      const process = vi.spyOn(h.app.vault, "process");
      const running = syncAll();
      h.plugin.unload();
      await running;
      await h.app.vault.modify(h.file("Sessions/2020-02-20.md"), "今週のTOPIC\n@Zed\n[blog] After hours\n");
      expect(process).not.toHaveBeenCalled();
      expect(service.index.get("Sessions/2020-02-20.md")?.topics[0]?.title).not.toBe("After hours");
    },
  );
});
