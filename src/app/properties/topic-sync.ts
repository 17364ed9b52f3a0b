/**
 * Keeping topic entries in session notes' properties: the open note through its Editor (one minimal
 * change, cursor and selections kept, one undo step), other notes through `Vault.process`.
 * May import obsidian, i18n, core (note, properties, settings), app/editor and app/work.
 */
import { Component, MarkdownView, Notice, TFile, type App, type Editor, type MarkdownFileInfo } from "obsidian";
import { syncFrontmatter } from "../../core/properties/frontmatter";
import type { FrontmatterError } from "../../core/properties/frontmatter-edit";
import type { ParsedNote, Presenter } from "../../core/note/model";
import { readSessionNote } from "../../core/note/session-note";
import type { Settings } from "../../core/settings";
import { editEditor } from "../editor/editor-edit";
import type { Translate } from "../../i18n";
import type { BackgroundWork } from "../work/background-work";

export type SyncOutcome =
  | { status: "updated" | "unchanged" | "not-session" }
  /** The plugin unloaded before the note was written: nothing was done. */
  | { status: "skipped" }
  | { status: "failed"; error: FrontmatterError | { code: "read" | "gone"; line: 0; message: string } };

/** Pause in typing after which an open session note is synced. */
const AUTO_SYNC_DELAY_MS = 2000;
/** Notes read at once by "Sync all". */
const SYNC_ALL_PARALLEL = 8;

/** A note's automatic sync waiting for the typing to pause: keyed by the file, so it follows renames. */
interface PendingSync {
  timer: number;
  editor: Editor;
  info: MarkdownView | MarkdownFileInfo;
}

export class TopicSync extends Component {
  readonly #pending = new Map<TFile, PendingSync>();
  #lastActiveFile: TFile | null = null;
  /** How a presenter is written into `presenters`: a plain name, or a link while people links are on. */
  presenterValue: (presenter: Presenter) => string = (presenter) => presenter.name;

  readonly #app: App;
  readonly #settings: () => Settings;
  readonly #t: Translate;
  readonly #work: BackgroundWork;

  constructor(app: App, settings: () => Settings, t: Translate, work: BackgroundWork) {
    super();
    this.#app = app;
    this.#settings = settings;
    this.#t = t;
    this.#work = work;
  }

  override onload(): void {
    this.registerEvent(this.#app.workspace.on("editor-change", (editor, info) => this.#onEditorChange(editor, info)));
    this.registerEvent(this.#app.workspace.on("active-leaf-change", () => this.#onActiveChange()));
    this.registerEvent(
      this.#app.vault.on("delete", (file) => {
        if (file instanceof TFile) this.#drop(file);
      }),
    );
    this.registerEvent(
      this.#app.vault.on("rename", (file) => {
        // A note renamed to another extension is no note to sync; a renamed note keeps its job.
        if (file instanceof TFile && file.extension !== "md") this.#drop(file);
      }),
    );
    this.register(() => this.cancelPending());
  }

  /** Forget every automatic sync waiting to run (auto-sync turned off, or the plugin unloading). */
  cancelPending(): void {
    for (const job of this.#pending.values()) window.clearTimeout(job.timer);
    this.#pending.clear();
  }

  /** Settings changed: turning auto-sync off cancels what it had scheduled. */
  applySettings(): void {
    if (!this.#settings().autoSync) this.cancelPending();
  }

  /** Syncs waiting for the typing to pause (for tests and the status of the plugin). */
  get pendingCount(): number {
    return this.#pending.size;
  }

  parse(text: string, path: string): ParsedNote {
    return readSessionNote(text, path, this.#settings()).note;
  }

  /** Sync the note shown in `editor` by editing the editor's text. */
  syncEditor(editor: Editor, file: TFile): SyncOutcome {
    const seen: { outcome: SyncOutcome } = { outcome: { status: "unchanged" } };
    editEditor(editor, (current) => {
      const plan = this.#plan(current, file.path);
      seen.outcome = plan.outcome;
      return plan.status === "updated" ? plan.text : null;
    });
    return seen.outcome;
  }

  /**
   * Sync a note on disk: read first, and write through `Vault.process` only when something changes.
   * Never throws: a note that went away or could not be read or written is a failed outcome.
   */
  async syncFile(file: TFile): Promise<SyncOutcome> {
    if (!this.#work.loaded) return { status: "skipped" };
    if (!this.#work.exists(file)) return gone(file);
    const open = this.#openEditorFor(file);
    if (open) return this.syncEditor(open, file);
    let text: string;
    try {
      text = await this.#app.vault.cachedRead(file);
    } catch (error) {
      return this.#work.exists(file) ? failure("read", error) : gone(file);
    }
    if (!this.#work.loaded) return { status: "skipped" };
    if (!this.#work.exists(file)) return gone(file);
    const first = this.#plan(text, file.path);
    if (first.status !== "updated") return first.outcome;
    let outcome: SyncOutcome = { status: "unchanged" };
    try {
      // The note may have changed since the read (a sync tool, another device): recompute on what
      // Vault.process hands over, never write from the stale copy.
      await this.#app.vault.process(file, (current) => {
        if (!this.#work.loaded) return current;
        const fresh = this.#plan(current, file.path);
        outcome = fresh.outcome;
        return fresh.status === "updated" ? fresh.text : current;
      });
    } catch (error) {
      return this.#work.exists(file) ? failure("read", error) : gone(file);
    }
    return outcome;
  }

  /**
   * Sync every session note in slices, one run at a time: `null` when a run is already under way.
   * Each note's failure (unreadable, malformed, deleted meanwhile) is counted and named; the run goes on.
   */
  async syncAll(): Promise<SyncReport | null> {
    const report: SyncReport = { updated: 0, unchanged: 0, failed: [], cancelled: false, done: 0, total: 0 };
    const run = this.#work.run({
      kind: "sync-all",
      items: this.#app.vault.getMarkdownFiles(),
      parallel: SYNC_ALL_PARALLEL,
      progress: "sync.progress",
      step: async (file) => {
        const outcome = await this.syncFile(file);
        if (outcome.status === "updated") report.updated++;
        else if (outcome.status === "unchanged") report.unchanged++;
        else if (outcome.status === "failed") report.failed.push({ file, path: file.path, outcome });
      },
    });
    if (!run) return null;
    const result = await run;
    for (const { item, error } of result.errors)
      report.failed.push({ file: item, path: item.path, outcome: failure("read", error) });
    report.cancelled = result.cancelled;
    report.done = result.done;
    report.total = result.total;
    return report;
  }

  /** The message for a failed outcome, in the user's language. */
  describeFailure(path: string, outcome: Extract<SyncOutcome, { status: "failed" }>): string {
    const error = outcome.error;
    if (error.code === "read") return this.#t("sync.error.read", { file: path, detail: error.message });
    if (error.code === "gone") return this.#t("sync.error.gone", { file: path });
    return this.#t(`sync.error.${error.code}`, {
      file: path,
      line: error.line + 1,
      detail: "detail" in error ? (error.detail ?? "") : "",
    });
  }

  #plan(
    text: string,
    path: string,
  ): { status: "updated"; text: string; outcome: SyncOutcome } | { status: "other"; outcome: SyncOutcome } {
    const { note, session } = readSessionNote(text, path, this.#settings());
    if (!session) return { status: "other", outcome: { status: "not-session" } };
    const result = syncFrontmatter(text, note, { presenterValue: this.presenterValue });
    if (!result.ok) return { status: "other", outcome: { status: "failed", error: result.problem } };
    if (!result.value.changed) return { status: "other", outcome: { status: "unchanged" } };
    return { status: "updated", text: result.value.text, outcome: { status: "updated" } };
  }

  #openEditorFor(file: TFile): Editor | null {
    let found: Editor | null = null;
    this.#app.workspace.iterateAllLeaves((leaf) => {
      if (!found && leaf.view instanceof MarkdownView && leaf.view.file === file) found = leaf.view.editor;
    });
    return found;
  }

  #onEditorChange(editor: Editor, info: MarkdownView | MarkdownFileInfo): void {
    const file = info.file;
    if (!file || file.extension !== "md" || !this.#settings().autoSync || !this.#work.loaded) return;
    this.#lastActiveFile = file;
    const previous = this.#pending.get(file);
    if (previous !== undefined) window.clearTimeout(previous.timer);
    const timer = window.setTimeout(() => {
      this.#pending.delete(file);
      // Only while the editor still shows this note; otherwise leaving it already synced it.
      if (this.#stillWanted(file) && info.file === file && info.editor === editor) this.syncEditor(editor, file);
    }, AUTO_SYNC_DELAY_MS);
    this.#pending.set(file, { timer, editor, info });
  }

  /** Leaving a note with a sync pending: do it now, on whatever holds the note's latest text. */
  #onActiveChange(): void {
    const left = this.#lastActiveFile;
    const active = this.#app.workspace.getActiveFile();
    if (!left || active === left) return;
    this.#lastActiveFile = active;
    const job = this.#pending.get(left);
    if (job === undefined) return;
    window.clearTimeout(job.timer);
    this.#pending.delete(left);
    if (this.#stillWanted(left)) void this.syncFile(left);
  }

  #stillWanted(file: TFile): boolean {
    return this.#settings().autoSync && this.#work.exists(file);
  }

  #drop(file: TFile): void {
    const job = this.#pending.get(file);
    if (job !== undefined) window.clearTimeout(job.timer);
    this.#pending.delete(file);
    if (this.#lastActiveFile === file) this.#lastActiveFile = null;
  }
}

function failure(code: "read", error: unknown): Extract<SyncOutcome, { status: "failed" }> {
  return {
    status: "failed",
    error: { code, line: 0, message: error instanceof Error ? error.message : String(error) },
  };
}

function gone(file: TFile): Extract<SyncOutcome, { status: "failed" }> {
  return { status: "failed", error: { code: "gone", line: 0, message: file.path } };
}

export interface SyncReport {
  updated: number;
  unchanged: number;
  /** `path` is where the note was when it failed (a deleted note has no other name). */
  failed: Array<{ file: TFile; path: string; outcome: Extract<SyncOutcome, { status: "failed" }> }>;
  cancelled: boolean;
  done: number;
  total: number;
}

/** Show the outcome of a manual sync of one note. */
export function noticeFor(sync: TopicSync, t: Translate, file: TFile, outcome: SyncOutcome): void {
  if (outcome.status === "failed") new Notice(sync.describeFailure(file.path, outcome), 10000);
  else if (outcome.status === "updated") new Notice(t("sync.updated"));
  else if (outcome.status === "unchanged") new Notice(t("sync.unchanged"));
  else if (outcome.status === "not-session") new Notice(t("sync.notSession"));
}
