/** "Link related topics" for the open note: a related line under each topic, and its memory in the entries. */
import { Notice, TFile, type App, type Editor, type Plugin } from "obsidian";
import { syncFrontmatter } from "../../core/properties/frontmatter";
import { entryMemory } from "../../core/properties/frontmatter-read";
import { stripHeading } from "../../core/note/grammar";
import { topicKey } from "../../core/related/build";
import { blockId, headingSubpath, planRelatedLinks, type LinkTarget } from "../../core/related/links";
import type { IndexedTopic } from "../../core/index/topic-index";
import type { Translate } from "../../i18n";
import { editEditor } from "../editor/editor-edit";
import { addNoteCommand } from "../editor/note-command";
import type { IndexService } from "../index/index-service";
import type { RelatedService } from "./related-service";

/** Candidates looked at per topic (links the user removed are skipped, three are kept). */
const CANDIDATES = 8;

export class RelatedLinker {
  readonly #app: App;
  readonly #index: IndexService;
  readonly #related: RelatedService;
  readonly #t: Translate;

  constructor(app: App, index: IndexService, related: RelatedService, t: Translate) {
    this.#app = app;
    this.#index = index;
    this.#related = related;
    this.#t = t;
  }

  async link(editor: Editor, file: TFile): Promise<void> {
    const note = this.#index.parse(editor.getValue(), file.path);
    if (note.topics.length === 0) {
      new Notice(this.#t("link.none"));
      return;
    }
    // The waiting comes first (the related index, other notes' block ids) ...
    const related = await this.#related.ready();
    const targets = new Map<string, LinkTarget[]>();
    for (const topic of note.topics) {
      const asIndexed: IndexedTopic = { ...topic, file: file.path, date: note.date };
      const list: LinkTarget[] = [];
      for (const result of related.related(asIndexed, CANDIDATES)) {
        const link = await this.#linkTo(result.topic, file.path);
        if (link) list.push({ title: result.topic.title, link });
      }
      targets.set(topicKey(topic), list);
    }
    // ... and the plan is made against the note as it is when it is written: what the user typed
    // meanwhile stays, and a topic added meanwhile simply gets no links this time.
    let linked = 0;
    editEditor(editor, (current) => {
      const now = this.#index.parse(current, file.path);
      const memory = entryMemory(current);
      const plan = planRelatedLinks({
        text: current,
        note: now,
        relatedFor: (topic) => targets.get(topicKey(topic)) ?? [],
        memoryOf: (topic) => memory.get(topic.title) ?? { linked: [], unlinked: [] },
        prefix: this.#t("link.prefix"),
      });
      linked = plan.linkedTopics;
      // Memory goes into the topics' entries, written by the same frontmatter writer as sync.
      const extras = new Map([...plan.memory].map(([title, m]) => [title, { linked: m.linked, unlinked: m.unlinked }]));
      const synced = syncFrontmatter(plan.text, this.#index.parse(plan.text, file.path), { extras });
      return synced.ok ? synced.value.text : plan.text;
    });
    new Notice(this.#t("link.done", { count: linked }));
  }

  /**
   * A link to the topic in the user's link format: to its heading when its title line is one, else
   * to a block id added (once, stably) at the end of its title line.
   */
  async #linkTo(topic: IndexedTopic, sourcePath: string): Promise<string | null> {
    const target = this.#app.vault.getFileByPath(topic.file);
    if (!(target instanceof TFile)) return null;
    const line = await this.#index.lineOf(topic);
    const lineText = (await this.#app.vault.cachedRead(target)).split(/\r?\n/)[line] ?? "";
    const heading = stripHeading(lineText.trim());
    let subpath: string;
    if (heading.level > 0) {
      subpath = headingSubpath(heading.text);
    } else {
      const id = blockId(topic.file, topic.title);
      subpath = `#^${id}`;
      if (!lineText.includes(`^${id}`)) {
        await this.#app.vault.process(target, (current) => {
          const lines = current.split("\n");
          const at = lines[line] ?? "";
          // Only if the line is still this topic's title line, and has no id yet.
          if (at.includes(`^${id}`) || !at.includes(topic.title.slice(0, 12))) return current;
          const cr = at.endsWith("\r") ? "\r" : "";
          lines[line] = `${at.slice(0, at.length - cr.length).trimEnd()} ^${id}${cr}`;
          return lines.join("\n");
        });
      }
    }
    return this.#app.fileManager.generateMarkdownLink(target, sourcePath, subpath, topic.title);
  }
}

export function registerLinkCommand(plugin: Plugin, linker: RelatedLinker, t: Translate): void {
  addNoteCommand(
    plugin,
    "link-related-topics",
    t("command.linkRelated"),
    (editor, file) => void linker.link(editor, file),
  );
}
