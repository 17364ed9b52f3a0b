/**
 * The plugin's settings tab and dialogs in a real browser: its own settings tab, and its commands'
 * dialogs opened as a user opens them (the command's callback), over the in-memory App with
 * Obsidian's DOM for settings and dialogs (obsidian-ui.ts). `?view=settings|date|notion`.
 */
import { setup } from "obsidian-test-mocks/setup";
import { App } from "obsidian-test-mocks/obsidian";
import type { Command, Plugin } from "obsidian";
import { SessionSettingTab, type SettingsHost } from "../../src/app/settings/settings-tab";
import { registerSessionCommands, type SessionNotes } from "../../src/app/session/session-commands";
import type { NotionImporter } from "../../src/app/import/notion-import";
import { registerNotionImport } from "../../src/app/import/notion-import-dialog";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { createTranslator } from "../../src/i18n";

/** What the page hands the test: the saved settings, and what the dialogs asked for. */
interface UiPageApi {
  settings: Settings;
  saves: number;
  created: string[];
  imported: Array<{ name: string; folder: string }>;
}

function main(): void {
  setup();
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") ?? "en";
  const view = params.get("view") ?? "settings";
  document.documentElement.lang = lang;
  document.title = view;
  document.body.addClass(params.get("theme") === "dark" ? "theme-dark" : "theme-light");
  const font = Number(params.get("font") ?? 0);
  if (font > 0) {
    document.body.addClass("is-large-font");
    document.body.setCssProps({ "--ssn-test-font": `${font}px` });
  }
  const t = createTranslator(lang);
  const app = App.createConfigured__({
    files: {
      "Sessions/2024-09-05 ML study group.md": "# 2024-09-05\n",
      "Sessions/Archive/2023-01-05.md": "# 2023-01-05\n",
      "Templates/Session.md": "{{date}}\n",
      "Templates/Paper.md": "## {{title}}\n",
      "Papers/Attention.md": "",
    },
  }).asOriginalType__();
  const api: UiPageApi = {
    settings: { ...DEFAULT_SETTINGS, roster: [], rotation: [], kindAliases: {} },
    saves: 0,
    created: [],
    imported: [],
  };
  const commands = new Map<string, Command>();
  const host = {
    app,
    get settings() {
      return api.settings;
    },
    saveSettings: () => {
      api.saves++;
      return Promise.resolve();
    },
    addCommand: (command: Command) => {
      commands.set(command.id, command);
      return command;
    },
  } as unknown as SettingsHost & Plugin;
  const workspace = document.body.createEl("main", { cls: "workspace" });
  workspace.createEl("h1", { cls: "study-session-notes-sr-only", text: view });
  const opener = workspace.createEl("button", { cls: "test-opener", text: "Open" });
  if (view === "settings") {
    const tab = new SessionSettingTab(app, host, t);
    tab.containerEl.addClass("vertical-tab-content");
    workspace.appendChild(tab.containerEl);
    // What `display()` draws on Obsidian before 1.13 (from 1.13 Obsidian draws the same definitions).
    tab.draw();
  } else if (view === "date") {
    const notes = {
      nextDate: () => "2024-09-05",
      create: (date: string) => {
        api.created.push(date);
        return Promise.resolve(null);
      },
    } as unknown as SessionNotes;
    registerSessionCommands(host, notes, t);
  } else {
    const importer = {
      run: (file: { name: string }, folder: string) => {
        api.imported.push({ name: file.name, folder });
        return Promise.resolve(null);
      },
    } as unknown as NotionImporter;
    registerNotionImport(host, importer, () => api.settings, t);
  }
  // The dialogs open from the command, as from the palette; the opener gets focus back on close.
  const command = view === "date" ? "new-session-note-for-date" : "import-notion-export";
  opener.addEventListener("click", () => void commands.get(command)?.callback?.());
  (window as unknown as { ssn: UiPageApi }).ssn = api;
  document.body.dataset.ready = "true";
}

main();
