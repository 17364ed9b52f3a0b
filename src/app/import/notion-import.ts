/**
 * The Notion import run: the workspace export zip (picked in `notion-import-dialog.ts`) unpacked, planned
 * and written into a vault folder in slices, through the same core as the CLI's `import`. May import
 * core/import and obsidian.
 */
import { Notice, TFile, TFolder, normalizePath, type App } from "obsidian";
import { ExportPlanner, type ExportPlan } from "../../core/import/export";
import { NOTION_ID_KEY } from "../../core/import/export-note";
import type { PhasedJob } from "../../core/import/phases";
import { ExportUnpacker } from "../../core/import/zip";
import { vaultRelativePath } from "../../core/session/file-names";
import type { Settings } from "../../core/settings";
import type { MessageKey, Translate } from "../../i18n";
import type { Problem } from "../../core/result";
import type { BackgroundWork, ProgressNotice } from "../work/background-work";
import { parseHtmlWithDom } from "./dom-html";
import { reportNotices, type ImportReport } from "./import-report";

/** What the picker hands over: a browser `File`, or anything with its name and bytes. */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** One file to put into the vault: written whole by one call, or left alone. */
interface Target {
  path: string;
  folder: string;
  create: (path: string) => Promise<unknown>;
  /** Whether the file already at `path` is this import's own earlier output (left as it is). */
  isOwn: (existing: TFile) => Promise<boolean>;
}

const REFUSALS: Partial<Record<string, MessageKey>> = {
  "corrupt-zip": "notionImport.problem.corruptZip",
  "too-large": "notionImport.problem.tooLarge",
  "too-many-files": "notionImport.problem.tooManyFiles",
  "unsafe-name": "notionImport.problem.unsafeName",
  "not-notion": "notionImport.problem.notNotion",
};

/** The kind of the import's runs in the background work queue: one import at a time. */
const KIND = "notion-import";
/** Progress text is redrawn every this many items (and at each phase's end). */
const REDRAW_EVERY = 25;

export class NotionImporter {
  #running = false;
  #cancelled = false;

  readonly #app: App;
  readonly #settings: () => Settings;
  readonly #t: Translate;
  readonly #work: BackgroundWork;

  constructor(app: App, settings: () => Settings, t: Translate, work: BackgroundWork) {
    this.#app = app;
    this.#settings = settings;
    this.#t = t;
    this.#work = work;
  }

  /**
   * Import `file` into `folder` in slices the app draws between, with a progress notice whose Cancel stops
   * the import between two files. Every outcome is told in a notice. Returns the report, or null when
   * refused or cancelled before anything was written.
   */
  async run(file: PickedFile, folderSetting: string): Promise<ImportReport | null> {
    if (this.#running) {
      new Notice(this.#t("notionImport.busy"));
      return null;
    }
    this.#running = true;
    this.#cancelled = false;
    const progress = this.#work.progressNotice(() => this.cancel());
    progress.text.setText(this.#t("notionImport.reading", { name: file.name }));
    try {
      return await this.#import(file, folderSetting, progress);
    } catch (error) {
      new Notice(this.#t("notionImport.failed", { reason: error instanceof Error ? error.message : String(error) }), 0);
      return null;
    } finally {
      progress.notice.hide();
      this.#running = false;
    }
  }

  /** Stop the import under way after the file in hand. */
  cancel(): void {
    this.#cancelled = true;
    this.#work.cancel(KIND);
  }

  get #stopped(): boolean {
    return this.#cancelled || !this.#work.loaded;
  }

  async #import(file: PickedFile, folderSetting: string, progress: ProgressNotice): Promise<ImportReport | null> {
    const folderPath = vaultRelativePath(folderSetting);
    if (!folderPath.ok) {
      new Notice(this.#t("notionImport.failed", { reason: folderPath.problem.message }), 0);
      return null;
    }
    const folder = folderPath.value === "" ? "" : normalizePath(folderPath.value);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (this.#stopped) return this.#cancelledEarly();
    const refused = (problem: Problem): null => {
      new Notice(this.#t("notionImport.refused", { name: file.name, reason: this.#reason(problem) }), 0);
      return null;
    };
    const unpacker = ExportUnpacker.open(bytes);
    if (!unpacker.ok) return refused(unpacker.problem);
    if (!(await this.#runPhases(unpacker.value, progress, file.name))) return this.#cancelledEarly();
    const files = unpacker.value.result();
    if (!files.ok) return refused(files.problem);

    const firstNote = `${folder ? `${folder}/` : ""}x.md`;
    const probe = await this.#app.fileManager.getAvailablePathForAttachment("notion-import-probe.png", firstNote);
    if (this.#stopped) return this.#cancelledEarly();
    const attachmentFolder = probe.includes("/") ? probe.slice(0, probe.lastIndexOf("/")) : "";
    const planner = ExportPlanner.open(files.value, {
      fileNamePattern: this.#settings().fileNamePattern,
      attachmentFolder,
      parseHtml: parseHtmlWithDom,
    });
    if (!planner.ok) return refused(planner.problem);
    if (!(await this.#runPhases(planner.value, progress, file.name))) return this.#cancelledEarly();
    const plan = planner.value.result();
    const report = await this.#write(plan, { folder, attachmentFolder }, progress);
    for (const [text, duration] of reportNotices(this.#t, report, plan)) new Notice(text, duration);
    return report;
  }

  /** Why an export was refused, in the app's language when the problem is one of the import's own. */
  #reason(problem: Problem): string {
    const key = REFUSALS[problem.code];
    return key ? this.#t(key, { detail: problem.detail ?? "" }) : problem.message;
  }

  /** Every phase of `job` through the work queue; false when the import was stopped. */
  async #runPhases(job: PhasedJob<unknown>, progress: ProgressNotice, name: string): Promise<boolean> {
    for (let phase = job.next(); phase !== null; phase = job.next()) {
      const { items, name: what } = phase;
      const step = phase.step.bind(phase);
      const total = items.length;
      const message = (done: number): string | null => {
        switch (what) {
          case "unpack":
            return this.#t("notionImport.unpacking", { name, percent: Math.floor((100 * done) / Math.max(1, total)) });
          case "read":
            return this.#t("notionImport.readingPages", { done, total });
          case "convert":
            return this.#t("notionImport.converting", { done, total });
          default:
            // The database tables: a handful, read in a moment; the notice keeps its text.
            return null;
        }
      };
      let done = 0;
      const result = await this.#work.run({
        kind: KIND,
        items,
        step: (item) => {
          step(item);
          done++;
          const text = done % REDRAW_EVERY === 0 || done === total ? message(done) : null;
          if (text !== null) progress.text.setText(text);
        },
      });
      if (result === null || result.cancelled || this.#stopped) return false;
      // A phase ends with a slice of work; the next one starts its own: let the app draw in between.
      await this.#work.yield();
      // The jobs' steps keep their problems to themselves; one that threw is a bug, told as the import stopping.
      const [failure] = result.errors;
      if (failure) throw failure.error;
    }
    return true;
  }

  #cancelledEarly(): null {
    new Notice(this.#t("notionImport.cancelledEarly"), 0);
    return null;
  }

  /** Attachments first, so that a note written before a Cancel never embeds a file still to come. */
  async #write(
    plan: ExportPlan,
    where: { folder: string; attachmentFolder: string },
    progress: ProgressNotice,
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
      failed: [],
      cancelled: false,
    };
    const vault = this.#app.vault;
    const targets: Target[] = [
      ...plan.attachments.map((attachment) => ({
        path: inFolder(where.attachmentFolder, attachment.name),
        folder: where.attachmentFolder,
        create: (path: string) => vault.createBinary(path, attachment.bytes.slice().buffer),
        isOwn: async (existing: TFile) => sameBytes(new Uint8Array(await vault.readBinary(existing)), attachment.bytes),
      })),
      ...plan.notes.map((note) => ({
        path: inFolder(where.folder, note.name),
        folder: where.folder,
        create: (path: string) => vault.create(path, note.text),
        isOwn: async (existing: TFile) => {
          const text = await vault.read(existing);
          return text === note.text || (note.id !== null && carriesId(text, note.id));
        },
      })),
    ];
    const counts = { pages: plan.notes.length, attachments: plan.attachments.length, total: targets.length };
    let done = 0;
    const result = await this.#work.run({
      kind: KIND,
      items: targets,
      step: async (target) => {
        try {
          await this.#writeTarget(target, report);
        } finally {
          done++;
          if (done % REDRAW_EVERY === 0 || done === targets.length)
            progress.text.setText(this.#t("notionImport.writing", { done, ...counts }));
        }
      },
    });
    report.cancelled = result === null || result.cancelled || this.#stopped;
    for (const { item, error } of result?.errors ?? []) {
      report.failed.push({ path: item.path, reason: error instanceof Error ? error.message : String(error) });
    }
    return report;
  }

  /** A target that is not there is created whole; one that is there is left alone, counted as ours or not. */
  async #writeTarget(target: Target, report: ImportReport): Promise<void> {
    const existing = this.#app.vault.getAbstractFileByPath(target.path);
    if (existing instanceof TFile) {
      if (await target.isOwn(existing)) report.unchanged++;
      else report.conflicts.push(target.path);
      return;
    }
    if (existing) {
      report.conflicts.push(target.path);
      return;
    }
    await this.#ensureFolder(target.folder);
    // A Cancel or an unload during the folder's creation: the file is not started.
    if (!this.#work.loaded) return;
    await target.create(target.path);
    report.written++;
  }

  async #ensureFolder(path: string): Promise<void> {
    if (path === "" || this.#app.vault.getAbstractFileByPath(path) instanceof TFolder) return;
    await this.#app.vault.createFolder(path);
  }
}

function inFolder(folder: string, name: string): string {
  return normalizePath(`${folder ? `${folder}/` : ""}${name}`);
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
