import { afterEach, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Editor, MarkdownView as MarkdownViewOriginal } from "obsidian";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { loadPlugin, notionNotes, templateNotes } from "../harness";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function frontmatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return match ? (parseYaml(match[1] ?? "") as Record<string, unknown>) : {};
}

function runEditorCommand(
  command: { editorCheckCallback?: unknown },
  editor: Editor,
  view: MarkdownViewOriginal,
): void {
  const callback = command.editorCheckCallback as (
    checking: boolean,
    editor: Editor,
    view: MarkdownViewOriginal,
  ) => boolean;
  expect(callback(true, editor, view)).toBe(true);
  callback(false, editor, view);
}

const NOTE = "Sessions/2024-08-29 機械学習勉強会.md";

describe("plugin load", () => {
  it("registers its commands and settings without touching the vault", async () => {
    const files = { ...notionNotes(), ...templateNotes() };
    const h = await loadPlugin(files);
    expect(h.plugin.settings).toEqual(DEFAULT_SETTINGS);
    expect(h.vaultCallsDuringLoad).toBe(0);
    expect(() => h.command("sync-note")).not.toThrow();
    expect(() => h.command("sync-all")).not.toThrow();
    expect(await h.app.vault.read(h.file(NOTE))).toBe(files[NOTE]);
  });

  it("says once which saved settings had the wrong type, keeping the rest", async () => {
    const h = await loadPlugin({}, { autoSync: "yes", weekday: 2, sessionsFolder: 7 });
    expect(h.plugin.settings.weekday).toBe(2);
    expect(h.plugin.settings.autoSync).toBe(true);
    const shown = h.notices().filter((n) => n.includes("wrong type"));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('"autoSync"');
    expect(shown[0]).toContain('"sessionsFolder"');
  });

  it("falls back to defaults with a notice when data.json is garbage", async () => {
    const h = await loadPlugin({}, "not an object");
    expect(h.plugin.settings.autoSync).toBe(true);
    expect(h.notices().join("\n")).toContain("could not read its saved settings");
  });
});

describe("Sync topics to properties (open note, through the editor)", () => {
  it("writes the entries as one change, keeps the cursor on its text, and a second run writes nothing", async () => {
    const h = await loadPlugin(notionNotes());
    const view = await h.open(NOTE);
    const editor = view.editor;
    const before = editor.getValue();
    // Cursor in the middle of "AutoMLOps" on the first topic's title line (0-based line 7).
    editor.setCursor({ line: 7, ch: 10 });
    const wordAtCursor = before.split("\n")[7]?.slice(10, 20);

    runEditorCommand(h.command("sync-note"), editor.asOriginalType__(), view.asOriginalType7__());

    const after = editor.getValue();
    const fm = frontmatterOf(after);
    expect(fm).toMatchObject({ type: "study-session", date: "2024-08-29" });
    expect((fm.topics as unknown[]).length).toBe(8);
    expect(after.endsWith(before)).toBe(true);
    const cursor = editor.getCursor();
    expect(after.split("\n")[cursor.line]?.slice(cursor.ch, cursor.ch + 10)).toBe(wordAtCursor);
    expect(h.notices()).toContain("Topic properties updated.");

    const transaction = vi.spyOn(editor, "transaction");
    runEditorCommand(h.command("sync-note"), editor.asOriginalType__(), view.asOriginalType7__());
    expect(transaction).not.toHaveBeenCalled();
    expect(editor.getValue()).toBe(after);
    expect(h.notices()).toContain("Topic properties are already up to date.");

    // One undo step takes the note back exactly as it was.
    editor.undo();
    expect(editor.getValue()).toBe(before);
  });

  it("refuses malformed YAML with the line, leaving the note untouched", async () => {
    const text = "---\ntitle: ok\ntags: [a, b\n---\n今週のTOPIC\n@Alice\n[blog] A\n";
    const h = await loadPlugin({ "Sessions/bad.md": text });
    const view = await h.open("Sessions/bad.md");
    runEditorCommand(h.command("sync-note"), view.editor.asOriginalType__(), view.asOriginalType7__());
    expect(view.editor.getValue()).toBe(text);
    expect(h.notices().at(-1)).toMatch(/Sessions\/bad\.md: .*not valid YAML at line 3/);
  });

  it("tells the user when the note is not a session note", async () => {
    const h = await loadPlugin({ "Notes/shopping.md": "# Shopping\n- milk\n" });
    const view = await h.open("Notes/shopping.md");
    runEditorCommand(h.command("sync-note"), view.editor.asOriginalType__(), view.asOriginalType7__());
    expect(view.editor.getValue()).toBe("# Shopping\n- milk\n");
    expect(h.notices().at(-1)).toContain("not a session note");
  });
});

describe("Sync all session notes", () => {
  it("updates every session note once, reports counts and failures, then writes nothing", async () => {
    const bad = "---\nx: [\n---\n今週のTOPIC\n@A\n[blog] t\n";
    const files = { ...notionNotes(), ...templateNotes(), "Sessions/broken.md": bad, "Notes/plain.md": "just text\n" };
    const h = await loadPlugin(files);
    const process = vi.spyOn(h.app.vault, "process");
    const syncAll = h.command("sync-all").callback as () => Promise<void>;

    await syncAll();
    expect(h.notices().at(-1)).toMatch(
      /^Session notes synced: 5 updated, 0 unchanged, 1 failed\.\nFailed:\nSessions\/broken\.md: .*line 2/,
    );
    expect(process).toHaveBeenCalledTimes(5);
    expect(await h.app.vault.read(h.file("Sessions/broken.md"))).toBe(bad);
    expect(await h.app.vault.read(h.file("Notes/plain.md"))).toBe("just text\n");
    const synced = await h.app.vault.read(h.file("Sessions/2024-09-12 機械学習勉強会.md"));
    expect(frontmatterOf(synced)).toMatchObject({ type: "study-session", series: "機械学習勉強会", number: 4 });

    await syncAll();
    expect(h.notices().at(-1)).toMatch(/^Session notes synced: 0 updated, 5 unchanged, 1 failed\./);
    expect(process).toHaveBeenCalledTimes(5);
  });
});

describe("auto-sync", () => {
  it("syncs an open session note after typing pauses, and not before", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin(notionNotes());
    const view = await h.open(NOTE);
    const before = view.editor.getValue();
    h.app.workspace.trigger("editor-change", view.editor.asOriginalType__(), view.asOriginalType7__());
    vi.advanceTimersByTime(1000);
    expect(view.editor.getValue()).toBe(before);
    h.app.workspace.trigger("editor-change", view.editor.asOriginalType__(), view.asOriginalType7__());
    vi.advanceTimersByTime(1999);
    expect(view.editor.getValue()).toBe(before);
    vi.advanceTimersByTime(1);
    expect(frontmatterOf(view.editor.getValue())).toMatchObject({ type: "study-session" });
  });

  it("leaves a note that is not a session note by SPEC §5 alone (@mentions in a work note)", async () => {
    vi.useFakeTimers();
    const work = "@alice\nDiscussed pricing for Q3.\n";
    const h = await loadPlugin({ ...notionNotes(), "Work/Vendor call.md": work });
    const view = await h.open("Work/Vendor call.md");
    h.app.workspace.trigger("editor-change", view.editor.asOriginalType__(), view.asOriginalType7__());
    vi.advanceTimersByTime(10000);
    expect(view.editor.getValue()).toBe(work);
    const syncAll = h.command("sync-all").callback as () => Promise<void>;
    vi.useRealTimers();
    await syncAll();
    expect(await h.app.vault.read(h.file("Work/Vendor call.md"))).toBe(work);
  });

  it("does nothing when turned off", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin(notionNotes(), { autoSync: false });
    const view = await h.open(NOTE);
    const before = view.editor.getValue();
    h.app.workspace.trigger("editor-change", view.editor.asOriginalType__(), view.asOriginalType7__());
    vi.advanceTimersByTime(10000);
    expect(view.editor.getValue()).toBe(before);
  });

  it("syncs a note right away when the user leaves it with a sync pending", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin({ ...notionNotes(), "Notes/other.md": "other\n" });
    const view = await h.open(NOTE);
    h.app.workspace.trigger("editor-change", view.editor.asOriginalType__(), view.asOriginalType7__());
    const process = vi.spyOn(h.app.vault, "process");
    // The note's view closes (its text is on disk) and another note becomes active.
    view.leaf.detach();
    h.app.workspace.removeLeaf__(view.leaf);
    await h.open("Notes/other.md");
    await vi.waitFor(() => expect(process).toHaveBeenCalledTimes(1));
    expect(frontmatterOf(await h.app.vault.read(h.file(NOTE)))).toMatchObject({ type: "study-session" });
  });
});

describe("the harness itself", () => {
  it("indexes frontmatter like Obsidian, and malformed frontmatter as none", async () => {
    const h = await loadPlugin({ "a.md": "---\ntype: study-session\n---\nx\n", "b.md": "---\nx: [\n---\n" });
    expect(h.app.metadataCache.getFileCache(h.file("a.md"))?.frontmatter).toEqual({ type: "study-session" });
    expect(h.app.metadataCache.getFileCache(h.file("b.md"))?.frontmatter).toBeUndefined();
  });
});
