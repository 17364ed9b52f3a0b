/**
 * The live topic index of the vault. Built after the layout is ready from the topic properties in
 * Obsidian's metadata cache (no file reads for synced notes); notes without them are read in small
 * background batches. Kept current from metadata `changed` (which hands over the note's text),
 * `deleted` and vault `rename`: one note's change costs the same in any size of vault.
 */
import { Component, Events, TFile, type App, type CachedMetadata } from "obsidian";
import type { ParsedNote } from "../../core/note/model";
import { isSessionNote, parseNote } from "../../core/note/parser";
import { sessionFromParse, sessionFromProperties } from "../../core/index/session-entry";
import type { Settings } from "../../core/settings";
import { TopicIndex, type IndexedTopic, type SessionEntry } from "../../core/index/topic-index";

/** Notes read per background step when looking for session notes that have no properties yet. */
const SCAN_BATCH = 25;

export class IndexService extends Component {
  readonly index = new TopicIndex();
  readonly events = new Events();
  private ready = false;
  private scanQueue: TFile[] = [];
  private scanTimer: number | null = null;
  private scanned: () => void = () => undefined;
  /** Settles once every note has been looked at (properties read, unsynced notes parsed). */
  readonly complete: Promise<void> = new Promise((resolve) => (this.scanned = resolve));

  constructor(
    private readonly app: App,
    private readonly settings: () => Settings,
  ) {
    super();
  }

  get isReady(): boolean {
    return this.ready;
  }

  override onload(): void {
    this.app.workspace.onLayoutReady(() => this.build());
    this.register(() => {
      if (this.scanTimer !== null) window.clearTimeout(this.scanTimer);
      this.scanQueue = [];
    });
    this.registerEvent(this.app.metadataCache.on("changed", (file, data, cache) => this.onChanged(file, data, cache)));
    this.registerEvent(
      this.app.vault.on("delete", (file) => {
        if (file instanceof TFile) this.remove(file.path);
      }),
    );
    this.registerEvent(
      this.app.vault.on("rename", (file, oldPath) => {
        if (!(file instanceof TFile)) return;
        this.index.rename(oldPath, file.path);
        this.events.trigger("session", oldPath, null);
        this.events.trigger("session", file.path, this.index.get(file.path) ?? null);
        this.notify();
      }),
    );
  }

  parse(text: string, path: string): ParsedNote {
    return parseNote(text, { path, kindAliases: this.settings().kindAliases });
  }

  /** The 0-based line of a topic in its note (topics read from properties do not know it). */
  async lineOf(topic: IndexedTopic): Promise<number> {
    if (topic.line >= 0) return topic.line;
    const file = this.app.vault.getFileByPath(topic.file);
    if (!file) return 0;
    const parsed = this.parse(await this.app.vault.cachedRead(file), file.path);
    const same =
      parsed.topics.find((t) => t.title === topic.title && t.presenter === topic.presenter) ??
      parsed.topics.find((t) => t.title === topic.title);
    return same?.line ?? 0;
  }

  /** Any change (for views: redraw), for as long as `component` is loaded. */
  onChange(component: Component, callback: () => void): void {
    component.registerEvent(this.events.on("changed", callback));
  }

  /** One note's session changed, appeared or went (`null`): for indexes kept beside this one. */
  onSession(component: Component, callback: (file: string, session: SessionEntry | null) => void): void {
    component.registerEvent(this.events.on("session", callback as (...data: unknown[]) => unknown));
  }

  private upsert(session: SessionEntry): void {
    this.index.upsert(session);
    this.events.trigger("session", session.file, session);
  }

  /** The members setting names people and merges their spellings: apply it after it changes. */
  applySettings(): void {
    this.index.setRoster(this.settings().roster);
    if (this.ready) this.notify();
  }

  private build(): void {
    this.index.setRoster(this.settings().roster);
    for (const file of this.app.vault.getMarkdownFiles()) {
      const session = sessionFromProperties(file.path, this.app.metadataCache.getFileCache(file)?.frontmatter);
      if (session) this.upsert(session);
      else this.scanQueue.push(file);
    }
    this.ready = true;
    this.notify();
    this.scanStep();
  }

  /** Read a few notes that may be unsynced session notes, then yield to the app. */
  private scanStep(): void {
    const batch = this.scanQueue.splice(0, SCAN_BATCH);
    if (batch.length === 0) {
      this.scanned();
      return;
    }
    void Promise.all(
      batch.map(async (file) => {
        if (this.index.get(file.path)) return false;
        // A note deleted or unreadable since the listing is skipped: the scan must always finish.
        const text = await this.app.vault.cachedRead(file).catch(() => null);
        if (text === null) return false;
        const parsed = this.parse(text, file.path);
        if (!isSessionNote(parsed)) return false;
        this.upsert(sessionFromParse(file.path, parsed));
        return true;
      }),
    ).then((found) => {
      if (found.some(Boolean)) this.notify();
      if (this.scanQueue.length > 0) this.scanTimer = window.setTimeout(() => this.scanStep(), 0);
      else this.scanned();
    });
  }

  private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
    if (!this.ready || file.extension !== "md") return;
    // The text is at hand: a fresh parse beats properties that auto-sync may not have rewritten yet.
    const parsed = this.parse(data, file.path);
    if (isSessionNote(parsed)) this.upsert(sessionFromParse(file.path, parsed));
    else {
      const fromProperties = sessionFromProperties(file.path, cache.frontmatter);
      if (!fromProperties) {
        this.remove(file.path);
        return;
      }
      this.upsert(fromProperties);
    }
    this.notify();
  }

  private remove(path: string): void {
    if (!this.index.remove(path)) return;
    this.events.trigger("session", path, null);
    this.notify();
  }

  private notify(): void {
    this.events.trigger("changed");
  }
}
