import { afterEach, describe, expect, it, vi } from "vitest";
import type { MarkdownView } from "obsidian-test-mocks/obsidian";
import { SessionSettingTab } from "../../../src/app/settings/settings-tab";
import { createTranslator } from "../../../src/i18n";
import { loadPlugin, notionNotes, type Harness } from "../harness";
import { syncOf } from "../background";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const NOTE = "Sessions/2024-08-29 機械学習勉強会.md";
const synced = (text: string): boolean => text.startsWith("---\ntype: study-session\n");

function type(h: Harness, view: MarkdownView): void {
  h.app.workspace.trigger("editor-change", view.editor.asOriginalType__(), view.asOriginalType7__());
}

describe("automatic sync through a day of renames, deletes and settings", () => {
  it("follows a note renamed while its sync waits", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin(notionNotes());
    const view = await h.open(NOTE);
    type(h, view);
    await h.app.vault.rename(h.file(NOTE), "Sessions/renamed.md");
    vi.advanceTimersByTime(2000);
    expect(synced(view.editor.getValue())).toBe(true);
  });

  it("syncs a renamed note when the user leaves it with its sync pending", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin({ ...notionNotes(), "Notes/other.md": "other\n" });
    const view = await h.open(NOTE);
    type(h, view);
    await h.app.vault.rename(h.file(NOTE), "Archive/renamed.md");
    const process = vi.spyOn(h.app.vault, "process");
    view.leaf.detach();
    h.app.workspace.removeLeaf__(view.leaf);
    await h.open("Notes/other.md");
    await vi.waitFor(() => expect(process).toHaveBeenCalledTimes(1));
    expect(synced(await h.app.vault.read(h.file("Archive/renamed.md")))).toBe(true);
  });

  it("drops the pending sync of a note that is deleted or renamed to .txt", async () => {
    vi.useFakeTimers();
    const files = notionNotes();
    const [a, b] = Object.keys(files);
    const h = await loadPlugin({ ...files, "Notes/other.md": "other\n" });
    const sync = syncOf(h);
    // Two panes side by side, both typed into.
    const viewA = await h.open(a ?? "");
    const viewB = await h.open(b ?? "");
    type(h, viewA);
    type(h, viewB);
    expect(sync.pendingCount).toBe(2);
    await h.app.fileManager.trashFile(h.file(a ?? ""));
    await h.app.vault.rename(h.file(b ?? ""), "Notes/plain.txt");
    expect(sync.pendingCount).toBe(0);
    const process = vi.spyOn(h.app.vault, "process");
    await h.open("Notes/other.md");
    vi.advanceTimersByTime(5000);
    expect(process).not.toHaveBeenCalled();
    expect(viewB.editor.getValue()).toBe(files[b ?? ""]);
  });

  it("cancels the pending sync when auto-sync is turned off", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin(notionNotes());
    const view = await h.open(NOTE);
    const before = view.editor.getValue();
    type(h, view);
    const tab = new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator("en"));
    await tab.setControlValue("autoSync", false);
    vi.advanceTimersByTime(5000);
    expect(view.editor.getValue()).toBe(before);
    expect(syncOf(h).pendingCount).toBe(0);
  });

  it("cancels the pending sync when the plugin unloads", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin(notionNotes());
    const view = await h.open(NOTE);
    const before = view.editor.getValue();
    type(h, view);
    h.plugin.unload();
    vi.advanceTimersByTime(5000);
    // Typing after unload schedules nothing either (the listener is gone with the plugin).
    type(h, view);
    vi.advanceTimersByTime(5000);
    expect(view.editor.getValue()).toBe(before);
  });
});
