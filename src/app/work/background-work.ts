/**
 * The plugin's background work: whether the plugin is still loaded, whether a note changed since a job
 * looked at it, and long runs in short slices, one run of a kind at a time. Imports obsidian and i18n.
 */
import { Component, Notice, TFile, type App } from "obsidian";
import type { MessageKey, Translate } from "../../i18n";

/** Longest stretch of work between two yields to the UI (a frame budget the app stays responsive in). */
export const SLICE_MS = 50;
/** Runs that take longer than this show a progress notice; shorter ones would only flash one. */
const PROGRESS_AFTER_MS = 1000;

/** What a job saw of a note before an await: compared after it, before writing or indexing. */
export interface FileStamp {
  readonly file: TFile;
  readonly mtime: number;
  readonly size: number;
  readonly version: number;
}

export interface RunOptions<T> {
  /** Runs of one kind never overlap: a second one is refused while the first runs. */
  kind: string;
  items: readonly T[];
  /** One item's work. What it throws is recorded for that item; the run goes on. */
  step: (item: T) => void | Promise<void>;
  /** Items handled at once (reads are I/O: a few in flight at a time keeps the disk busy). */
  parallel?: number;
  /** The progress notice's message (with `{done}` and `{total}`), for runs that pass a second. */
  progress?: MessageKey;
}

export interface RunResult<T> {
  done: number;
  total: number;
  /** Stopped before the end: cancelled by the user, a newer run or the plugin unloading. */
  cancelled: boolean;
  errors: Array<{ item: T; error: unknown }>;
}

/** A lasting notice whose text a run updates in place, with a Cancel button. */
export interface ProgressNotice {
  notice: Notice;
  text: HTMLElement;
}

export class BackgroundWork extends Component {
  #alive = false;
  /** Bumped on every `modify` of a note: catches edits that leave mtime and size as they were. */
  readonly #versions = new WeakMap<TFile, number>();
  readonly #runs = new Map<string, AbortController>();

  readonly #app: App;
  readonly #t: Translate;
  readonly #clock: () => number;

  constructor(app: App, t: Translate, clock: () => number = () => performance.now()) {
    super();
    this.#app = app;
    this.#t = t;
    this.#clock = clock;
  }

  /** False once the plugin unloaded: every job checks it after each await. */
  get loaded(): boolean {
    return this.#alive;
  }

  override onload(): void {
    this.#alive = true;
    this.registerEvent(
      this.#app.vault.on("modify", (file) => {
        if (file instanceof TFile) this.#versions.set(file, (this.#versions.get(file) ?? 0) + 1);
      }),
    );
    this.register(() => {
      this.#alive = false;
      for (const run of this.#runs.values()) run.abort();
      this.#runs.clear();
    });
  }

  /** The plugin is loaded and `file` is still a Markdown note of the vault (renamed or not). */
  exists(file: TFile): boolean {
    return this.#alive && file.extension === "md" && this.#app.vault.getAbstractFileByPath(file.path) === file;
  }

  stamp(file: TFile): FileStamp {
    return { file, mtime: file.stat.mtime, size: file.stat.size, version: this.#versions.get(file) ?? 0 };
  }

  /** After an await: still loaded, the note still there, and not modified since `stamp`. */
  unchanged(stamp: FileStamp): boolean {
    const { file } = stamp;
    return (
      this.exists(file) &&
      file.stat.mtime === stamp.mtime &&
      file.stat.size === stamp.size &&
      (this.#versions.get(file) ?? 0) === stamp.version
    );
  }

  /** The clock slices are measured by, in milliseconds. */
  now(): number {
    return this.#clock();
  }

  /** Let the app draw and handle input before the work goes on. */
  yield(): Promise<void> {
    return new Promise((resolve) => window.setTimeout(resolve, 0));
  }

  /** Stop a run of `kind` at its next item (the item in hand finishes its own checks). */
  cancel(kind: string): void {
    this.#runs.get(kind)?.abort();
  }

  /**
   * Work through `items` in slices of at most `SLICE_MS`, yielding to the UI between them. `null` when a
   * run of the same kind is under way (nothing is started). Stops when cancelled or on unload.
   */
  run<T>(options: RunOptions<T>): Promise<RunResult<T>> | null {
    if (!this.#alive || this.#runs.has(options.kind)) return null;
    const controller = new AbortController();
    this.#runs.set(options.kind, controller);
    return this.#work(options, controller).finally(() => {
      if (this.#runs.get(options.kind) === controller) this.#runs.delete(options.kind);
    });
  }

  async #work<T>(options: RunOptions<T>, controller: AbortController): Promise<RunResult<T>> {
    const { items, step } = options;
    const signal = controller.signal;
    const parallel = Math.max(1, options.parallel ?? 1);
    const result: RunResult<T> = { done: 0, total: items.length, cancelled: false, errors: [] };
    const started = this.#clock();
    let sliceStart = started;
    let notice: ProgressNotice | null = null;
    const attempt = async (item: T): Promise<void> => {
      try {
        await step(item);
      } catch (error) {
        result.errors.push({ item, error });
      }
    };
    // Estimated cost of one item, from the last chunk: sizes the next chunk to what fits in the slice.
    let perItem = 0;
    try {
      while (result.done < items.length) {
        if (signal.aborted || !this.#alive) {
          result.cancelled = true;
          break;
        }
        const before = this.#clock();
        const room = SLICE_MS - (before - sliceStart);
        // The first item alone measures the cost; free items (no clock time) go `parallel` at once.
        const size =
          result.done === 0 ? 1 : perItem > 0 ? Math.min(parallel, Math.max(1, Math.floor(room / perItem))) : parallel;
        const chunk = items.slice(result.done, result.done + size);
        if (chunk.length === 1) await attempt(chunk[0] as T);
        else await Promise.all(chunk.map(attempt));
        result.done += chunk.length;
        const now = this.#clock();
        perItem = (now - before) / chunk.length;
        // Yield when one more item would take the slice past its budget.
        if (now - sliceStart + perItem > SLICE_MS && result.done < items.length) {
          if (options.progress && now - started > PROGRESS_AFTER_MS) {
            notice ??= this.progressNotice(() => controller.abort());
            notice.text.setText(this.#t(options.progress, { done: result.done, total: result.total }));
          }
          await this.yield();
          sliceStart = this.#clock();
        }
      }
    } finally {
      notice?.notice.hide();
    }
    return result;
  }

  /** A lasting notice with a Cancel button that calls `cancel` and closes it; its text is updated in place. */
  progressNotice(cancel: () => void): ProgressNotice {
    const notice = new Notice("", 0);
    const text = notice.messageEl.createDiv();
    const button = notice.messageEl.createEl("button", { text: this.#t("work.cancel") });
    // The listener lives as long as the notice's element, which goes with the notice.
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      cancel();
      notice.hide();
    });
    return { notice, text };
  }
}
