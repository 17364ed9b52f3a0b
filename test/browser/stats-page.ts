/**
 * The session statistics view in a real browser: the plugin's own view and index service over the
 * in-memory Obsidian App (obsidian-test-mocks), in a pane of the width the test asks for.
 */
import { setup } from "obsidian-test-mocks/setup";
import { App, WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import type { WorkspaceLeaf as LeafOriginal } from "obsidian";
import { IndexService } from "../../src/app/index/index-service";
import { StatsView } from "../../src/app/stats/stats-view";
import { parseRoster } from "../../src/core/session/roster";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { createTranslator } from "../../src/i18n";

declare const __NOTES__: Record<string, string>;

async function main(): Promise<void> {
  setup();
  const params = new URLSearchParams(location.search);
  document.body.addClass(params.get("theme") === "dark" ? "theme-dark" : "theme-light");
  document.documentElement.lang = params.get("lang") ?? "en";
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    roster: parseRoster(
      "Naoto Shimakoshi\nYuta Kamikawa\n~Shun Ito\nMasamune Ishihara\nqluto (Ryosuke Fukazawa)\nYuya Matsumura\nTomoaki Kitaoka",
    ),
    rotation: [],
    kindAliases: {},
  };
  const app = App.createConfigured__({ files: __NOTES__ });
  const service = new IndexService(app.asOriginalType__(), () => settings);
  service.load();
  app.workspace.setLayoutReady__();
  await service.complete;
  const pane = document.body.createEl("main", { cls: "stats-pane" });
  pane.style.width = `${params.get("width") ?? "900"}px`;
  const leaf = WorkspaceLeaf.create2__(app);
  const view = new StatsView(
    leaf.asOriginalType__() as unknown as LeafOriginal,
    service,
    () => settings,
    createTranslator(params.get("lang") ?? "en"),
    () => undefined,
  );
  view.today = () => "2024-09-20";
  pane.appendChild(view.containerEl);
  await view.onOpen();
  document.body.dataset.ready = "true";
}

void main();
