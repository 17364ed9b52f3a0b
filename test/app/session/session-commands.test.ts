import { afterEach, describe, expect, it, vi } from "vitest";
import { MarkdownView, WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import type { Editor, MarkdownView as MarkdownViewOriginal } from "obsidian";
import { prefill } from "../../../src/app/session/session-commands";
import { parseNote } from "../../../src/core/note/parser";
import { loadPlugin, notionNotes, templateNotes, type Harness } from "../harness";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Opening a file in the mocks makes no editor: give each opened leaf a Markdown view of the file. */
function openFilesInEditors(h: Harness): Array<{ path: string; view: MarkdownView }> {
  const opened: Array<{ path: string; view: MarkdownView }> = [];
  vi.spyOn(WorkspaceLeaf.prototype, "openFile").mockImplementation(async function (this: WorkspaceLeaf, file) {
    const view = MarkdownView.create2__(this);
    view.file = file;
    view.setViewData(await h.app.vault.read(file), false);
    this.view = view.asOriginalType7__();
    opened.push({ path: file.path, view });
  });
  return opened;
}

describe("New session note", () => {
  it("creates this week's note on the meeting day, with the cursor in the first empty topic, and never overwrites", async () => {
    vi.useFakeTimers({ now: new Date("2024-09-02T09:00:00Z"), toFake: ["Date"] });
    const h = await loadPlugin({ ...notionNotes(), ...templateNotes() });
    h.layoutReady();
    await vi.waitFor(() => expect(h.app.vault.getMarkdownFiles()).toHaveLength(5));
    const opened = openFilesInEditors(h);
    await (h.command("new-session-note").callback as () => Promise<void>)();

    const path = "Sessions/2024-09-05 機械学習勉強会.md";
    const text = await h.app.vault.read(h.file(path));
    const parsed = parseNote(text, { path });
    expect(parsed.date).toBe("2024-09-05");
    expect(parsed.presenters.length).toBeGreaterThanOrEqual(7);
    expect(text).toMatch(/^---\ntype: study-session\ndate: 2024-09-05\n/);
    expect(text).toContain("# 機械学習勉強会 no. 4 (September 5, 2024)");
    expect(opened.at(-1)?.path).toBe(path);
    const editor = opened.at(-1)?.view.editor;
    expect(editor?.getLine(editor.getCursor().line)).toBe("#### ");
    expect(h.notices()).toContain(`Created ${path}.`);

    await h.app.vault.modify(h.file(path), "my own notes\n");
    await (h.command("new-session-note").callback as () => Promise<void>)();
    expect(await h.app.vault.read(h.file(path))).toBe("my own notes\n");
    expect(h.notices().at(-1)).toBe("The session note for 2024-09-05 already exists: opened it.");
  });

  it("opens the existing session of that date, whatever its name", async () => {
    vi.useFakeTimers({ now: new Date("2024-08-29T09:00:00Z"), toFake: ["Date"] });
    const h = await loadPlugin(notionNotes());
    h.layoutReady();
    await vi.waitFor(() => expect(h.app.vault.getMarkdownFiles()).toHaveLength(3));
    const opened = openFilesInEditors(h);
    await (h.command("new-session-note").callback as () => Promise<void>)();
    expect(opened.map((o) => o.path)).toEqual(["Sessions/2024-08-29 機械学習勉強会.md"]);
    expect(h.app.vault.getMarkdownFiles()).toHaveLength(3);
  });
});

describe("Insert paper summary", () => {
  function run(h: Harness, editor: Editor, view: MarkdownViewOriginal): Promise<void> {
    return (h.command("insert-paper-summary").editorCallback as (e: Editor, v: MarkdownViewOriginal) => Promise<void>)(
      editor,
      view,
    );
  }

  it("turns the cursor's line with a link into the paper block, as one undoable change", async () => {
    const note = "## Main topic\n### @Alice\nhttps://arxiv.org/abs/2401.00908\n";
    const h = await loadPlugin({ "S/2024-09-05.md": note });
    const view = await h.open("S/2024-09-05.md");
    view.editor.setCursor({ line: 2, ch: 5 });
    await run(h, view.editor.asOriginalType__(), view.asOriginalType7__());
    const text = view.editor.getValue();
    expect(text).toContain("#### [paper] \n- Authors: \n- Venue / year: \n- Link: https://arxiv.org/abs/2401.00908\n");
    expect(text).toContain("##### Discussion");
    const parsed = parseNote(text.replace("#### [paper] \n", "#### [paper] DocLLM\n"), { path: "S/2024-09-05.md" });
    expect(parsed.topics).toMatchObject([
      { main: true, presenter: "Alice", kind: "paper", title: "DocLLM", url: "https://arxiv.org/abs/2401.00908" },
    ]);
    view.editor.undo();
    expect(view.editor.getValue()).toBe(note);
  });

  it("uses a selected title", async () => {
    const h = await loadPlugin({ "S/a.md": "Attention Is All You Need\n" });
    const view = await h.open("S/a.md");
    view.editor.setSelection({ line: 0, ch: 0 }, { line: 0, ch: 25 });
    await run(h, view.editor.asOriginalType__(), view.asOriginalType7__());
    expect(view.editor.getValue()).toMatch(/^#### \[paper\] Attention Is All You Need\n- Authors: /);
  });
});

describe("prefill", () => {
  it("reads titles and links from what the user was on", () => {
    expect(prefill("- [DocLLM](https://arxiv.org/abs/2401.00908)")).toEqual({
      title: "DocLLM",
      url: "https://arxiv.org/abs/2401.00908",
    });
    expect(prefill("### [論文] VerifiNER https://aclanthology.org/x")).toEqual({
      title: "VerifiNER",
      url: "https://aclanthology.org/x",
    });
    expect(prefill("   ")).toEqual({ title: "", url: "" });
  });
});

describe("Convert pasted Notion page to session note", () => {
  it("rewrites the page in the plugin's form as one undoable change", async () => {
    const pasted = notionNotes()["Sessions/2024-08-29 機械学習勉強会.md"] ?? "";
    const h = await loadPlugin({ "Inbox/pasted.md": pasted });
    const view = await h.open("Inbox/pasted.md");
    const command = h.command("convert-pasted-page").editorCheckCallback as (
      c: boolean,
      e: Editor,
      v: MarkdownViewOriginal,
    ) => boolean;
    command(false, view.editor.asOriginalType__(), view.asOriginalType7__());
    const text = view.editor.getValue();
    expect(text).toMatch(/^---\ntype: study-session\ndate: 2024-08-29\n/);
    expect(text).toContain("### @Ryosuke Fukazawa / qluto\n\n#### [論文] DocLLM");
    expect(parseNote(text).topics).toHaveLength(8);
    expect(h.notices().at(-1)).toBe("Converted: 8 topics, with their properties.");
    view.editor.undo();
    expect(view.editor.getValue()).toBe(pasted);
  });
});
