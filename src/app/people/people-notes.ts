/**
 * People notes: presenters written as links to one note per person (setting "Presenters as links to
 * people notes"), the notes' aliases merged into the index, and "Create people notes". Imports obsidian,
 * the core's people links and the app's index, sync and background work.
 */
import { Component, Notice, TFile, TFolder, normalizePath, type App, type Plugin } from "obsidian";
import type { Presenter } from "../../core/note/model";
import type { Person } from "../../core/index/people";
import {
  PeopleLinker,
  aliasList,
  peopleNoteMembers,
  peopleNoteText,
  planPeopleNotes,
  type PeopleNote,
  type PeopleNoteStep,
} from "../../core/index/people-links";
import { setProperties } from "../../core/properties/frontmatter-edit";
import { readProperties } from "../../core/properties/frontmatter-read";
import type { Settings } from "../../core/settings";
import { foldKey } from "../../core/text";
import type { Translate } from "../../i18n";
import type { IndexService } from "../index/index-service";
import type { TopicSync } from "../properties/topic-sync";
import type { BackgroundWork } from "../work/background-work";

/** Settings are saved on every key press in a text field: re-apply once the typing pauses. */
const REAPPLY_DELAY_MS = 1000;
/** Notes synced at once when the setting changes. */
const REAPPLY_PARALLEL = 8;

export interface PeopleNotesDeps {
  app: App;
  settings: () => Settings;
  index: IndexService;
  sync: TopicSync;
  work: BackgroundWork;
  t: Translate;
}

export interface PeopleReport {
  created: number;
  updated: number;
  failed: string[];
}

interface Applied {
  links: boolean;
  folder: string;
}

export class PeopleNotes extends Component {
  readonly #app: App;
  readonly #settings: () => Settings;
  readonly #index: IndexService;
  readonly #sync: TopicSync;
  readonly #work: BackgroundWork;
  readonly #t: Translate;
  #notes: PeopleNote[] = [];
  /** Built once per reading of the people folder: a re-apply asks it for every presenter of every note. */
  #cachedLinker: PeopleLinker | null = null;
  #applied: Applied;
  #started = false;
  #timer: number | null = null;
  #running: Promise<unknown> = Promise.resolve();

  constructor(deps: PeopleNotesDeps) {
    super();
    ({
      app: this.#app,
      settings: this.#settings,
      index: this.#index,
      sync: this.#sync,
      work: this.#work,
      t: this.#t,
    } = deps);
    this.#applied = applied(this.#settings());
  }

  override onload(): void {
    this.#sync.presenterValue = (presenter) => this.presenterValue(presenter);
    this.#app.workspace.onLayoutReady(() => {
      if (!this.#work.loaded) return;
      this.#started = true;
      this.#refresh();
    });
    // Only notes directly in the people folder matter; before the layout is ready nothing is read yet.
    const touches = (file: unknown, oldPath?: string): boolean =>
      this.#started &&
      file instanceof TFile &&
      (this.#isPeopleNotePath(file.path) || (oldPath !== undefined && this.#isPeopleNotePath(oldPath)));
    this.registerEvent(
      this.#app.metadataCache.on("changed", (file) => {
        if (touches(file)) this.#refresh();
      }),
    );
    this.registerEvent(
      this.#app.vault.on("delete", (file) => {
        if (touches(file)) this.#refresh();
      }),
    );
    this.registerEvent(
      this.#app.vault.on("rename", (file, oldPath) => {
        if (touches(file, oldPath)) this.#refresh();
      }),
    );
    this.register(() => {
      if (this.#timer !== null) window.clearTimeout(this.#timer);
      this.#work.cancel("people-links");
    });
  }

  /** The `presenters` value for a presenter: a link while people links are on, else the name. */
  presenterValue(presenter: Presenter): string {
    return this.#settings().presenterLinks ? this.linker().value(presenter) : presenter.name;
  }

  /** Who each spelling's link points at: the index's people, their people notes first. */
  linker(): PeopleLinker {
    if (this.#cachedLinker?.folder !== this.#folder())
      this.#cachedLinker = new PeopleLinker(
        (spelling) => this.#index.index.person(spelling),
        this.#folder(),
        this.#notes,
      );
    return this.#cachedLinker;
  }

  /**
   * Settings changed: the people folder is read again, and turning links on or off (or moving the
   * folder while on) rewrites `presenters` in the synced session notes, in the background.
   */
  applySettings(): void {
    const next = applied(this.#settings());
    const before = this.#applied;
    if (before.links === next.links && before.folder === next.folder) return;
    this.#applied = next;
    if (!this.#started) return;
    this.#refresh();
    if (before.links === next.links && !next.links) return;
    this.#work.cancel("people-links");
    if (this.#timer !== null) window.clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => {
      this.#timer = null;
      this.#running = this.#running.then(() => this.#reapply()).catch(() => undefined);
    }, REAPPLY_DELAY_MS);
  }

  /** Settles when the re-applies started so far are over (for tests). */
  idle(): Promise<unknown> {
    return this.#running;
  }

  /**
   * One note per person in the people folder: missing ones created with the person's spellings as
   * `aliases`; existing ones get only the spellings they miss, through the safe frontmatter writer.
   * A file in the way is never overwritten: it is reported.
   */
  async createNotes(): Promise<PeopleReport | null> {
    await this.#index.complete;
    if (!this.#work.loaded) return null;
    this.#refresh();
    const folder = this.#folder();
    const steps = planPeopleNotes(this.#persons(), folder, this.#readNotes());
    const report: PeopleReport = { created: 0, updated: 0, failed: [] };
    if (folder !== "" && steps.some((s) => s.action === "create")) {
      const existing = this.#app.vault.getAbstractFileByPath(normalizePath(folder));
      if (existing && !(existing instanceof TFolder)) {
        report.failed.push(this.#t("people.error.folderIsFile", { folder }));
        return report;
      }
      if (!existing) {
        try {
          await this.#app.vault.createFolder(normalizePath(folder));
        } catch (error) {
          report.failed.push(this.#t("people.error.write", { file: folder, detail: reason(error) }));
          return report;
        }
      }
    }
    for (const step of steps) {
      if (!this.#work.loaded) return null;
      const failure = step.action === "create" ? await this.#create(step) : await this.#addAliases(step);
      if (failure !== null) report.failed.push(failure);
      else if (step.action === "create") report.created++;
      else report.updated++;
    }
    this.#refresh();
    return report;
  }

  async #create(step: PeopleNoteStep): Promise<string | null> {
    const path = normalizePath(step.path);
    if (this.#app.vault.getAbstractFileByPath(path)) return this.#t("people.error.exists", { file: path });
    try {
      await this.#app.vault.create(path, peopleNoteText(step.aliases));
      return null;
    } catch (error) {
      // Created meanwhile (another device, a sync tool), or refused by the file system: never replaced.
      return this.#t("people.error.write", { file: path, detail: reason(error) });
    }
  }

  async #addAliases(step: PeopleNoteStep): Promise<string | null> {
    const path = normalizePath(step.path);
    const file = this.#app.vault.getAbstractFileByPath(path);
    if (!(file instanceof TFile)) return this.#t("people.error.write", { file: path, detail: "" });
    let failure: string | null = null;
    try {
      await this.#app.vault.process(file, (current) => {
        // Planned again on the text as it is now: aliases added meanwhile are kept, never duplicated.
        const props = readProperties(current);
        const value = props?.aliases;
        if (value !== undefined && value !== null && typeof value !== "string" && !isTextList(value)) {
          failure = this.#t("people.error.aliases", { file: path });
          return current;
        }
        const have = aliasList(value);
        const known = new Set(have.map(foldKey));
        const missing = step.aliases.filter((alias) => !known.has(foldKey(alias)));
        if (missing.length === 0) return current;
        const result = setProperties(current, [["aliases", [...have, ...missing]]]);
        if (!result.ok) {
          failure = this.#t("people.error.write", { file: path, detail: result.problem.message });
          return current;
        }
        return result.value.text;
      });
    } catch (error) {
      return this.#t("people.error.write", { file: path, detail: reason(error) });
    }
    return failure;
  }

  /** Everyone who presented, and every member, merged as the index merges them. */
  #persons(): Person[] {
    const out = new Map<string, Person>();
    const add = (person: Person): void => {
      const key = foldKey(person.name);
      if (key !== "" && !out.has(key)) out.set(key, person);
    };
    for (const person of this.#index.index.persons()) add(person);
    for (const member of this.#settings().roster) add(this.#index.index.person(member.name));
    return [...out.values()];
  }

  /** Rewrite `presenters` in every session note that has them (notes never synced are left alone). */
  async #reapply(): Promise<void> {
    await this.#index.complete;
    if (!this.#work.loaded) return;
    const files: TFile[] = [];
    for (const session of this.#index.index.sessionEntries()) {
      const file = this.#app.vault.getFileByPath(session.file);
      if (file && this.#app.metadataCache.getFileCache(file)?.frontmatter?.presenters !== undefined) files.push(file);
    }
    const run = this.#work.run({
      kind: "people-links",
      items: files,
      parallel: REAPPLY_PARALLEL,
      progress: "people.progress",
      step: async (file) => {
        await this.#sync.syncFile(file);
      },
    });
    if (run) await run;
  }

  /** Read the people folder again and hand its notes to the index while links are on. */
  #refresh(): void {
    this.#notes = this.#readNotes();
    this.#cachedLinker = null;
    this.#index.setPeopleNotes(this.#settings().presenterLinks ? peopleNoteMembers(this.#notes) : []);
  }

  /** The notes directly in the people folder (where links point), with their aliases. */
  #readNotes(): PeopleNote[] {
    const folder = this.#folder();
    const dir = folder === "" ? this.#app.vault.getRoot() : this.#app.vault.getFolderByPath(folder);
    if (!dir) return [];
    const notes: PeopleNote[] = [];
    for (const child of dir.children) {
      if (!(child instanceof TFile) || child.extension !== "md") continue;
      const aliases = aliasList(this.#app.metadataCache.getFileCache(child)?.frontmatter?.aliases);
      notes.push({ name: child.basename, aliases });
    }
    return notes;
  }

  #isPeopleNotePath(path: string): boolean {
    const folder = this.#folder();
    const parent = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
    return parent === folder && path.toLowerCase().endsWith(".md");
  }

  #folder(): string {
    return this.#settings().peopleFolder;
  }
}

function applied(settings: Settings): Applied {
  return { links: settings.presenterLinks, folder: settings.peopleFolder };
}

function isTextList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "Create people notes": the summary, and what could not be done. */
export function registerPeopleCommands(plugin: Plugin, people: PeopleNotes, t: Translate): void {
  plugin.addCommand({
    id: "create-people-notes",
    name: t("command.createPeopleNotes"),
    callback: async () => {
      const report = await people.createNotes();
      if (report === null) return;
      const summary =
        report.created + report.updated === 0 && report.failed.length === 0
          ? t("people.upToDate")
          : t("people.summary", { created: report.created, updated: report.updated, failed: report.failed.length });
      new Notice([summary, ...report.failed].join("\n"), report.failed.length > 0 ? 0 : 8000);
    },
  });
}
