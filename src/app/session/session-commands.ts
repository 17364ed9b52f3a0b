/** "New session note", "New session note for date…" and "Insert paper summary". */
import {
  MarkdownView,
  Modal,
  Notice,
  Setting,
  TFile,
  getLanguage,
  normalizePath,
  type App,
  type Editor,
  type Plugin,
} from "obsidian";
import { PAPER_TEMPLATES } from "../../core/session/builtin-templates";
import type { Language } from "../../core/note/vocabulary";
import { listMarkerLength, stripHeading } from "../../core/note/grammar";
import { fromIso, nextMeeting, toIso } from "../../core/session/schedule";
import { planSession, scheduleOf } from "../../core/session/plan";
import type { Settings } from "../../core/settings";
import { renderTemplate } from "../../core/session/template";
import { collapseWhitespace, firstHttpUrl } from "../../core/text";
import type { Translate } from "../../i18n";
import { importPage } from "../../core/import/page";
import { editEditor } from "../editor/editor-edit";
import type { IndexService } from "../index/index-service";
import { addNoteCommand } from "../editor/note-command";
import { fieldError, labelControl, nameDialog } from "../settings/field-labels";

export function language(): Language {
  return getLanguage().toLowerCase().startsWith("ja") ? "ja" : "en";
}

export class SessionNotes {
  readonly #app: App;
  readonly #index: IndexService;
  readonly #settings: () => Settings;
  readonly #t: Translate;

  constructor(app: App, index: IndexService, settings: () => Settings, t: Translate) {
    this.#app = app;
    this.#index = index;
    this.#settings = settings;
    this.#t = t;
  }

  /** The next meeting on or after today. */
  nextDate(today = toIso(new Date())): string {
    return nextMeeting(today, scheduleOf(this.#settings()));
  }

  /** Create the note for `date` (or open the one that exists) and put the cursor in the first empty topic. */
  async create(date: string): Promise<TFile | null> {
    const settings = this.#settings();
    // Numbering, rotation and the previous link need every session note, unsynced ones included.
    await this.#index.complete;
    // Unloaded while the index was being built: a plugin that is gone creates nothing.
    if (!this.#index.alive) return null;
    const sessions = this.#index.index.allSessions();
    const existing = sessions.find((s) => s.date === date);
    if (existing) {
      const file = this.#app.vault.getFileByPath(existing.file);
      if (file) {
        await this.#app.workspace.getLeaf(false).openFile(file);
        new Notice(this.#t("newSession.exists", { date }));
        return file;
      }
    }
    const sessionTemplate = await this.#templateText(settings.sessionTemplate);
    const folder = normalizePath(settings.sessionsFolder || "/");
    const plan = planSession({
      sessions,
      settings,
      date,
      language: language(),
      sessionTemplate,
      paperTemplate: await this.#templateText(settings.paperTemplate),
      link: (path) => {
        const target = this.#app.vault.getFileByPath(path);
        return target ? this.#app.fileManager.generateMarkdownLink(target, `${folder}/${date}.md`) : "";
      },
    });
    if (!this.#index.alive) return null;
    const path = normalizePath(plan.path);
    const taken = this.#app.vault.getAbstractFileByPath(path);
    if (taken instanceof TFile) {
      // A note of that name exists (not a session note, or not indexed yet): open it, never overwrite.
      await this.#app.workspace.getLeaf(false).openFile(taken);
      new Notice(this.#t("newSession.exists", { date }));
      return taken;
    }
    try {
      await this.#ensureFolder(path.slice(0, Math.max(0, path.lastIndexOf("/"))));
      if (!this.#index.alive) return null;
      const file = await this.#app.vault.create(path, plan.text);
      const leaf = this.#app.workspace.getLeaf(false);
      await leaf.openFile(file, { active: true });
      if (leaf.view instanceof MarkdownView) leaf.view.editor.setCursor(plan.cursor);
      new Notice(this.#t("newSession.created", { path }));
      this.#noticeTemplateProblems(plan);
      return file;
    } catch (error) {
      new Notice(
        this.#t("newSession.failed", { reason: error instanceof Error ? error.message : String(error) }),
        10000,
      );
      return null;
    }
  }

  /** Insert the paper-summary block at the cursor, prefilled from the selection or the cursor's line. */
  async insertPaper(editor: Editor): Promise<void> {
    const template = (await this.#templateText(this.#settings().paperTemplate)) ?? PAPER_TEMPLATES[language()];
    const selection = editor.getSelection();
    const cursor = editor.getCursor();
    const lineText = editor.getLine(cursor.line);
    const source = selection !== "" ? selection : lineText;
    const { title, url } = prefill(source);
    const rendered = renderTemplate(template, { values: { title, url }, language: language() });
    if (selection !== "") {
      editor.replaceSelection(rendered.text);
    } else if (lineText.trim() === "" || title !== "" || url !== "") {
      // The line the user was on becomes the block (its title or link moves into it).
      editor.replaceRange(rendered.text, { line: cursor.line, ch: 0 }, { line: cursor.line, ch: lineText.length });
    } else {
      editor.replaceRange(rendered.text, { line: cursor.line + 1, ch: 0 });
    }
    this.#noticeTemplateProblems(rendered);
  }

  /** One notice for what a template got wrong: unknown variables, and letters in a date format that are no token. */
  #noticeTemplateProblems({ unknown, unknownTokens }: { unknown: string[]; unknownTokens: string[] }): void {
    const lines: string[] = [];
    if (unknown.length > 0) lines.push(this.#t("newSession.unknownVariables", { names: unknown.join(" ") }));
    if (unknownTokens.length > 0)
      lines.push(this.#t("newSession.unknownDateTokens", { names: unknownTokens.join(", ") }));
    if (lines.length > 0) new Notice(lines.join("\n"), 10000);
  }

  /** Rewrite a page pasted from Notion (the open note) into the plugin's session-note form, as one undoable change. */
  convertPasted(editor: Editor, path: string): void {
    const seen: { result?: ReturnType<typeof importPage> } = {};
    editEditor(editor, (current) => {
      const result = importPage(current, path, language());
      seen.result = result;
      return result.ok ? result.value.text : null;
    });
    const done = seen.result;
    if (!done) return;
    if (!done.ok) {
      const problem = done.problem;
      new Notice(
        problem.code === "not-a-session"
          ? this.#t("import.notSession")
          : this.#t("import.failed", { detail: problem.message }),
      );
      return;
    }
    new Notice(this.#t("import.done", { count: done.value.topics }));
  }

  async #templateText(path: string): Promise<string | undefined> {
    if (path.trim() === "") return undefined;
    const normalized = normalizePath(path.endsWith(".md") ? path : `${path}.md`);
    const file = this.#app.vault.getFileByPath(normalized);
    if (!file) {
      new Notice(this.#t("newSession.templateMissing", { path: normalized }), 8000);
      return undefined;
    }
    return this.#app.vault.cachedRead(file);
  }

  async #ensureFolder(folder: string): Promise<void> {
    if (folder === "" || this.#app.vault.getAbstractFileByPath(folder)) return;
    let path = "";
    for (const part of folder.split("/")) {
      path = path ? `${path}/${part}` : part;
      if (!this.#app.vault.getAbstractFileByPath(path)) await this.#app.vault.createFolder(path);
    }
  }
}

/** A title and a link from what the user selected or was on: a URL, a Markdown link, or text. */
export function prefill(source: string): { title: string; url: string } {
  let text = stripHeading(source.trim()).text;
  text = text.slice(listMarkerLength(text)).trim();
  const link = /\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/.exec(text);
  if (link) return { title: collapseWhitespace(link[1] ?? ""), url: link[2] ?? "" };
  const url = firstHttpUrl(text) ?? "";
  const title = collapseWhitespace(url ? text.replace(url, "") : text).replace(/^\[[^\]]*\]\s*/, "");
  return { title, url };
}

class DateModal extends Modal {
  readonly #t: Translate;
  readonly #initial: string;
  readonly #done: (date: string) => void;

  constructor(app: App, t: Translate, initial: string, done: (date: string) => void) {
    super(app);
    this.#t = t;
    this.#initial = initial;
    this.#done = done;
  }

  override onOpen(): void {
    this.setTitle(this.#t("dateModal.title"));
    nameDialog(this);
    let value = this.#initial;
    const setting = new Setting(this.contentEl).setName(this.#t("dateModal.date"));
    setting.addText((text) => {
      text.inputEl.type = "date";
      // Not a Notice: the problem stays beside the field and is read out when it appears.
      const error = fieldError(setting.infoEl, text.inputEl);
      labelControl(setting, text.inputEl, [error.el]);
      const submit = (): void => {
        if (!fromIso(value)) {
          error.show(this.#t("dateModal.invalid"));
          text.inputEl.focus();
          return;
        }
        this.close();
        this.#done(value);
      };
      text.setValue(value).onChange((v) => {
        value = v.trim();
        error.show("");
      });
      text.inputEl.addEventListener("keydown", (event) => {
        if (event.key !== "Enter") return;
        event.preventDefault();
        submit();
      });
      // A plain button, not `setCta()`: white on Obsidian's default accent is 3.4:1 (light) and 4.3:1
      // (dark), under the 4.5:1 its text needs.
      new Setting(this.contentEl).addButton((button) =>
        button.setButtonText(this.#t("dateModal.create")).onClick(submit),
      );
      // Obsidian leaves focus where it was: the one field is where typing should go.
      text.inputEl.focus();
    });
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

export function registerSessionCommands(plugin: Plugin, notes: SessionNotes, t: Translate): void {
  plugin.addCommand({
    id: "new-session-note",
    name: t("command.newSession"),
    callback: () => notes.create(notes.nextDate()),
  });
  plugin.addCommand({
    id: "new-session-note-for-date",
    name: t("command.newSessionForDate"),
    callback: () => new DateModal(plugin.app, t, notes.nextDate(), (date) => void notes.create(date)).open(),
  });
  plugin.addCommand({
    id: "insert-paper-summary",
    name: t("command.insertPaper"),
    editorCallback: (editor) => notes.insertPaper(editor),
  });
  addNoteCommand(plugin, "convert-pasted-page", t("command.convertPasted"), (editor, file) =>
    notes.convertPasted(editor, file.path),
  );
}
