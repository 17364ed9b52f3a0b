/**
 * The topic index sidebar: every topic of every session, grouped by kind, #tag, presenter or month,
 * searchable, virtualized, live. Titles and names are set as text, never as HTML; only http(s)
 * URLs ever become links.
 */
import { ItemView, Keymap, Menu, Notice, setIcon, type PaneType, type TFile, type WorkspaceLeaf } from "obsidian";
import { groupId, topicRows, type Row } from "../../core/index/topic-filter";
import { GROUPINGS, type GroupBy, type IndexedTopic } from "../../core/index/topic-index";
import type { MessageKey, Translate } from "../../i18n";
import type { IndexService } from "./index-service";
import { openTopic, topicLink } from "./open-topic";
import { renderRelated } from "../related/related-panel";
import type { RelatedService } from "../related/related-service";
import { VirtualList } from "./virtual-list";
import { openStatsView } from "../stats/stats-commands";
import { STATS_VIEW_ICON } from "../stats/stats-view";

export const TOPIC_VIEW_TYPE = "study-session-notes-topics";
export const TOPIC_VIEW_ICON = "library";

const GROUP_ROW_HEIGHT = 30;
const TOPIC_ROW_HEIGHT = 46;
/** Typing pauses this long before the list is filtered again (80,000 topics take a few ms). */
const SEARCH_DELAY_MS = 120;

export class TopicIndexView extends ItemView {
  private groupBy: GroupBy = "kind";
  private query = "";
  private readonly collapsed = new Set<string>();
  private rows: Row[] = [];
  private selected = -1;
  private list: VirtualList | null = null;
  private statusEl: HTMLElement | null = null;
  private emptyEl: HTMLElement | null = null;
  private searchTimer: number | null = null;
  private refreshTimer: number | null = null;
  private relatedEl: HTMLElement | null = null;
  /** "Only this note": the open Markdown note whose topics are listed, or null for all. */
  private onlyNote = false;
  private noteFile: string | null = null;
  private thisNoteButton: HTMLElement | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly service: IndexService,
    private readonly related: RelatedService,
    private readonly t: Translate,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return TOPIC_VIEW_TYPE;
  }

  getDisplayText(): string {
    return this.t("view.title");
  }

  override getIcon(): string {
    return TOPIC_VIEW_ICON;
  }

  override async onOpen(): Promise<void> {
    const root = this.contentEl;
    root.empty();
    root.addClass("study-session-notes-view");
    const toolbar = root.createDiv({ cls: "study-session-notes-toolbar" });
    const search = toolbar.createEl("input", {
      cls: "study-session-notes-search",
      attr: { type: "search", placeholder: this.t("view.search"), "aria-label": this.t("view.search") },
    });
    this.registerDomEvent(search, "input", () => this.onSearch(search.value));
    const select = toolbar.createEl("select", { cls: "dropdown study-session-notes-group-by" });
    for (const by of GROUPINGS) select.createEl("option", { value: by, text: this.t(`view.groupBy.${by}`) });
    select.value = this.groupBy;
    const thisNote = toolbar.createDiv({
      cls: "clickable-icon study-session-notes-this-note",
      attr: { "aria-label": this.t("view.thisNote"), role: "button", tabindex: "0" },
    });
    setIcon(thisNote, "file-search");
    this.thisNoteButton = thisNote;
    this.registerDomEvent(thisNote, "click", () => this.toggleThisNote());
    const stats = toolbar.createDiv({
      cls: "clickable-icon study-session-notes-open-stats",
      attr: { "aria-label": this.t("stats.command.open"), role: "button", tabindex: "0" },
    });
    setIcon(stats, STATS_VIEW_ICON);
    this.registerDomEvent(stats, "click", () => void openStatsView(this.app));
    this.registerDomEvent(stats, "keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") void openStatsView(this.app);
    });
    this.noteFile = this.app.workspace.getActiveFile()?.path ?? null;
    this.registerEvent(
      this.app.workspace.on("file-open", (file: TFile | null) => {
        if (!file || file.extension !== "md") return;
        this.noteFile = file.path;
        if (this.onlyNote) this.refresh();
      }),
    );
    this.registerDomEvent(select, "change", () => {
      this.groupBy = select.value as GroupBy;
      this.collapsed.clear();
      this.refresh();
    });
    this.statusEl = root.createDiv({ cls: "study-session-notes-status" });
    this.emptyEl = root.createDiv({ cls: "study-session-notes-empty" });
    this.list = new VirtualList(root, {
      rowHeight: (i) => (this.rows[i]?.type === "group" ? GROUP_ROW_HEIGHT : TOPIC_ROW_HEIGHT),
      renderRow: (i, el) => this.renderRow(i, el),
    });
    const listEl = this.list.scrollEl;
    listEl.setAttr("tabindex", "0");
    listEl.setAttr("role", "listbox");
    this.registerDomEvent(listEl, "click", (event) => this.onClick(event));
    this.registerDomEvent(listEl, "auxclick", (event) => this.onClick(event));
    this.registerDomEvent(listEl, "contextmenu", (event) => this.onContextMenu(event));
    this.registerDomEvent(listEl, "keydown", (event) => this.onKeyDown(event));
    this.relatedEl = root.createDiv({ cls: "study-session-notes-related is-hidden" });
    this.service.onChange(() => this.scheduleRefresh());
    this.register(() => {
      if (this.searchTimer !== null) window.clearTimeout(this.searchTimer);
      if (this.refreshTimer !== null) window.clearTimeout(this.refreshTimer);
    });
    this.refresh();
    // Rows show "presented before" once related topics are built: redraw them then.
    void this.related.ready().then(() => this.list?.redraw());
    await Promise.resolve();
  }

  override async onClose(): Promise<void> {
    this.list?.destroy();
    this.list = null;
    this.contentEl.empty();
    await Promise.resolve();
  }

  /** Redraw from the index now (tests and the live update call this). */
  refresh(): void {
    const list = this.list;
    if (!list) return;
    const index = this.service.index;
    const { rows, matched } = topicRows(
      index,
      this.groupBy,
      this.query,
      this.collapsed,
      this.onlyNote ? this.noteFile : null,
    );
    this.rows = rows;
    this.selected = Math.min(this.selected, rows.length - 1);
    const total = index.topics().length;
    this.statusEl?.setText(
      this.service.isReady ? this.t("view.count", { shown: matched, total }) : this.t("view.loading"),
    );
    const empty = !this.service.isReady
      ? ""
      : total === 0
        ? this.t("view.empty.noSessions")
        : matched === 0
          ? this.t("view.empty.noMatch", { query: this.query })
          : "";
    this.emptyEl?.setText(empty);
    this.emptyEl?.toggleClass("is-hidden", empty === "");
    list.setCount(rows.length);
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== null) return;
    // Sync all or a folder move changes many notes at once: one redraw for the burst.
    this.refreshTimer = window.setTimeout(() => {
      this.refreshTimer = null;
      this.refresh();
    }, 150);
  }

  private onSearch(value: string): void {
    if (this.searchTimer !== null) window.clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => {
      this.searchTimer = null;
      this.query = value;
      this.selected = -1;
      this.refresh();
    }, SEARCH_DELAY_MS);
  }

  private renderRow(i: number, el: HTMLElement): void {
    const row = this.rows[i];
    if (!row) return;
    el.toggleClass("is-selected", i === this.selected);
    el.setAttr("role", "option");
    el.setAttr("aria-selected", String(i === this.selected));
    if (row.type === "group") {
      el.addClass("study-session-notes-group");
      el.toggleClass("is-collapsed", row.collapsed);
      el.setAttr("aria-expanded", String(!row.collapsed));
      el.createSpan({ cls: "study-session-notes-group-name", text: this.groupLabel(row.key) });
      el.createSpan({ cls: "study-session-notes-group-count", text: String(row.count) });
      return;
    }
    const topic = row.topic;
    el.addClass("study-session-notes-topic");
    el.setAttr("title", topic.title);
    el.createDiv({ cls: "study-session-notes-title", text: topic.title });
    const meta = el.createDiv({ cls: "study-session-notes-meta" });
    // What the group already says is not repeated on every row.
    if (topic.kind !== null && this.groupBy !== "kind")
      meta.createSpan({ cls: "study-session-notes-kind", text: this.kindName(topic.kind) });
    if (topic.main) meta.createSpan({ cls: "study-session-notes-main", text: this.t("view.main") });
    if (this.related.presentedBefore(topic).length > 0)
      meta.createSpan({ cls: "study-session-notes-again", text: this.t("view.badge.again") });
    if (topic.presenter !== null && this.groupBy !== "presenter") {
      meta.createSpan({ cls: "study-session-notes-presenter", text: this.service.index.displayName(topic.presenter) });
    }
    if (topic.date !== null) meta.createSpan({ cls: "study-session-notes-date", text: topic.date });
  }

  private groupLabel(key: string | null): string {
    if (key === null) return this.t(`view.none.${this.groupBy}`);
    if (this.groupBy === "kind") return this.kindName(key);
    if (this.groupBy === "tag") return `#${key}`;
    return key;
  }

  private kindName(kind: string): string {
    const key = `kind.${kind}` as MessageKey;
    const name = this.t(key);
    return name === key ? kind : name;
  }

  private rowIndexOf(event: MouseEvent | KeyboardEvent): number {
    const target = event.target;
    const rowEl = target instanceof HTMLElement ? target.closest<HTMLElement>(".study-session-notes-row") : null;
    return rowEl ? Number(rowEl.dataset.index ?? -1) : -1;
  }

  private onClick(event: MouseEvent): void {
    if (event.button > 1) return;
    const i = this.rowIndexOf(event);
    if (i < 0) return;
    this.select(i);
    this.activate(i, Keymap.isModEvent(event));
  }

  /** Enter or click: open a topic (where the modifier keys say), or fold a group. */
  private activate(i: number, where: PaneType | boolean): void {
    const row = this.rows[i];
    if (!row) return;
    if (row.type === "group") {
      const id = groupId(row.key);
      if (this.collapsed.has(id)) this.collapsed.delete(id);
      else this.collapsed.add(id);
      this.refresh();
      return;
    }
    void openTopic(this.app, this.service, row.topic, where);
  }

  private onContextMenu(event: MouseEvent): void {
    const i = this.rowIndexOf(event);
    const row = this.rows[i];
    if (!row || row.type !== "topic") return;
    event.preventDefault();
    this.select(i);
    const topic = row.topic;
    const menu = new Menu();
    menu.addItem((item) =>
      item
        .setTitle(this.t("view.menu.open"))
        .setIcon("file-text")
        .onClick(() => void openTopic(this.app, this.service, topic, false)),
    );
    menu.addItem((item) =>
      item
        .setTitle(this.t("view.menu.openTab"))
        .setIcon("file-plus")
        .onClick(() => void openTopic(this.app, this.service, topic, "tab")),
    );
    menu.addItem((item) =>
      item
        .setTitle(this.t("view.menu.copyLink"))
        .setIcon("link")
        .onClick(() => void this.copy(topicLink(this.app, topic))),
    );
    menu.addItem((item) =>
      item
        .setTitle(this.t("view.menu.copyTitle"))
        .setIcon("copy")
        .onClick(() => void this.copy(topic.title)),
    );
    menu.showAtMouseEvent(event);
  }

  private async copy(text: string): Promise<void> {
    await navigator.clipboard.writeText(text);
    new Notice(this.t("view.copied"));
  }

  private onKeyDown(event: KeyboardEvent): void {
    const last = this.rows.length - 1;
    if (last < 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.select(Math.max(0, Math.min(last, this.selected < 0 ? 0 : this.selected + step)));
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      this.select(event.key === "Home" ? 0 : last);
    } else if (event.key === "Enter" && this.selected >= 0) {
      event.preventDefault();
      this.activate(this.selected, Keymap.isModEvent(event));
    }
  }

  private select(i: number): void {
    this.selected = i;
    this.list?.reveal(i);
    const topic = this.topicAt(i);
    // Once related topics are known, rows can also show "presented before": redraw them.
    if (topic && this.relatedEl)
      void renderRelated(
        { el: this.relatedEl, app: this.app, index: this.service, related: this.related, t: this.t },
        topic,
      ).then(() => this.list?.redraw());
  }

  private toggleThisNote(): void {
    this.onlyNote = !this.onlyNote;
    this.thisNoteButton?.toggleClass("is-active", this.onlyNote);
    this.selected = -1;
    this.refresh();
  }

  /** The topic shown at row `i` (for tests and the related-topics panel). */
  topicAt(i: number): IndexedTopic | null {
    const row = this.rows[i];
    return row?.type === "topic" ? row.topic : null;
  }
}
