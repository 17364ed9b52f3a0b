/**
 * Keeping topic entries in session notes' properties: the open note through its Editor (one minimal
 * change, cursor and selections kept, one undo step), other notes through `Vault.process`.
 */
import { Component, MarkdownView, Notice, TFile, type App, type Editor, type MarkdownFileInfo } from "obsidian";
import { syncFrontmatter, type FrontmatterError } from "../../core/properties/frontmatter";
import type { ParsedNote } from "../../core/note/model";
import { readSessionNote } from "../../core/note/session-note";
import type { Settings } from "../../core/settings";
import { applyToEditor } from "../editor/editor-edit";
import type { Translate } from "../../i18n";

export type SyncOutcome =
  | { status: "updated" | "unchanged" | "not-session" }
  | { status: "failed"; error: FrontmatterError | { code: "read"; line: 0; message: string } };

/** Pause in typing after which an open session note is synced. */
const AUTO_SYNC_DELAY_MS = 2000;

export class TopicSync extends Component {
  private readonly pending = new Map<string, number>();
  private lastActiveFile: TFile | null = null;

  constructor(
    private readonly app: App,
    private readonly settings: () => Settings,
    private readonly t: Translate,
  ) {
    super();
  }

  override onload(): void {
    this.registerEvent(this.app.workspace.on("editor-change", (editor, info) => this.onEditorChange(editor, info)));
    this.registerEvent(this.app.workspace.on("active-leaf-change", () => this.onActiveChange()));
    this.register(() => {
      for (const timer of this.pending.values()) window.clearTimeout(timer);
      this.pending.clear();
    });
  }

  parse(text: string, path: string): ParsedNote {
    return readSessionNote(text, path, this.settings()).note;
  }

  /** Sync the note shown in `editor` by editing the editor's text. */
  syncEditor(editor: Editor, file: TFile): SyncOutcome {
    const before = editor.getValue();
    const planned = this.plan(before, file.path);
    if (planned.status === "updated") applyToEditor(editor, before, planned.text);
    return planned.outcome;
  }

  /** Sync a note on disk: read first, and write through `Vault.process` only when something changes. */
  async syncFile(file: TFile): Promise<SyncOutcome> {
    const open = this.openEditorFor(file);
    if (open) return this.syncEditor(open, file);
    let text: string;
    try {
      text = await this.app.vault.cachedRead(file);
    } catch (error) {
      return {
        status: "failed",
        error: { code: "read", line: 0, message: error instanceof Error ? error.message : String(error) },
      };
    }
    const first = this.plan(text, file.path);
    if (first.status !== "updated") return first.outcome;
    let outcome: SyncOutcome = { status: "unchanged" };
    // The note may have changed since the read (a sync tool, another device): recompute on what
    // Vault.process hands over, never write from the stale copy.
    await this.app.vault.process(file, (current) => {
      const fresh = this.plan(current, file.path);
      outcome = fresh.outcome;
      return fresh.status === "updated" ? fresh.text : current;
    });
    return outcome;
  }

  /** Sync every session note, reporting progress; returns the counts and the failures. */
  async syncAll(onProgress?: (done: number, total: number) => void): Promise<SyncReport> {
    const files = this.app.vault.getMarkdownFiles();
    const report: SyncReport = { updated: 0, unchanged: 0, failed: [] };
    let done = 0;
    for (const file of files) {
      const outcome = await this.syncFile(file);
      if (outcome.status === "updated") report.updated++;
      else if (outcome.status === "unchanged") report.unchanged++;
      else if (outcome.status === "failed") report.failed.push({ file, outcome });
      done++;
      onProgress?.(done, files.length);
    }
    return report;
  }

  /** The message for a failed outcome, in the user's language. */
  describeFailure(file: TFile, outcome: Extract<SyncOutcome, { status: "failed" }>): string {
    const error = outcome.error;
    if (error.code === "read") return this.t("sync.error.read", { file: file.path, detail: error.message });
    return this.t(`sync.error.${error.code}`, {
      file: file.path,
      line: error.line + 1,
      detail: "detail" in error ? (error.detail ?? "") : "",
    });
  }

  private plan(
    text: string,
    path: string,
  ): { status: "updated"; text: string; outcome: SyncOutcome } | { status: "other"; outcome: SyncOutcome } {
    const { note, session } = readSessionNote(text, path, this.settings());
    if (!session) return { status: "other", outcome: { status: "not-session" } };
    const result = syncFrontmatter(text, note);
    if (!result.ok) return { status: "other", outcome: { status: "failed", error: result.problem } };
    if (!result.value.changed) return { status: "other", outcome: { status: "unchanged" } };
    return { status: "updated", text: result.value.text, outcome: { status: "updated" } };
  }

  private openEditorFor(file: TFile): Editor | null {
    let found: Editor | null = null;
    this.app.workspace.iterateAllLeaves((leaf) => {
      if (!found && leaf.view instanceof MarkdownView && leaf.view.file?.path === file.path) found = leaf.view.editor;
    });
    return found;
  }

  private onEditorChange(editor: Editor, info: MarkdownView | MarkdownFileInfo): void {
    const file = info.file;
    if (!file || !this.settings().autoSync) return;
    this.lastActiveFile = file;
    const path = file.path;
    const previous = this.pending.get(path);
    if (previous !== undefined) window.clearTimeout(previous);
    this.pending.set(
      path,
      window.setTimeout(() => {
        this.pending.delete(path);
        // Only while the editor still shows this note; otherwise leaving it already synced it.
        if (info.file?.path === path && info.editor === editor) this.syncEditor(editor, file);
      }, AUTO_SYNC_DELAY_MS),
    );
  }

  /** Leaving a note with a sync pending: do it now, on whatever holds the note's latest text. */
  private onActiveChange(): void {
    const left = this.lastActiveFile;
    const active = this.app.workspace.getActiveFile();
    if (!left || active?.path === left.path) return;
    this.lastActiveFile = active;
    const timer = this.pending.get(left.path);
    if (timer === undefined) return;
    window.clearTimeout(timer);
    this.pending.delete(left.path);
    const current = this.app.vault.getAbstractFileByPath(left.path);
    if (current instanceof TFile) void this.syncFile(current);
  }
}

export interface SyncReport {
  updated: number;
  unchanged: number;
  failed: Array<{ file: TFile; outcome: Extract<SyncOutcome, { status: "failed" }> }>;
}

/** Show the outcome of a manual sync of one note. */
export function noticeFor(sync: TopicSync, t: Translate, file: TFile, outcome: SyncOutcome): void {
  if (outcome.status === "failed") new Notice(sync.describeFailure(file, outcome), 10000);
  else if (outcome.status === "updated") new Notice(t("sync.updated"));
  else if (outcome.status === "unchanged") new Notice(t("sync.unchanged"));
  else new Notice(t("sync.notSession"));
}
