/** The plugin with Obsidian set to Japanese: commands, notices and the built-in templates. */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Editor, MarkdownView as MarkdownViewOriginal } from "obsidian";
import { MarkdownView, WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import { parseNote } from "../../src/core/note/parser";
import { loadPlugin, notionNotes } from "./harness";

vi.mock("obsidian", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  getLanguage: () => "ja",
}));

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("in Japanese", () => {
  it("names the commands in Japanese and writes the week's note from the Japanese template", async () => {
    vi.useFakeTimers({ now: new Date("2024-09-02T09:00:00Z"), toFake: ["Date"] });
    const h = await loadPlugin(notionNotes());
    expect(h.command("new-session-note").name).toBe("新しい勉強会ノート");
    expect(h.command("insert-paper-summary").name).toBe("論文まとめを挿入");
    h.layoutReady();
    vi.spyOn(WorkspaceLeaf.prototype, "openFile").mockImplementation(async function (this: WorkspaceLeaf, file) {
      const view = MarkdownView.create2__(this);
      view.file = file;
      view.setViewData(await h.app.vault.read(file), false);
      this.view = view.asOriginalType7__();
    });
    await (h.command("new-session-note").callback as () => Promise<void>)();
    const path = "Sessions/2024-09-05 機械学習勉強会.md";
    const text = await h.app.vault.read(h.file(path));
    expect(text).toContain("# 機械学習勉強会 第4回（2024年9月5日）");
    expect(text).toContain("前回: [[2024-08-29 機械学習勉強会]]");
    expect(text).toContain("## 今週のTOPIC\n\n### @");
    expect(text).toContain("## メインTOPIC");
    expect(text).toContain("##### 背景・課題");
    expect(parseNote(text, { path }).presenters.length).toBeGreaterThanOrEqual(7);
    expect(h.notices()).toContain(`${path} を作成しました。`);
  });

  it("inserts the Japanese paper summary", async () => {
    const h = await loadPlugin({ "S/a.md": "\n" });
    const view = await h.open("S/a.md");
    await (h.command("insert-paper-summary").editorCallback as (e: Editor, v: MarkdownViewOriginal) => Promise<void>)(
      view.editor.asOriginalType__(),
      view.asOriginalType7__(),
    );
    expect(view.editor.getValue()).toMatch(/^#### \[論文\] \n- 著者: \n- 会議・年: \n- リンク: \n\n##### 概要/);
  });
});
