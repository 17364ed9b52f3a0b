/**
 * The live topic index of the vault. Built after the layout is ready from the topic properties in
 * Obsidian's metadata cache (no file reads for synced notes); notes without them are read in slices in
 * the background. Kept current from metadata `changed` (which hands over the note's text), `deleted`
 * and vault `rename`: one note's change costs the same in any size of vault. Settings that change how
 * notes are read (kind aliases, sessions folder, series) are re-applied to the notes they affect.
 */
import { Component, Events, TFile, type App, type CachedMetadata } from "obsidian";
import type { ParsedNote } from "../../core/note/model";
import { readSessionNote, type SessionNoteRead } from "../../core/note/session-note";
import { sessionFromParse, sessionFromProperties } from "../../core/index/session-entry";
import type { Settings } from "../../core/settings";
import type { RosterMember } from "../../core/index/people";
import { linkedNotes } from "../../core/index/people-links";
import { TopicIndex, type IndexedTopic, type SessionEntry } from "../../core/index/topic-index";
import { createTranslator } from "../../i18n";
import { BackgroundWork, SLICE_MS } from "../work/background-work";

/** Notes read at once while looking for session notes that have no properties yet. */
const SCAN_PARALLEL = 25;
/** Settings are saved on every key press in a text field: re-apply once the typing pauses. */
const REAPPLY_DELAY_MS = 1000;

/** The settings that change what a note's text parses to. */
type ParsingSettings = Pick<Settings, "kindAliases" | "sessionsFolder" | "seriesName">;

export class IndexService extends Component {
  readonly index = new TopicIndex();
  readonly events = new Events();
  #ready = false;
  #started = false;
  /** Notes indexed from a live change since the first scan began: the scan must not overwrite them. */
  #live = new WeakSet<TFile>();
  #scanned: () => void = () => undefined;
  /** Settles once every note has been looked at, or the plugin unloaded (check `alive` after it). */
  readonly complete: Promise<void> = new Promise((resolve) => (this.#scanned = resolve));
  /** Index runs one after the other: the first scan, then each re-apply of settings. */
  #queue: Promise<void> = Promise.resolve();
  #applied: ParsingSettings;
  #reapplyTimer: number | null = null;

  readonly #work: BackgroundWork;
  readonly #ownWork: boolean;

  /** `work` is the plugin's; a service standing alone (bench, view tests) gets its own. */
  readonly #app: App;
  readonly #settings: () => Settings;

  constructor(app: App, settings: () => Settings, work?: BackgroundWork) {
    super();
    this.#app = app;
    this.#settings = settings;
    this.#work = work ?? new BackgroundWork(app, createTranslator("en"));
    this.#ownWork = work === undefined;
    this.#applied = parsingSettings(settings());
  }

  get isReady(): boolean {
    return this.#ready;
  }

  /** The plugin is loaded: false after unload, for work that waited on `complete`. */
  get alive(): boolean {
    return this.#work.loaded;
  }

  override onload(): void {
    if (this.#ownWork) this.addChild(this.#work);
    // Obsidian runs this callback even for a plugin unloaded meanwhile: the check is inside.
    this.#app.workspace.onLayoutReady(() => this.#build());
    this.register(() => {
      if (this.#reapplyTimer !== null) window.clearTimeout(this.#reapplyTimer);
      this.#work.cancel("index");
      this.#work.cancel("reapply");
      this.#scanned();
    });
    this.registerEvent(
      this.#app.metadataCache.on("changed", (file, data, cache) => this.#onChanged(file, data, cache)),
    );
    this.registerEvent(
      this.#app.vault.on("delete", (file) => {
        if (file instanceof TFile) this.#remove(file.path);
      }),
    );
    this.registerEvent(this.#app.vault.on("rename", (file, oldPath) => this.#onRename(file, oldPath)));
  }

  parse(text: string, path: string): ParsedNote {
    return this.read(text, path).note;
  }

  /** The note's parse and whether it is a session note (SPEC §5), with the user's settings. */
  read(text: string, path: string): SessionNoteRead {
    return readSessionNote(text, path, this.#settings());
  }

  /** The 0-based line of a topic in its note (topics read from properties do not know it). */
  async lineOf(topic: IndexedTopic): Promise<number> {
    if (topic.line >= 0) return topic.line;
    const file = this.#app.vault.getFileByPath(topic.file);
    if (!file) return 0;
    const parsed = this.parse(await this.#app.vault.cachedRead(file), file.path);
    const same =
      parsed.topics.find((t) => t.title === topic.title && t.presenter === topic.presenter) ??
      parsed.topics.find((t) => t.title === topic.title);
    return same?.line ?? 0;
  }

  /**
   * Any change (for views: redraw). The listener lives as long as `owner` (a view passes itself, so
   * closing it removes the listener); the returned function removes it earlier.
   */
  onChange(callback: () => void, owner: Component = this): () => void {
    const ref = this.events.on("changed", callback);
    owner.registerEvent(ref);
    return () => this.events.offref(ref);
  }

  /** One note's session changed, appeared or went (`null`): for indexes kept beside this one. */
  onSession(component: Component, callback: (file: string, session: SessionEntry | null) => void): void {
    component.registerEvent(this.events.on("session", callback as (...data: unknown[]) => unknown));
  }

  /**
   * Settings changed (saved or not): the members apply at once; kind aliases, the sessions folder or
   * the series re-read the notes they affect, in the background, once the typing pauses.
   */
  applySettings(): void {
    if (!this.alive) return;
    this.index.setRoster(this.#settings().roster);
    if (this.#ready) this.#notify();
    const next = parsingSettings(this.#settings());
    if (sameParsing(this.#applied, next)) return;
    const before = this.#applied;
    this.#applied = next;
    if (!this.#started) return;
    this.#work.cancel("reapply");
    if (this.#reapplyTimer !== null) window.clearTimeout(this.#reapplyTimer);
    this.#reapplyTimer = window.setTimeout(() => {
      this.#reapplyTimer = null;
      this.#enqueue(() => this.#reapply(before, next));
    }, REAPPLY_DELAY_MS);
  }

  /** People notes' names and aliases, merged like members (none while people links are off). */
  setPeopleNotes(notes: readonly RosterMember[]): void {
    const version = this.index.peopleVersion;
    this.index.setPeopleNotes(notes);
    if (this.#ready && this.index.peopleVersion !== version) this.#notify();
  }

  /** Settles when the index runs queued so far (first scan, re-applies) are over. */
  idle(): Promise<void> {
    return this.#queue;
  }

  #enqueue(run: () => Promise<void>): void {
    this.#queue = this.#queue.then(run).catch(() => undefined);
  }

  #upsert(session: SessionEntry): void {
    this.index.upsert(session);
    this.events.trigger("session", session.file, session);
  }

  #build(): void {
    // Unloaded before the workspace was ready: no index for a plugin that is gone.
    if (!this.alive || this.#started) return;
    this.#started = true;
    this.index.setRoster(this.#settings().roster);
    this.#queue = this.#scan().catch(() => undefined);
  }

  /**
   * The first scan: properties from the metadata cache first (no reads; its first slice runs at once,
   * so a vault of synced notes is indexed when the layout is ready), then notes without them are read.
   */
  async #scan(): Promise<void> {
    const unsynced: TFile[] = [];
    let slice = this.#work.now();
    for (const file of this.#app.vault.getMarkdownFiles()) {
      if (this.#work.now() - slice > SLICE_MS) {
        await this.#work.yield();
        if (!this.alive) return this.#scanned();
        slice = this.#work.now();
      }
      if (this.#live.has(file) || !this.#work.exists(file)) continue;
      const session = sessionFromProperties(file.path, this.#app.metadataCache.getFileCache(file)?.frontmatter);
      if (session) this.#upsert(session);
      else unsynced.push(file);
    }
    this.#ready = true;
    this.#notify();
    const reads = this.#work.run({
      kind: "index",
      items: unsynced,
      parallel: SCAN_PARALLEL,
      progress: "index.progress",
      step: (file) => this.#readInto(file, { keepLive: true }),
    });
    if (reads) await reads;
    this.#scanned();
  }

  /**
   * Read a note and index it as its text says now. The result is dropped when, after the read, the
   * plugin unloaded, the note was deleted, renamed away from Markdown or edited (its live update wins).
   */
  async #readInto(file: TFile, options: { keepLive: boolean }): Promise<void> {
    if (!this.#work.exists(file) || (options.keepLive && this.#live.has(file))) return;
    const stamp = this.#work.stamp(file);
    // A note deleted or unreadable since the listing is skipped: the scan must always finish.
    const text = await this.#app.vault.cachedRead(file).catch(() => null);
    if (text === null || !this.#work.unchanged(stamp) || (options.keepLive && this.#live.has(file))) return;
    this.#indexText(file, text, this.#app.metadataCache.getFileCache(file)?.frontmatter);
  }

  /** Re-read the notes a change of parsing settings affects: indexed sessions, and notes in either folder. */
  async #reapply(before: ParsingSettings, after: ParsingSettings): Promise<void> {
    if (!this.alive) return;
    const affected = new Set<TFile>();
    for (const session of this.index.allSessions()) {
      const file = this.#app.vault.getFileByPath(session.file);
      if (file) affected.add(file);
    }
    if (before.sessionsFolder !== after.sessionsFolder) {
      const folders = [before.sessionsFolder, after.sessionsFolder].filter((f) => f !== "");
      for (const file of this.#app.vault.getMarkdownFiles())
        if (folders.some((folder) => inFolder(file.path, folder))) affected.add(file);
    }
    const run = this.#work.run({
      kind: "reapply",
      items: [...affected],
      parallel: SCAN_PARALLEL,
      progress: "index.reapplyProgress",
      step: (file) => this.#readInto(file, { keepLive: false }),
    });
    if (run) await run;
  }

  #onChanged(file: TFile, data: string, cache: CachedMetadata): void {
    // Before the first scan there is nothing to keep current: the scan reads every note.
    if (!this.#started || !this.alive || file.extension !== "md") return;
    this.#live.add(file);
    this.#indexText(file, data, cache.frontmatter);
  }

  /** A fresh parse of the text beats properties that auto-sync may not have rewritten yet. */
  #indexText(file: TFile, text: string, frontmatter: unknown): void {
    const read = this.read(text, file.path);
    const session = read.session
      ? withPeopleLinks(sessionFromParse(file.path, read.note), frontmatter)
      : sessionFromProperties(file.path, frontmatter);
    if (!session) {
      this.#remove(file.path);
      return;
    }
    this.#upsert(session);
    this.#notify();
  }

  #onRename(file: unknown, oldPath: string): void {
    if (!(file instanceof TFile) || !this.#started) return;
    if (file.extension !== "md") {
      // Renamed to `.txt` (or anything not Markdown): no longer a note, so no longer a session.
      this.#remove(oldPath);
      return;
    }
    if (!oldPath.toLowerCase().endsWith(".md")) {
      // Became a note: read it as one.
      void this.#readInto(file, { keepLive: false }).catch(() => undefined);
      return;
    }
    if (this.index.get(oldPath)) {
      this.index.rename(oldPath, file.path);
      this.events.trigger("session", oldPath, null);
      this.events.trigger("session", file.path, this.index.get(file.path) ?? null);
      this.#notify();
    }
    // Moved into or out of the sessions folder: whether it is a session note may have changed.
    const folder = this.#settings().sessionsFolder;
    if (folder !== "" && inFolder(oldPath, folder) !== inFolder(file.path, folder))
      void this.#readInto(file, { keepLive: false }).catch(() => undefined);
  }

  #remove(path: string): void {
    if (!this.index.remove(path)) return;
    this.events.trigger("session", path, null);
    this.#notify();
  }

  #notify(): void {
    this.events.trigger("changed");
  }
}

/** A session read from its text keeps what its `presenters` links say (a people note Obsidian renamed). */
function withPeopleLinks(session: SessionEntry, frontmatter: unknown): SessionEntry {
  const fm = typeof frontmatter === "object" && frontmatter !== null ? (frontmatter as Record<string, unknown>) : null;
  const links = linkedNotes(fm?.presenters);
  return links.length > 0 ? { ...session, links } : session;
}

function parsingSettings(settings: Settings): ParsingSettings {
  return {
    kindAliases: { ...settings.kindAliases },
    sessionsFolder: settings.sessionsFolder,
    seriesName: settings.seriesName,
  };
}

function sameParsing(a: ParsingSettings, b: ParsingSettings): boolean {
  if (a.sessionsFolder !== b.sessionsFolder || a.seriesName !== b.seriesName) return false;
  const left = Object.entries(a.kindAliases);
  return left.length === Object.keys(b.kindAliases).length && left.every(([k, v]) => b.kindAliases[k] === v);
}

function inFolder(path: string, folder: string): boolean {
  return path.startsWith(`${folder}/`);
}
