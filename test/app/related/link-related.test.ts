import { afterEach, describe, expect, it, vi } from "vitest";
import type { Editor, MarkdownView as MarkdownViewOriginal } from "obsidian";
import { FileManager } from "obsidian-test-mocks/obsidian";
import { blockId } from "../../../src/core/related/links";
import { loadPlugin, notionNotes, templateNotes, type Harness } from "../harness";

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Where the mocks fall short: their generateMarkdownLink prefixes `#` to a subpath that already
 * starts with one, and knows only wiki links. This follows Obsidian's documented behaviour.
 */
function linkFormat(markdown: boolean): void {
  vi.spyOn(FileManager.prototype, "generateMarkdownLink").mockImplementation(
    (file: { basename: string; path: string }, _source: string, subpath = "", alias = "") =>
      markdown
        ? `[${alias || file.basename}](${encodeURI(file.path)}${subpath.replace(/\^/g, "%5E").replace(/ /g, "%20")})`
        : `[[${file.basename}${subpath}${alias ? `|${alias}` : ""}]]`,
  );
}

/** Run the command on the note (opened in an editor) and wait for its `times`-th completion notice. */
async function runLink(h: Harness, path: string, times = 1): Promise<string> {
  const view = await h.open(path);
  const command = h.command("link-related-topics").editorCheckCallback as (
    c: boolean,
    e: Editor,
    v: MarkdownViewOriginal,
  ) => boolean;
  command(false, view.editor.asOriginalType__(), view.asOriginalType7__());
  await vi.waitFor(() => expect(h.notices().filter((n) => /linked under/.test(n))).toHaveLength(times));
  return view.editor.getValue();
}

const NOTE = "Sessions/2024-09-12 機械学習勉強会.md";

describe("Link related topics (harness)", () => {
  it("links in wikilink form to headings and to stable block ids, once", async () => {
    linkFormat(false);
    const h = await loadPlugin({ ...notionNotes(), ...templateNotes() });
    h.layoutReady();
    const text = await runLink(h, NOTE);
    const dialogs = text.split("\n").findIndex((l) => l.startsWith("#### [論文] Learning Intelligent Dialogs"));
    const line = text.split("\n")[dialogs + 1] ?? "";
    // The same paper in a Notion export, whose title line is no heading: a block reference.
    const id = blockId(
      "Sessions/2024-07-24 機械学習勉強会.md",
      "Learning Intelligent Dialogs for Bounding Box Annotation",
    );
    expect(line).toContain(
      `Related: [[2024-07-24 機械学習勉強会#^${id}|Learning Intelligent Dialogs for Bounding Box Annotation]]`,
    );
    const target = await h.app.vault.read(h.file("Sessions/2024-07-24 機械学習勉強会.md"));
    expect(target).toContain(`[論文] Learning Intelligent Dialogs for Bounding Box Annotation ^${id}\n`);
    expect(target.split(`^${id}`)).toHaveLength(2);

    const again = await runLink(h, NOTE, 2);
    expect(again).toBe(text);
    expect((await h.app.vault.read(h.file("Sessions/2024-07-24 機械学習勉強会.md"))).split(`^${id}`)).toHaveLength(2);
  });

  it("uses Markdown links when the vault does, and heading subpaths for heading titles", async () => {
    linkFormat(true);
    const h = await loadPlugin({ ...notionNotes(), ...templateNotes() });
    h.layoutReady();
    const text = await runLink(h, "Sessions/2024-08-29 機械学習勉強会.md");
    const line = text.split("\n").find((l) => l.startsWith("Related: [Learning Intelligent Dialogs")) ?? "";
    // A block reference into the Notion export, a heading link into the note written from the template.
    expect(line).toMatch(
      /^Related: .*\[Learning Intelligent Dialogs for Bounding Box Annotation\]\(Sessions\/2024-07-24%20[^)]*\.md#%5Etopic-[0-9a-z]+\)/,
    );
    expect(line).toMatch(
      /\]\(Sessions\/2024-09-12[^)]*\.md#論文%20Learning%20Intelligent%20Dialogs%20for%20Bounding%20Box%20Annotation\)/,
    );
  });

  it("keeps what the user types while it waits for related topics, and links against the text as it is then", async () => {
    linkFormat(false);
    const h = await loadPlugin({ ...notionNotes(), ...templateNotes() });
    h.layoutReady();
    const view = await h.open(NOTE);
    const command = h.command("link-related-topics").editorCheckCallback as (
      c: boolean,
      e: Editor,
      v: MarkdownViewOriginal,
    ) => boolean;
    command(false, view.editor.asOriginalType__(), view.asOriginalType7__());
    // The command is waiting for the related index: the user goes on typing above every topic.
    const typed = "Typed while the command waited.\n";
    const body = view.editor.getValue().indexOf("\n#");
    view.editor.replaceRange(typed, view.editor.offsetToPos(body + 1));
    const typedBody = view.editor.getValue();
    await vi.waitFor(() => expect(h.notices().filter((n) => /linked under/.test(n))).toHaveLength(1));
    const text = view.editor.getValue();
    expect(text.split(typed)).toHaveLength(2);
    const lines = text.split("\n");
    const dialogs = lines.findIndex((l) => l.startsWith("#### [論文] Learning Intelligent Dialogs"));
    expect(lines[dialogs + 1]).toMatch(/^Related: \[\[2024-07-24 機械学習勉強会#\^/);
    // Every other line is the note as the user left it, typed line included.
    const withoutLinks = lines.filter((l) => !l.startsWith("Related: "));
    const after = withoutLinks.slice(withoutLinks.indexOf("---", 1) + 1).join("\n");
    expect(after).toBe(typedBody.replace(/^---\n[\s\S]*?\n---\n/, ""));
  });
});
