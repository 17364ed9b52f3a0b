/**
 * The plugin shell under test: the real plugin class loaded into an in-memory Obsidian App
 * (obsidian-test-mocks), with a vault built from real notes.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { PluginManifest } from "obsidian";
import { App, MarkdownView, MetadataCache, Notice, Plugin, TFile } from "obsidian-test-mocks/obsidian";
import { afterEach, vi, type MockInstance } from "vitest";
import StudySessionNotesPlugin from "../../src/main";

export const manifest = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "manifest.json"), "utf8"),
) as PluginManifest;

/** The three Notion exports, as notes of a vault. */
export function notionNotes(folder = "Sessions"): Record<string, string> {
  const dir = join(__dirname, "..", "fixtures", "notion-export");
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
    out[`${folder}/${name.replace(/\.txt$/, "")} 機械学習勉強会.md`] = readFileSync(join(dir, name), "utf8");
  }
  return out;
}

/** Notes in the plugin's own Markdown form, as the demo vault has them. */
export function templateNotes(folder = "Sessions"): Record<string, string> {
  const dir = join(__dirname, "..", "..", "demo", "notes");
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) out[`${folder}/${name}`] = readFileSync(join(dir, name), "utf8");
  return out;
}

export interface Harness {
  app: App;
  plugin: StudySessionNotesPlugin;
  /** Vault reads and scans made while the plugin loaded: SPEC §6 wants none. */
  vaultCallsDuringLoad: number;
  notices: () => string[];
  command: (id: string) => ReturnType<Plugin["addCommand"]>;
  file: (path: string) => TFile;
  /** Open a note in a Markdown editor leaf and make it the active one. */
  open: (path: string) => Promise<MarkdownView>;
  /** What Obsidian does once the workspace is restored: run the onLayoutReady callbacks. */
  layoutReady: () => void;
}

/**
 * Where the mocks fall short of Obsidian: the mock metadata cache throws on malformed frontmatter,
 * while Obsidian indexes such a note without properties. Our tests need those notes in the vault.
 */
function tolerateMalformedFrontmatter(): void {
  // parseFileMetadata is the mock's own (private) hook; typed here as what it is.
  const proto = MetadataCache.prototype as unknown as {
    parseFileMetadata(this: MetadataCache, file: { path: string }): void;
  };
  const original = Object.getOwnPropertyDescriptor(proto, "parseFileMetadata")?.value as (
    this: MetadataCache,
    file: { path: string },
  ) => void;
  vi.spyOn(proto, "parseFileMetadata").mockImplementation(function (this: MetadataCache, file: { path: string }) {
    try {
      original.call(this, file);
    } catch {
      this.setCache__(file.path, {});
    }
  });
}

/**
 * Every plugin a test loads is unloaded after it, as Obsidian does on close: background work a test
 * started (the related index of 80,000 topics, body reads) must not run on into the next test's timers.
 */
const loaded = new Set<StudySessionNotesPlugin>();
afterEach(() => {
  for (const plugin of loaded) plugin.unload();
  loaded.clear();
});

/** `pluginClass`: the plugin as built into main.js instead of the source's (test/app/bundle.test.ts). */
export async function loadPlugin(
  files: Record<string, string>,
  data?: unknown,
  pluginClass: typeof StudySessionNotesPlugin = StudySessionNotesPlugin,
): Promise<Harness> {
  tolerateMalformedFrontmatter();
  const app = App.createConfigured__({ files });
  const noticeSpy: MockInstance = vi.spyOn(Notice.prototype, "constructor__");
  const plugin = new pluginClass(app.asOriginalType__(), manifest);
  const mock = Plugin.fromOriginalType2__(plugin);
  if (data !== undefined) mock.data__ = data;
  const vaultWork = ["read", "cachedRead", "getMarkdownFiles", "getFiles", "getAllLoadedFiles"] as const;
  const spies = vaultWork.map((method) => vi.spyOn(app.vault, method));
  plugin.load();
  loaded.add(plugin);
  await vi.waitFor(() => {
    if (mock.commands__.size === 0) throw new Error("plugin not loaded yet");
  });
  const vaultCallsDuringLoad = spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  for (const spy of spies) spy.mockRestore();
  const file = (path: string): TFile => {
    const found = app.vault.getFileByPath(path);
    if (!found) throw new Error(`no file ${path}`);
    return found;
  };
  return {
    app,
    plugin,
    vaultCallsDuringLoad,
    notices: () => noticeSpy.mock.calls.map((call) => String(call[0])),
    command: (id) => {
      const command = mock.commands__.get(`${id}`);
      if (!command) throw new Error(`no command ${id}`);
      return command;
    },
    file,
    layoutReady: () => app.workspace.setLayoutReady__(),
    open: async (path) => {
      const leaf = app.workspace.getLeaf(true);
      const view = MarkdownView.create2__(leaf);
      const target = file(path);
      view.file = target;
      view.setViewData(await app.vault.read(target), false);
      await leaf.open(view.asOriginalType7__());
      await leaf.openFile(target);
      app.workspace.setActiveLeaf(leaf);
      return view;
    },
  };
}
