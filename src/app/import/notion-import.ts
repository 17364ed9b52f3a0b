/**
 * "Import Notion export…": the workspace export zip, picked with a file input (desktop and mobile),
 * into a vault folder through the same core as the CLI's `import`. May import core/import and obsidian.
 */
import { Modal, Notice, Setting, TFile, TFolder, normalizePath, type App, type Plugin } from "obsidian";
import { planExport, NOTION_ID_KEY, type ExportPlan } from "../../core/import/export";
import { unpackExport } from "../../core/import/zip";
import { vaultRelativePath } from "../../core/session/file-names";
import type { Settings } from "../../core/settings";
import type { Translate } from "../../i18n";
import { parseHtmlWithDom } from "./dom-html";
import { labelControl, nameDialog } from "../settings/field-labels";
import { FolderSuggest } from "../settings/path-suggest";

/** What the picker hands over: a browser `File`, or anything with its name and bytes. */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ImportReport {
  sessions: number;
  pages: number;
  attachments: number;
  skipped: number;
  written: number;
  unchanged: number;
  conflicts: string[];
}

export class NotionImporter {
  private running = false;

  constructor(
    private readonly app: App,
    private readonly settings: () => Settings,
    private readonly t: Translate,
  ) {}

  /** Import `file` into `folder`; every outcome is told in a notice. Returns the report, or null when refused. */
  async run(file: PickedFile, folderSetting: string): Promise<ImportReport | null> {
    if (this.running) {
      new Notice(this.t("notionImport.busy"));
      return null;
    }
    this.running = true;
    const progress = new Notice(this.t("notionImport.reading", { name: file.name }), 0);
    try {
      return await this.import(file, folderSetting, progress);
    } catch (error) {
      new Notice(this.t("notionImport.failed", { reason: error instanceof Error ? error.message : String(error) }), 0);
      return null;
    } finally {
      progress.hide();
      this.running = false;
    }
  }

  private async import(file: PickedFile, folderSetting: string, progress: Notice): Promise<ImportReport | null> {
    const folderPath = vaultRelativePath(folderSetting);
    if (!folderPath.ok) {
      new Notice(this.t("notionImport.failed", { reason: folderPath.problem.message }), 0);
      return null;
    }
    const folder = folderPath.value === "" ? "" : normalizePath(folderPath.value);
    const unpacked = unpackExport(new Uint8Array(await file.arrayBuffer()));
    if (!unpacked.ok) {
      new Notice(this.t("notionImport.refused", { name: file.name, reason: unpacked.problem.message }), 0);
      return null;
    }
    const firstNote = `${folder ? `${folder}/` : ""}x.md`;
    const probe = await this.app.fileManager.getAvailablePathForAttachment("notion-import-probe.png", firstNote);
    const attachmentFolder = probe.includes("/") ? probe.slice(0, probe.lastIndexOf("/")) : "";
    const plan = planExport(unpacked.value, {
      fileNamePattern: this.settings().fileNamePattern,
      attachmentFolder,
      parseHtml: parseHtmlWithDom,
    });
    if (!plan.ok) {
      new Notice(this.t("notionImport.refused", { name: file.name, reason: plan.problem.message }), 0);
      return null;
    }
    const report = await this.write(plan.value, folder, attachmentFolder, progress);
    this.tell(report, plan.value);
    return report;
  }

  private async write(
    plan: ExportPlan,
    folder: string,
    attachmentFolder: string,
    progress: Notice,
  ): Promise<ImportReport> {
    const sessions = plan.notes.filter((n) => n.session).length;
    const report: ImportReport = {
      sessions,
      pages: plan.notes.length - sessions,
      attachments: plan.attachments.length,
      skipped: plan.skipped.length,
      written: 0,
      unchanged: 0,
      conflicts: [],
    };
    const total = plan.notes.length + plan.attachments.length;
    let done = 0;
    const step = (): void => {
      done++;
      if (done % 20 === 0 || done === total) progress.setMessage(this.t("notionImport.writing", { done, total }));
    };
    for (const note of plan.notes) {
      const path = normalizePath(`${folder ? `${folder}/` : ""}${note.name}`);
      const existing = this.app.vault.getAbstractFileByPath(path);
      if (existing instanceof TFile) {
        const text = await this.app.vault.read(existing);
        if (text === note.text || (note.id !== null && carriesId(text, note.id))) report.unchanged++;
        else report.conflicts.push(path);
      } else if (existing) {
        report.conflicts.push(path);
      } else {
        await this.ensureFolder(folder);
        await this.app.vault.create(path, note.text);
        report.written++;
      }
      step();
    }
    for (const attachment of plan.attachments) {
      const path = normalizePath(`${attachmentFolder ? `${attachmentFolder}/` : ""}${attachment.name}`);
      const existing = this.app.vault.getAbstractFileByPath(path);
      if (existing instanceof TFile) {
        const bytes = new Uint8Array(await this.app.vault.readBinary(existing));
        if (sameBytes(bytes, attachment.bytes)) report.unchanged++;
        else report.conflicts.push(path);
      } else if (existing) {
        report.conflicts.push(path);
      } else {
        await this.ensureFolder(attachmentFolder);
        const copy = attachment.bytes.slice();
        await this.app.vault.createBinary(path, copy.buffer);
        report.written++;
      }
      step();
    }
    return report;
  }

  private tell(report: ImportReport, plan: ExportPlan): void {
    new Notice(
      this.t("notionImport.done", {
        sessions: report.sessions,
        pages: report.pages,
        attachments: report.attachments,
        skipped: report.skipped,
        written: report.written,
        unchanged: report.unchanged,
      }),
      15000,
    );
    if (plan.skipped.length > 0) {
      const list = plan.skipped.slice(0, 5).map((s) => `${s.source}: ${s.reason}`);
      new Notice(this.t("notionImport.skippedList", { list: list.join("\n") }), 0);
    }
    if (report.conflicts.length > 0) {
      new Notice(
        this.t("notionImport.conflicts", {
          count: report.conflicts.length,
          list: report.conflicts.slice(0, 5).join("\n"),
        }),
        0,
      );
    }
  }

  private async ensureFolder(path: string): Promise<void> {
    if (path === "" || this.app.vault.getAbstractFileByPath(path) instanceof TFolder) return;
    await this.app.vault.createFolder(path);
  }
}

function carriesId(text: string, id: string): boolean {
  const end = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
  if (end < 0) return false;
  return new RegExp(`^${NOTION_ID_KEY}: "?${id}"?\\r?$`, "m").test(text.slice(0, end + 1));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The picker: a folder (the sessions folder to start with) and the export's zip. */
export class NotionImportModal extends Modal {
  private picked: PickedFile | null = null;

  constructor(
    app: App,
    private readonly t: Translate,
    private folder: string,
    private readonly done: (file: PickedFile, folder: string) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle(this.t("notionImport.title"));
    nameDialog(this, this.contentEl.createEl("p", { text: this.t("notionImport.help") }));
    const folder = new Setting(this.contentEl)
      .setName(this.t("notionImport.folder"))
      .setDesc(this.t("notionImport.folderDesc"));
    folder.addText((text) => {
      labelControl(folder, text.inputEl);
      text.setValue(this.folder).onChange((value) => (this.folder = value.trim()));
      new FolderSuggest(this.app, text.inputEl);
    });
    let importButton: HTMLButtonElement | null = null;
    const file = new Setting(this.contentEl).setName(this.t("notionImport.file"));
    const input = file.controlEl.createEl("input", {
      type: "file",
      cls: "study-session-notes-import-file",
      attr: { accept: ".zip,application/zip" },
    });
    labelControl(file, input);
    input.addEventListener("change", () => {
      this.picked = input.files?.[0] ?? null;
      if (importButton) importButton.disabled = this.picked === null;
    });
    // A plain button, as in the date dialog: white on the default accent is under 4.5:1.
    new Setting(this.contentEl).addButton((button) => {
      importButton = button.buttonEl;
      button
        .setButtonText(this.t("notionImport.start"))
        .setDisabled(true)
        .onClick(() => {
          if (!this.picked) return;
          const file = this.picked;
          this.close();
          this.done(file, this.folder);
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
