/** The "Import Notion export…" command and its dialog (desktop and mobile): a folder and the export's zip. */
import { Modal, Setting, type App, type Plugin } from "obsidian";
import type { Settings } from "../../core/settings";
import type { Translate } from "../../i18n";
import { labelControl, nameDialog } from "../settings/field-labels";
import { FolderSuggest } from "../settings/path-suggest";
import type { NotionImporter, PickedFile } from "./notion-import";

/** The picker: a folder (the sessions folder to start with) and the export's zip. */
export class NotionImportModal extends Modal {
  #picked: PickedFile | null = null;

  readonly #t: Translate;
  #folder: string;
  readonly #done: (file: PickedFile, folder: string) => void;

  constructor(app: App, t: Translate, folder: string, done: (file: PickedFile, folder: string) => void) {
    super(app);
    this.#t = t;
    this.#folder = folder;
    this.#done = done;
  }

  override onOpen(): void {
    this.setTitle(this.#t("notionImport.title"));
    nameDialog(this, this.contentEl.createEl("p", { text: this.#t("notionImport.help") }));
    const folder = new Setting(this.contentEl)
      .setName(this.#t("notionImport.folder"))
      .setDesc(this.#t("notionImport.folderDesc"));
    folder.addText((text) => {
      labelControl(folder, text.inputEl);
      text.setValue(this.#folder).onChange((value) => (this.#folder = value.trim()));
      new FolderSuggest(this.app, text.inputEl);
    });
    let importButton: HTMLButtonElement | null = null;
    const file = new Setting(this.contentEl).setName(this.#t("notionImport.file"));
    const input = file.controlEl.createEl("input", {
      type: "file",
      cls: "study-session-notes-import-file",
      attr: { accept: ".zip,application/zip" },
    });
    labelControl(file, input);
    input.addEventListener("change", () => {
      this.#picked = input.files?.[0] ?? null;
      if (importButton) importButton.disabled = this.#picked === null;
    });
    // A plain button, as in the date dialog: white on the default accent is under 4.5:1.
    new Setting(this.contentEl).addButton((button) => {
      importButton = button.buttonEl;
      button
        .setButtonText(this.#t("notionImport.start"))
        .setDisabled(true)
        .onClick(() => {
          if (!this.#picked) return;
          const file = this.#picked;
          this.close();
          this.#done(file, this.#folder);
        });
    });
    // Obsidian leaves focus where it was: start at the first field.
    folder.controlEl.querySelector("input")?.focus();
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

export function registerNotionImport(
  plugin: Plugin,
  importer: NotionImporter,
  settings: () => Settings,
  t: Translate,
): void {
  plugin.addCommand({
    id: "import-notion-export",
    name: t("notionImport.command"),
    callback: () =>
      new NotionImportModal(plugin.app, t, settings().sessionsFolder, (file, folder) => {
        void importer.run(file, folder);
      }).open(),
  });
}
