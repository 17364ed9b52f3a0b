/**
 * main.js as the production build makes it (minified, the message keys once, dates by Obsidian's moment),
 * run in the in-memory App with Obsidian set to Japanese: what the source's tests cannot show of the build.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import Module, { builtinModules, createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import esbuild from "esbuild";
import * as obsidian from "obsidian-test-mocks/obsidian";
import { MarkdownView, WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import { afterAll, describe, expect, it, vi } from "vitest";
import type StudySessionNotesPlugin from "../../src/main";
// @ts-expect-error: a build script in plain JavaScript, without types
import { i18nKeysOnce } from "../../scripts/i18n-keys-once.mjs";
// @ts-expect-error: a build script in plain JavaScript, without types
import { obsidianOnce } from "../../scripts/obsidian-once.mjs";
import { loadPlugin, notionNotes } from "./harness";

const root = join(__dirname, "..", "..");

/** The plugin class of a production main.js, its `obsidian` the in-memory one (in Japanese). */
async function builtPlugin(): Promise<typeof StudySessionNotesPlugin> {
  const dir = mkdtempSync(join(tmpdir(), "ssn-bundle-"));
  // `.cjs`: loaded as CommonJS whatever a package.json above the temporary folder says.
  const outfile = join(dir, "main.cjs");
  const built = await esbuild.build({
    entryPoints: [join(root, "src", "main.ts")],
    bundle: true,
    external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", ...builtinModules],
    format: "cjs",
    target: "es2022",
    platform: "browser",
    minify: true,
    charset: "utf8",
    plugins: [i18nKeysOnce as esbuild.Plugin, obsidianOnce as esbuild.Plugin],
    write: false,
    logLevel: "silent",
  });
  const code = built.outputFiles[0]?.text ?? "";
  // `obsidian` required once, by the module that re-exports it to the others (scripts/obsidian-once.mjs).
  expect(code.match(/require\("obsidian"\)/g)).toHaveLength(1);
  writeFileSync(outfile, code);
  const shim = { ...obsidian, getLanguage: () => "ja" };
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === "obsidian" ? shim : load.call(this, request, ...rest);
  };
  try {
    const plugin = createRequire(import.meta.url)(outfile) as { default: typeof StudySessionNotesPlugin };
    return plugin.default;
  } finally {
    loader._load = load;
    rmSync(dir, { recursive: true, force: true });
  }
}

afterAll(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("main.js as built", () => {
  it("speaks Japanese from the keys-once table and dates the week's note with Obsidian's moment", async () => {
    vi.useFakeTimers({ now: new Date("2024-09-02T09:00:00Z"), toFake: ["Date"] });
    const settings = { version: 2, fileNamePattern: "{{date:YYYY-MM-DD (ddd)}} {{series}}" };
    const h = await loadPlugin(notionNotes(), settings, await builtPlugin());
    expect(h.command("new-session-note").name).toBe("新しい勉強会ノート");
    h.layoutReady();
    vi.spyOn(WorkspaceLeaf.prototype, "openFile").mockImplementation(async function (this: WorkspaceLeaf, file) {
      const view = MarkdownView.create2__(this);
      view.file = file;
      view.setViewData(await h.app.vault.read(file), false);
      this.view = view.asOriginalType7__();
    });
    await (h.command("new-session-note").callback as () => Promise<void>)();
    // The weekday in moment's ja locale; `{{date:YYYY年M月D日}}` of the Japanese template.
    const path = "Sessions/2024-09-05 (木) 機械学習勉強会.md";
    expect(await h.app.vault.read(h.file(path))).toContain("# 機械学習勉強会 第4回（2024年9月5日）");
    expect(h.notices()).toContain(`${path} を作成しました。`);
  });
});
