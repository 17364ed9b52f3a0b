import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Modal } from "obsidian-test-mocks/obsidian";
import { describe, expect, it, vi } from "vitest";
import { NotionImporter, type PickedFile } from "../../../src/app/import/notion-import";
import { parseNote } from "../../../src/core/note/parser";
import { createTranslator } from "../../../src/i18n";
import { workOf } from "../background";
import { loadPlugin } from "../harness";
import { FIXTURES, IMAGE, ROWS, buildExport, zipOf } from "../../core/import/notion-export";

function picked(bytes: Uint8Array, name = "Export.zip"): PickedFile {
  return { name, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
}

interface Expected {
  date: string;
  topics: Array<{ title: string }>;
  ambiguous: Array<{ title: string }>;
}

describe("Import Notion export… (in-memory App)", () => {
  it("opens a picker with a file input for the zip and the sessions folder", async () => {
    const h = await loadPlugin({});
    const open = vi.spyOn(Modal.prototype, "open");
    (h.command("import-notion-export").callback as () => void)();
    expect(open).toHaveBeenCalled();
    const modal = open.mock.contexts[0] as { contentEl: HTMLElement };
    const input = modal.contentEl.querySelector("input[type=file]");
    expect(input?.getAttribute("accept")).toContain(".zip");
    const folder = modal.contentEl.querySelector("input:not([type=file])");
    expect(folder instanceof HTMLInputElement ? folder.value : null).toBe("Sessions");
    open.mockRestore();
  });

  it.each([
    { variant: "markdown", nested: true },
    { variant: "html", nested: false },
  ] as const)(
    "imports the $variant export: session notes parse to the fixtures, image and links kept; a second run changes nothing",
    async (shape) => {
      const h = await loadPlugin({});
      const importer = new NotionImporter(
        h.app.asOriginalType__(),
        () => h.plugin.settings,
        createTranslator("en"),
        workOf(h),
      );
      const zip = picked(buildExport(shape));
      const report = await importer.run(zip, "Sessions");
      expect(report).toMatchObject({ sessions: 3, pages: 1, attachments: 1, skipped: 0, written: 5, conflicts: [] });
      for (const row of ROWS) {
        const expected = JSON.parse(readFileSync(join(FIXTURES, `${row.fixture}.expected.json`), "utf8")) as Expected;
        const text = await h.app.vault.read(h.file(`Sessions/${row.fixture} 機械学習勉強会.md`));
        const note = parseNote(text, { path: row.fixture });
        const ambiguous = new Set(expected.ambiguous.map((a) => a.title));
        expect(note.date).toBe(expected.date);
        expect(note.topics.filter((t) => !ambiguous.has(t.title)).map((t) => t.title)).toEqual(
          expected.topics.map((t) => t.title),
        );
        expect(text).toMatch(/^---\ntype: study-session\n/);
      }
      const first = await h.app.vault.read(h.file("Sessions/2024-08-29 機械学習勉強会.md"));
      const image = h.app.vault.getFiles().find((f) => f.name === "image.png");
      expect(image).toBeDefined();
      if (image) expect(new Uint8Array(await h.app.vault.readBinary(image))).toEqual(IMAGE);
      expect(first).toContain(`![[${image?.path ?? ""}]]`);
      expect(first).toContain("[[2024-07-24 機械学習勉強会|機械学習勉強会 / 7月第4週]]");
      expect(h.notices().some((n) => n.includes("3 session notes, 1 pages, 1 attachments, 0 skipped"))).toBe(true);

      const again = await importer.run(zip, "Sessions");
      expect(again).toMatchObject({ written: 0, unchanged: 5, conflicts: [] });
    },
  );

  it("never overwrites a different note, and says so", async () => {
    const h = await loadPlugin({ "Sessions/2024-05-02 機械学習勉強会.md": "my own note\n" });
    const importer = new NotionImporter(
      h.app.asOriginalType__(),
      () => h.plugin.settings,
      createTranslator("ja"),
      workOf(h),
    );
    const report = await importer.run(picked(buildExport({ variant: "markdown", nested: true })), "Sessions");
    expect(report?.conflicts).toEqual(["Sessions/2024-05-02 機械学習勉強会.md"]);
    expect(await h.app.vault.read(h.file("Sessions/2024-05-02 機械学習勉強会.md"))).toBe("my own note\n");
    expect(h.notices().some((n) => n.includes("上書きはしていません"))).toBe(true);
  });

  it.each([
    ["a damaged zip", "ja", "zip ファイルが壊れているか、途中で切れています"],
    ["a zip that is not a Notion export", "ja", "Notion のエクスポートではありません"],
    ["a zip with '../' in a name", "ja", '安全でないファイル名があります（"../evil.md"）'],
    ["a zip that is not a Notion export", "en", "this is not a Notion export"],
  ])("refuses %s in the app's language (%s)", async (name, language, message) => {
    const h = await loadPlugin({});
    const t = createTranslator(language);
    const importer = new NotionImporter(h.app.asOriginalType__(), () => h.plugin.settings, t, workOf(h));
    const bytes = name.includes("damaged")
      ? new TextEncoder().encode("PK\u0003\u0004 not really a zip")
      : name.includes("../")
        ? zipOf({ "Page 0123456789abcdef0123456789abcdef.md": "# Page", "../evil.md": "x" })
        : zipOf({ "notes/a.md": "# A", "b.md": "# B" });
    expect(await importer.run(picked(bytes), "Sessions")).toBeNull();
    expect(h.app.vault.getFiles()).toEqual([]);
    expect(h.notices().at(-1)).toContain(message);
  });

  it.each([
    ["a damaged zip", new TextEncoder().encode("PK\u0003\u0004 not really a zip"), "damaged"],
    ["a folder outside the vault", buildExport({ variant: "markdown", nested: true }), "outside the vault"],
  ])("refuses %s with a notice and writes nothing", async (name, bytes, message) => {
    const h = await loadPlugin({});
    const importer = new NotionImporter(
      h.app.asOriginalType__(),
      () => h.plugin.settings,
      createTranslator("en"),
      workOf(h),
    );
    const folder = name.includes("outside") ? "../elsewhere" : "Sessions";
    expect(await importer.run(picked(bytes), folder)).toBeNull();
    expect(h.app.vault.getFiles()).toEqual([]);
    expect(h.notices().some((n) => n.includes(message))).toBe(true);
  });
});
