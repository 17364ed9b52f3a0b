/**
 * Paper details in the vault: "Fill paper details" for the topic at the cursor (its entry linked and
 * the paper-summary lines filled through the editor, one undo step), for every session in the
 * background (`Vault.process`), "Copy BibTeX" and "Export bibliography".
 */
import { Notice, TFile, normalizePath, type App, type Editor } from "obsidian";
import { bibliography, bibtexEntry, type BibPaper } from "../../core/papers/bibtex";
import { DEFAULT_FETCHER_OPTIONS, Fetcher } from "../../core/papers/http";
import { linkTopics, paperNoteText, planFill, type ExistingNote, type FillPlan } from "../../core/papers/fill";
import { buildLibrary, paperTopic, paperTopics, type Library, type PaperTopic } from "../../core/papers/library";
import { PAPER_NOTE_LABELS, linkTarget, readPaperNote } from "../../core/papers/paper-note";
import { resolvePapers, type PaperApis, type ResolveProblem } from "../../core/papers/resolve";
import { fillSummaryLines } from "../../core/papers/summary-lines";
import { parseNote } from "../../core/note/parser";
import { isSessionNote } from "../../core/note/session-note";
import type { ParsedNote } from "../../core/note/model";
import type { Settings } from "../../core/settings";
import type { MessageKey, Translate } from "../../i18n";
import { editEditor } from "../editor/editor-edit";
import { language } from "../session/session-commands";
import type { PaperCacheStore } from "./paper-cache";
import { domParseXml, requestUrlTransport, windowClock } from "./platform";

export class PaperLibrary {
  #running = false;

  readonly #app: App;
  readonly #settings: () => Settings;
  readonly #t: Translate;
  readonly #cache: PaperCacheStore;
  readonly #saveCache: () => Promise<void>;

  constructor(
    app: App,
    settings: () => Settings,
    t: Translate,
    cache: PaperCacheStore,
    saveCache: () => Promise<void>,
  ) {
    this.#app = app;
    this.#settings = settings;
    this.#t = t;
    this.#cache = cache;
    this.#saveCache = saveCache;
  }

  #apis(): PaperApis {
    return {
      ...this.#settings(),
      fetcher: new Fetcher(requestUrlTransport, windowClock, DEFAULT_FETCHER_OPTIONS),
      parseXml: domParseXml,
    };
  }

  #parse(text: string, path: string): ParsedNote {
    return parseNote(text, { path, kindAliases: this.#settings().kindAliases });
  }

  /** The topic at the cursor: its paper note filled, its entry linked, the summary's empty detail lines filled. */
  async fillAtCursor(editor: Editor, file: TFile): Promise<void> {
    const text = editor.getValue();
    const note = this.#parse(text, file.path);
    const line = editor.getCursor().line;
    const topic = [...note.topics].reverse().find((t) => t.line <= line && line <= Math.max(t.endLine, t.line));
    if (!topic) {
      new Notice(this.#t("papers.noTopic"));
      return;
    }
    const wanted = paperTopic(note, topic, file.path, text.split(/\r\n|\r|\n/));
    const looking = new Notice(this.#t("papers.looking", { title: topic.title }), 0);
    const library = await this.#resolve([wanted]);
    looking.hide();
    const paper = library.papers[0];
    if (!paper) {
      const failure = library.failed[0];
      new Notice(
        failure ? this.#problemText(failure.problem) : this.#t("papers.notFound", { title: topic.title }),
        10000,
      );
      return;
    }
    const plan = planFill(library, this.#paperNotes(), this.#settings().papersFolder, (p) => this.#taken(p));
    const written = await this.#writePaperNotes(plan);
    const planned = plan.papers[0];
    if (!planned || written.failed > 0) return;
    // Planned against the editor's text as it is now: the user may have typed while we waited.
    editEditor(editor, (current) => {
      const lines = current.split(/\r\n|\r|\n/);
      const eol = current.includes("\r\n") ? "\r\n" : "\n";
      const now = this.#parse(current, file.path).topics.find((t) => t.title === topic.title);
      const filledLines = now ? fillSummaryLines(lines, now.line + 1, now.endLine, paper.details) : lines;
      const filled = filledLines === lines ? current : filledLines.join(eol);
      const linked = linkTopics(filled, this.#parse(filled, file.path), plan.links.get(file.path) ?? new Map());
      return linked.ok ? linked.value.text : filled;
    });
    new Notice(this.#t("papers.filled", { path: planned.path }));
  }

  /** Every session note's paper topics, in the background, with progress and a summary. */
  async fillAll(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      const sessions: Array<{ file: TFile; note: ParsedNote }> = [];
      const topics: PaperTopic[] = [];
      for (const file of this.#app.vault.getMarkdownFiles()) {
        const text = await this.#app.vault.cachedRead(file);
        const note = this.#parse(text, file.path);
        if (!isSessionNote(note, file.path, this.#settings().sessionsFolder)) continue;
        sessions.push({ file, note });
        topics.push(...paperTopics(note, file.path, text));
      }
      if (topics.length === 0) {
        new Notice(this.#t("papers.none"));
        return;
      }
      const progress = new Notice(this.#t("papers.progress", { done: 0, total: topics.length }), 0);
      const library = await this.#resolve(topics, (done, total) =>
        progress.setMessage(this.#t("papers.progress", { done, total })),
      );
      progress.hide();
      const plan = planFill(library, this.#paperNotes(), this.#settings().papersFolder, (p) => this.#taken(p));
      const written = await this.#writePaperNotes(plan);
      let linked = 0;
      for (const { file } of sessions) {
        const links = plan.links.get(file.path);
        if (!links || !(this.#app.vault.getAbstractFileByPath(file.path) instanceof TFile)) continue;
        let changed = false;
        await this.#app.vault.process(file, (current) => {
          const result = linkTopics(current, this.#parse(current, file.path), links);
          changed = result.ok && result.value.changed;
          return changed && result.ok ? result.value.text : current;
        });
        if (changed) linked++;
      }
      for (const message of new Set(library.failed.map((f) => this.#problemText(f.problem))))
        new Notice(message, 10000);
      new Notice(
        this.#t("papers.summary", {
          papers: library.papers.length,
          created: written.created,
          updated: written.updated,
          linked,
          unresolved: library.unresolved.length,
        }),
        10000,
      );
    } finally {
      this.#running = false;
    }
  }

  /** BibTeX of the open paper note, or of the paper the topic at the cursor links to. */
  async copyBibtex(editor: Editor, file: TFile): Promise<void> {
    let paper = readPaperNote(this.#app.metadataCache.getFileCache(file)?.frontmatter);
    if (!paper) {
      const line = editor.getCursor().line;
      const note = this.#parse(editor.getValue(), file.path);
      const topic = [...note.topics].reverse().find((t) => t.line <= line && line <= Math.max(t.endLine, t.line));
      const entries = this.#app.metadataCache.getFileCache(file)?.frontmatter?.topics as unknown;
      const entry = Array.isArray(entries)
        ? (entries as Array<Record<string, unknown>>).find((e) => e?.title === topic?.title)
        : undefined;
      const target = linkTarget(entry?.paper);
      const paperFile = target ? this.#app.metadataCache.getFirstLinkpathDest(target, file.path) : null;
      if (paperFile) paper = readPaperNote(this.#app.metadataCache.getFileCache(paperFile)?.frontmatter);
    }
    if (!paper) {
      new Notice(this.#t("papers.bibtex.none"));
      return;
    }
    await navigator.clipboard.writeText(bibtexEntry(paper));
    new Notice(this.#t("papers.bibtex.copied"));
  }

  /** `{papers folder}/bibliography.bib`: every paper note with a presentation. */
  async exportBibliography(): Promise<void> {
    const papers: BibPaper[] = [];
    for (const note of this.#paperNotes()) {
      const paper = readPaperNote(note.properties);
      if (paper && paper.presented.length > 0) papers.push(paper);
    }
    if (papers.length === 0) {
      new Notice(this.#t("papers.bibliography.none"));
      return;
    }
    papers.sort((a, b) => a.title.localeCompare(b.title));
    const path = normalizePath(`${this.#settings().papersFolder}/bibliography.bib`);
    const text = bibliography(papers);
    try {
      const existing = this.#app.vault.getAbstractFileByPath(path);
      if (existing instanceof TFile) await this.#app.vault.process(existing, () => text);
      else {
        await this.#ensureFolder(path);
        await this.#app.vault.create(path, text);
      }
      new Notice(this.#t("papers.bibliography.done", { count: papers.length, path }));
    } catch (error) {
      new Notice(this.#t("papers.writeFailed", { path, reason: reason(error) }), 10000);
    }
  }

  async #resolve(topics: PaperTopic[], onProgress?: (done: number, total: number) => void): Promise<Library> {
    const resolutions = await resolvePapers(
      topics.map((t) => t.query),
      this.#apis(),
      this.#cache,
      onProgress,
    );
    if (this.#cache.takeDirty()) await this.#saveCache();
    return buildLibrary(topics, resolutions);
  }

  /** The vault's paper notes, from the metadata cache (no file read). */
  #paperNotes(): ExistingNote[] {
    const out: ExistingNote[] = [];
    for (const file of this.#app.vault.getMarkdownFiles()) {
      const properties = this.#app.metadataCache.getFileCache(file)?.frontmatter;
      if (properties?.type === "paper") out.push({ path: file.path, properties });
    }
    return out;
  }

  #taken(path: string): boolean {
    return this.#app.vault.getAbstractFileByPath(normalizePath(path)) !== null;
  }

  async #writePaperNotes(plan: FillPlan): Promise<{ created: number; updated: number; failed: number }> {
    const counts = { created: 0, updated: 0, failed: 0 };
    const labels = PAPER_NOTE_LABELS[language()];
    for (const planned of plan.papers) {
      const path = normalizePath(planned.path);
      try {
        const existing = this.#app.vault.getAbstractFileByPath(path);
        if (existing instanceof TFile) {
          let changed = false;
          await this.#app.vault.process(existing, (current) => {
            const next = paperNoteText(planned, current, labels);
            changed = next.ok && next.value.changed;
            return next.ok && changed ? next.value.text : current;
          });
          if (changed) counts.updated++;
        } else {
          const next = paperNoteText(planned, null, labels);
          if (!next.ok) continue;
          await this.#ensureFolder(path);
          await this.#app.vault.create(path, next.value.text);
          counts.created++;
        }
      } catch (error) {
        counts.failed++;
        new Notice(this.#t("papers.writeFailed", { path, reason: reason(error) }), 10000);
      }
    }
    return counts;
  }

  async #ensureFolder(path: string): Promise<void> {
    const folder = path.slice(0, Math.max(0, path.lastIndexOf("/")));
    let at = "";
    for (const part of folder.split("/").filter(Boolean)) {
      at = at ? `${at}/${part}` : part;
      if (!this.#app.vault.getAbstractFileByPath(at)) await this.#app.vault.createFolder(at);
    }
  }

  #problemText(problem: ResolveProblem): string {
    return this.#t(`papers.error.${problem.code}` as MessageKey, { host: problem.host, detail: problem.detail ?? "" });
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
