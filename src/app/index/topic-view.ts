/**
 * The topic index sidebar: every topic of every session, grouped by kind, #tag, presenter or month,
 * searchable, virtualized, live. A tree for assistive technology (groups are expandable treeitems,
 * topics their children) with one focus stop and an active row named by `aria-activedescendant`.
 * Titles and names are set as text, never as HTML; only http(s) URLs ever become links.
 * May import obsidian, i18n, core (index, note, settings), app/work and app/related (its panel).
 */
import {
  ItemView,
  Keymap,
  Menu,
  Notice,
  SearchComponent,
  setIcon,
  type PaneType,
  type TAbstractFile,
  type TFile,
  type WorkspaceLeaf,
} from "obsidian";
import { matchesTerms, queryTerms } from "../../core/index/topic-filter";
import { TopicGroups, groupId, type Row, type RowHeights } from "../../core/index/topic-groups";
import { GROUPINGS, type GroupBy, type IndexedTopic, type SessionEntry } from "../../core/index/topic-index";
import { kindName, monthName, type Translate } from "../../i18n";
import type { IndexService } from "./index-service";
import { openTopic, topicLink } from "./open-topic";
import { renderRelated } from "../related/related-panel";
import type { RelatedService } from "../related/related-service";
import { VirtualList } from "./virtual-list";
import { openStatsView } from "../stats/stats-commands";
import { STATS_VIEW_ICON } from "../stats/stats-view";
import { css } from "../css";

export const TOPIC_VIEW_TYPE = "study-session-notes-topics";
export const TOPIC_VIEW_ICON = "library";

/** Heights used until rows can be measured (a hidden leaf, or a DOM without layout). */
const FALLBACK_HEIGHTS: RowHeights = { group: 30, topic: 46 };
/** Typing pauses this long before the list is filtered again (80,000 topics take a few ms). */
const SEARCH_DELAY_MS = 120;
/** Sync all or a folder move changes many notes at once: one redraw for the burst. */
const REFRESH_DELAY_MS = 150;
/** More changed notes than this at once: regrouping everything is cheaper than moving each. */
const MAX_INCREMENTAL = 64;

let views = 0;

/** The row the keyboard is on: a group header, or a topic inside a group. */
interface Active {
  group: string | null;
  topic: IndexedTopic | null;
}

export class TopicIndexView extends ItemView {
  #groupBy: GroupBy = "kind";
  #query = "";
  #groups: TopicGroups = this.#newGroups();
  #heights: RowHeights = FALLBACK_HEIGHTS;
  #active: Active | null = null;
  #list: VirtualList | null = null;
  #statusEl: HTMLElement | null = null;
  #emptyEl: HTMLElement | null = null;
  #searchTimer: number | null = null;
  #refreshTimer: number | null = null;
  /** Notes changed since the last redraw (`null`: gone), or everything when `full`. */
  #pending = new Map<string, SessionEntry | null>();
  #full = true;
  #sessionEvents = 0;
  #peopleVersion = -1;
  #related: RelatedPanel | null = null;
  /** "Only this note": the open Markdown note whose topics are listed, or null for all. */
  #onlyNote = false;
  #noteFile: string | null = null;
  #thisNoteButton: HTMLElement | null = null;
  readonly #id = `ssn-${++views}`;
  readonly #groupIds = new Map<string, number>();
  readonly #topicIds = new WeakMap<IndexedTopic, number>();
  #nextId = 0;

  readonly #service: IndexService;
  readonly #relatedService: RelatedService;
  readonly #t: Translate;

  constructor(leaf: WorkspaceLeaf, service: IndexService, relatedService: RelatedService, t: Translate) {
    super(leaf);
    this.#service = service;
    this.#relatedService = relatedService;
    this.#t = t;
  }

  getViewType(): string {
    return TOPIC_VIEW_TYPE;
  }

  getDisplayText(): string {
    return this.#t("view.title");
  }

  override getIcon(): string {
    return TOPIC_VIEW_ICON;
  }

  override async onOpen(): Promise<void> {
    const root = this.contentEl;
    root.empty();
    root.addClass(css("view"));
    this.#buildToolbar(root.createDiv({ cls: css("toolbar") }));
    this.#statusEl = root.createDiv({ cls: css("status"), attr: { role: "status" } });
    this.#emptyEl = root.createDiv({ cls: [css("empty"), "is-hidden"] });
    const list = new VirtualList(root, {
      layout: {
        count: () => this.#groups.rowCount,
        top: (i) => this.#groups.rowTop(i, this.#heights),
        height: (i) => (this.#groups.rowAt(i)?.type === "group" ? this.#heights.group : this.#heights.topic),
        indexAt: (y) => this.#groups.rowAtOffset(y, this.#heights),
        total: () => this.#groups.totalHeight(this.#heights),
      },
      rowId: (i) => this.#rowId(this.#groups.rowAt(i)),
      renderRow: (i, el) => this.#renderRow(i, el),
      pinned: () => this.#activeIndex(),
    });
    this.#list = list;
    const tree = list.scrollEl;
    tree.setAttrs({ role: "tree", tabindex: "0", "aria-label": this.#t("view.list.label") });
    this.registerDomEvent(tree, "click", (event) => this.#onClick(event));
    this.registerDomEvent(tree, "auxclick", (event) => this.#onClick(event));
    this.registerDomEvent(tree, "contextmenu", (event) => this.#onContextMenu(event));
    this.registerDomEvent(tree, "keydown", (event) => this.#onKeyDown(event));
    // Focus from the keyboard makes the first row active so something is announced; a click
    // makes the clicked row active itself (redrawing rows under the pointer would lose the click).
    let pointer = false;
    this.registerDomEvent(tree, "pointerdown", () => (pointer = true));
    this.registerDomEvent(tree, "focus", () => {
      if (!pointer && !this.#active && this.#groups.rowCount > 0) this.#setActive(0, { related: false });
      pointer = false;
    });
    this.#related = new RelatedPanel(root, this.#t);
    this.registerDomEvent(this.#related.closeEl, "click", () => this.#closeRelated());
    this.registerDomEvent(this.#related.closeEl, "keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.#closeRelated();
      }
    });
    // Every listener is the view's own: closing the view removes them all.
    this.#service.onSession(this, (file, session) => {
      this.#sessionEvents++;
      this.#pending.set(file, session);
    });
    this.#service.onChange(() => {
      // A change with no note behind it (the members setting): regroup everything.
      if (this.#sessionEvents === 0) this.#full = true;
      this.#sessionEvents = 0;
      this.#scheduleRefresh();
    }, this);
    // Row heights follow the font: measured again when the theme or font size changes, and when
    // the list is first laid out (a view opened in a collapsed sidebar has no size to measure).
    this.registerEvent(this.app.workspace.on("css-change", () => this.#measure()));
    const resize = new ResizeObserver(() => this.#measure());
    resize.observe(tree);
    this.register(() => resize.disconnect());
    this.register(() => {
      if (this.#searchTimer !== null) window.clearTimeout(this.#searchTimer);
      if (this.#refreshTimer !== null) window.clearTimeout(this.#refreshTimer);
    });
    this.#measure();
    this.refresh();
    // Rows show "presented before" once related topics are built: redraw them then.
    void this.#relatedService.ready().then(() => this.#list?.redraw());
    await Promise.resolve();
  }

  override async onClose(): Promise<void> {
    this.#list?.destroy();
    this.#list = null;
    this.contentEl.empty();
    await Promise.resolve();
  }

  /** Regroup everything from the index now (tests, and anything that changed the index directly). */
  refresh(): void {
    this.#full = true;
    this.flush();
  }

  /** Bring the list up to date: the notes changed since the last redraw, or everything. */
  flush(): void {
    if (this.#refreshTimer !== null) window.clearTimeout(this.#refreshTimer);
    this.#refreshTimer = null;
    const list = this.#list;
    if (!list) return;
    const index = this.#service.index;
    const regroupPeople = this.#groupBy === "presenter" && index.peopleVersion !== this.#peopleVersion;
    if (this.#full || regroupPeople || this.#onlyNote || this.#pending.size > MAX_INCREMENTAL) {
      const note = this.#onlyNote && this.#noteFile !== null ? index.get(this.#noteFile) : undefined;
      this.#groups.rebuild(this.#onlyNote ? (note ? [note] : []) : index.sessionEntries());
    } else {
      for (const [file, session] of this.#pending) this.#groups.update(file, session);
    }
    this.#pending.clear();
    this.#full = false;
    this.#peopleVersion = index.peopleVersion;
    this.#showCounts();
    // The active topic may have been edited (a new object), moved or filtered away.
    if (this.#active && this.#activeIndex() < 0) this.#relocateActive();
    list.refresh();
    this.#syncActive();
  }

  #newGroups(): TopicGroups {
    const terms = queryTerms(this.#query);
    return new TopicGroups({
      by: this.#groupBy,
      accept: (topic) => matchesTerms(topic, terms, this.#service.index),
      displayName: (spelling) => this.#service.index.displayName(spelling),
    });
  }

  #regroup(): void {
    this.#groups = this.#newGroups();
    this.refresh();
  }

  #buildToolbar(toolbar: HTMLElement): void {
    const searchBox = toolbar.createDiv({ cls: css("search") });
    const search = new SearchComponent(searchBox);
    search.setPlaceholder(this.#t("view.search.placeholder"));
    search.inputEl.setAttrs({ "aria-label": this.#t("view.search.label"), title: this.#t("view.search.hint") });
    search.onChange((value) => this.#onSearch(value));
    this.registerDomEvent(search.inputEl, "input", () => this.#onSearch(search.inputEl.value));
    this.registerDomEvent(search.inputEl, "keydown", (event) => {
      if (event.key === "Escape" && search.inputEl.value !== "") {
        event.preventDefault();
        search.setValue("");
        this.#onSearch("");
      } else if (event.key === "ArrowDown") {
        event.preventDefault();
        this.#list?.scrollEl.focus();
      }
    });
    // Obsidian's own clear button; Escape in the box does the same from the keyboard.
    const clear = search.clearButtonEl;
    clear.addClass("search-input-clear-button");
    clear.setAttrs({ role: "button", "aria-label": this.#t("view.search.clear") });
    this.registerDomEvent(clear, "click", () => {
      search.setValue("");
      this.#onSearch("");
    });
    const select = toolbar.createEl("select", {
      cls: ["dropdown", css("group-by")],
      attr: { "aria-label": this.#t("view.groupBy.label") },
    });
    for (const by of GROUPINGS) select.createEl("option", { value: by, text: this.#t(`view.groupBy.${by}`) });
    select.value = this.#groupBy;
    this.registerDomEvent(select, "change", () => {
      this.#groupBy = select.value as GroupBy;
      this.#active = null;
      this.#regroup();
    });
    const thisNote = toolbar.createDiv({
      cls: ["clickable-icon", css("this-note")],
      attr: { "aria-label": this.#t("view.thisNote"), role: "button", tabindex: "0", "aria-pressed": "false" },
    });
    setIcon(thisNote, "file-search");
    this.#thisNoteButton = thisNote;
    this.registerDomEvent(thisNote, "click", () => this.#toggleThisNote());
    this.registerDomEvent(thisNote, "keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.#toggleThisNote();
      }
    });
    const stats = toolbar.createDiv({
      cls: ["clickable-icon", css("open-stats")],
      attr: { "aria-label": this.#t("stats.command.open"), role: "button", tabindex: "0" },
    });
    setIcon(stats, STATS_VIEW_ICON);
    this.registerDomEvent(stats, "click", () => void openStatsView(this.app));
    this.registerDomEvent(stats, "keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      void openStatsView(this.app);
    });
    this.#noteFile = this.app.workspace.getActiveFile()?.path ?? null;
    this.registerEvent(
      this.app.workspace.on("file-open", (file: TFile | null) => {
        if (!file || file.extension !== "md") return;
        this.#noteFile = file.path;
        if (this.#onlyNote) this.#regroup();
      }),
    );
    // The open note renamed: "only this note" follows it.
    this.registerEvent(
      this.app.vault.on("rename", (file: TAbstractFile, oldPath: string) => {
        if (this.#noteFile !== oldPath) return;
        this.#noteFile = file.path;
        if (this.#onlyNote) this.#regroup();
      }),
    );
  }

  #scheduleRefresh(): void {
    if (this.#refreshTimer !== null) return;
    this.#refreshTimer = window.setTimeout(() => this.flush(), REFRESH_DELAY_MS);
  }

  #onSearch(value: string): void {
    if (value === this.#query && this.#searchTimer === null) return;
    if (this.#searchTimer !== null) window.clearTimeout(this.#searchTimer);
    this.#searchTimer = window.setTimeout(() => {
      this.#searchTimer = null;
      if (value === this.#query) return;
      this.#query = value;
      this.#regroup();
    }, SEARCH_DELAY_MS);
  }

  #showCounts(): void {
    const total = this.#service.index.topicCount;
    const matched = this.#groups.matched;
    const ready = this.#service.isReady;
    this.#statusEl?.setText(ready ? this.#t("view.count", { shown: matched, total }) : this.#t("view.loading"));
    const empty = !ready
      ? ""
      : total === 0
        ? this.#t("view.empty.noSessions")
        : matched === 0
          ? this.#t("view.empty.noMatch", { query: this.#query })
          : "";
    this.#emptyEl?.setText(empty);
    this.#emptyEl?.toggleClass("is-hidden", empty === "");
  }

  /** Row heights from the font: a sample header and topic row are laid out and measured. */
  #measure(): void {
    const list = this.#list;
    if (!list) return;
    const probe = list.scrollEl.createDiv({ cls: css("probe"), attr: { "aria-hidden": "true" } });
    const group = probe.createDiv({ cls: css("row", "group") });
    this.#renderGroup(group, { type: "group", key: "Ag", count: 1, collapsed: false, position: 0, groups: 1 });
    const topic = probe.createDiv({ cls: css("row", "topic") });
    topic.createDiv({ cls: css("title"), text: "Ag 漢字" });
    const meta = topic.createDiv({ cls: css("meta") });
    meta.createSpan({ cls: css("chip"), text: "Ag 漢字" });
    meta.createSpan({ cls: css("date"), text: "2024-01-01" });
    // Layout heights (offsetHeight), not drawn ones: under a zoomed body the drawn box is scaled, while
    // the rows are placed in the list's own, unzoomed pixels.
    const measured = { group: group.offsetHeight, topic: topic.offsetHeight };
    probe.remove();
    const heights =
      measured.group > 0 && measured.topic > 0
        ? { group: Math.ceil(measured.group), topic: Math.ceil(measured.topic) }
        : FALLBACK_HEIGHTS;
    if (heights.group === this.#heights.group && heights.topic === this.#heights.topic) return;
    this.#heights = heights;
    list.refresh();
  }

  #rowId(row: Row | null): string {
    if (!row) return `${this.#id}-none`;
    const group = this.#serialOfGroup(row.type === "group" ? row.key : row.group);
    if (row.type === "group") return `${this.#id}-g${group}`;
    let topic = this.#topicIds.get(row.topic);
    if (topic === undefined) this.#topicIds.set(row.topic, (topic = ++this.#nextId));
    return `${this.#id}-t${topic}-g${group}`;
  }

  #serialOfGroup(key: string | null): number {
    const id = groupId(key);
    let serial = this.#groupIds.get(id);
    if (serial === undefined) this.#groupIds.set(id, (serial = ++this.#nextId));
    return serial;
  }

  #renderRow(i: number, el: HTMLElement): void {
    const row = this.#groups.rowAt(i);
    if (!row) return;
    const active = i === this.#activeIndex();
    el.toggleClass("is-active", active);
    el.setAttr("role", "treeitem");
    el.setAttr("aria-selected", String(active));
    if (row.type === "group") {
      this.#renderGroup(el, row);
      return;
    }
    const topic = row.topic;
    el.addClass(css("topic"));
    el.setAttrs({ "aria-level": "2", "aria-setsize": String(row.count), "aria-posinset": String(row.position + 1) });
    el.setAttr("title", topic.title);
    el.createDiv({ cls: css("title"), text: topic.title });
    const meta = el.createDiv({ cls: css("meta") });
    // What the group already says is not repeated on every row.
    if (topic.kind !== null && this.#groupBy !== "kind")
      meta.createSpan({ cls: css("chip"), text: kindName(topic.kind, this.#t) });
    if (topic.main) meta.createSpan({ cls: [css("chip"), "is-main"], text: this.#t("view.main") });
    if (this.#presentedBefore(topic))
      meta.createSpan({ cls: [css("chip"), "is-again"], text: this.#t("view.badge.again") });
    if (topic.presenter !== null && this.#groupBy !== "presenter") {
      meta.createSpan({ cls: css("presenter"), text: this.#service.index.displayName(topic.presenter) });
    }
    if (topic.date !== null) meta.createSpan({ cls: css("date"), text: topic.date });
  }

  #renderGroup(el: HTMLElement, row: Extract<Row, { type: "group" }>): void {
    el.addClass(css("group"));
    el.toggleClass("is-collapsed", row.collapsed);
    el.setAttrs({
      "aria-level": "1",
      "aria-expanded": String(!row.collapsed),
      "aria-setsize": String(row.groups),
      "aria-posinset": String(row.position + 1),
    });
    const icon = el.createDiv({ cls: ["collapse-icon", css("collapse")], attr: { "aria-hidden": "true" } });
    setIcon(icon, "right-triangle");
    el.createSpan({ cls: css("group-name"), text: this.#groupLabel(row.key) });
    // The count is shown as a number and read as "7 topics" ("7 件").
    el.createSpan({ cls: css("group-count"), text: String(row.count), attr: { "aria-hidden": "true" } });
    el.createSpan({ cls: css("sr-only"), text: this.#t("view.group.count", { count: row.count }) });
  }

  #groupLabel(key: string | null): string {
    if (key === null) return this.#t(`view.none.${this.#groupBy}`);
    if (this.#groupBy === "kind") return kindName(key, this.#t);
    if (this.#groupBy === "tag") return `#${key}`;
    if (this.#groupBy === "month") return monthName(key, this.#t);
    return key;
  }

  #rowIndexOf(event: MouseEvent | KeyboardEvent): number {
    const target = event.target;
    const rowEl = target instanceof HTMLElement ? target.closest<HTMLElement>(".study-session-notes-row") : null;
    return rowEl ? Number(rowEl.dataset.index ?? -1) : -1;
  }

  #onClick(event: MouseEvent): void {
    if (event.button > 1) return;
    const i = this.#rowIndexOf(event);
    if (i < 0) return;
    this.#setActive(i);
    this.#activate(i, Keymap.isModEvent(event));
  }

  /** Enter, Space or click: open a topic (where the modifier keys say), or fold a group. */
  #activate(i: number, where: PaneType | boolean): void {
    const row = this.#groups.rowAt(i);
    if (!row) return;
    if (row.type === "group") this.#setExpanded(row.key, row.collapsed);
    else void openTopic(this.app, this.#service, row.topic, where);
  }

  #setExpanded(key: string | null, expanded: boolean): void {
    this.#groups.setCollapsed(key, !expanded);
    this.#active = { group: key, topic: null };
    this.#list?.refresh();
    this.#syncActive();
  }

  #onContextMenu(event: MouseEvent): void {
    const i = this.#rowIndexOf(event);
    const row = this.#groups.rowAt(i);
    if (!row || row.type !== "topic") return;
    event.preventDefault();
    this.#setActive(i);
    const topic = row.topic;
    const menu = new Menu();
    menu.addItem((item) =>
      item
        .setTitle(this.#t("view.menu.open"))
        .setIcon("file-text")
        .onClick(() => void openTopic(this.app, this.#service, topic, false)),
    );
    menu.addItem((item) =>
      item
        .setTitle(this.#t("view.menu.openTab"))
        .setIcon("file-plus")
        .onClick(() => void openTopic(this.app, this.#service, topic, "tab")),
    );
    menu.addItem((item) =>
      item
        .setTitle(this.#t("view.menu.copyLink"))
        .setIcon("link")
        .onClick(() => void this.#copy(topicLink(this.app, topic))),
    );
    menu.addItem((item) =>
      item
        .setTitle(this.#t("view.menu.copyTitle"))
        .setIcon("copy")
        .onClick(() => void this.#copy(topic.title)),
    );
    menu.showAtMouseEvent(event);
  }

  async #copy(text: string): Promise<void> {
    await navigator.clipboard.writeText(text);
    new Notice(this.#t("view.copied"));
  }

  /** The tree's keys (WAI-ARIA tree pattern): arrows, Home/End, Page Up/Down, Enter/Space. */
  #onKeyDown(event: KeyboardEvent): void {
    const count = this.#groups.rowCount;
    if (count === 0) return;
    const at = this.#activeIndex();
    const row = this.#groups.rowAt(at);
    const page = this.#list?.pageSize() ?? 10;
    let next: number | null = null;
    switch (event.key) {
      case "ArrowDown":
        next = at < 0 ? 0 : Math.min(count - 1, at + 1);
        break;
      case "ArrowUp":
        next = at < 0 ? 0 : Math.max(0, at - 1);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = count - 1;
        break;
      case "PageDown":
        next = Math.min(count - 1, Math.max(0, at) + page);
        break;
      case "PageUp":
        next = Math.max(0, at - page);
        break;
      case "ArrowRight":
        if (row?.type === "group" && row.collapsed) this.#setExpanded(row.key, true);
        else if (row?.type === "group" && row.count > 0) next = at + 1;
        break;
      case "ArrowLeft":
        if (row?.type === "group" && !row.collapsed) this.#setExpanded(row.key, false);
        else if (row?.type === "topic") next = this.#groups.groupRow(row.group);
        break;
      case "Enter":
      case " ":
        if (at >= 0) this.#activate(at, event.key === "Enter" && Keymap.isModEvent(event));
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next !== null && next >= 0) this.#setActive(next);
  }

  /** Make row `i` the active one: shown, announced, and (for a topic) its related topics below. */
  #setActive(i: number, options: { related?: boolean } = {}): void {
    const row = this.#groups.rowAt(i);
    if (!row) return;
    this.#active = row.type === "group" ? { group: row.key, topic: null } : { group: row.group, topic: row.topic };
    this.#list?.reveal(i);
    this.#syncActive();
    if (row.type === "topic" && options.related !== false) this.#showRelated(row.topic);
  }

  /** The active row's index now (rows move as notes change), or -1. */
  #activeIndex(): number {
    const active = this.#active;
    if (!active) return -1;
    return active.topic ? this.#groups.topicRow(active.topic, active.group) : this.#groups.groupRow(active.group);
  }

  /** After an update: the same topic under its new object (an edited note), else its group, else none. */
  #relocateActive(): void {
    const active = this.#active;
    if (!active) return;
    const topic = active.topic;
    if (topic) {
      const fresh = this.#service.index
        .get(topic.file)
        ?.topics.find((t) => t.title === topic.title && t.presenter === topic.presenter);
      if (fresh && this.#groups.topicRow(fresh, active.group) >= 0) {
        this.#active = { group: active.group, topic: fresh };
        return;
      }
      // The topic is no longer listed: its related topics go with it.
      this.#closeRelated();
    }
    this.#active = this.#groups.groupRow(active.group) >= 0 ? { group: active.group, topic: null } : null;
  }

  /** The tree names its active row; the drawn rows show which one it is. */
  #syncActive(): void {
    const tree = this.#list?.scrollEl;
    if (!tree) return;
    const at = this.#activeIndex();
    if (at < 0) {
      tree.removeAttribute("aria-activedescendant");
      return;
    }
    this.#list?.redraw();
    tree.setAttr("aria-activedescendant", this.#rowId(this.#groups.rowAt(at)));
  }

  #showRelated(topic: IndexedTopic): void {
    const panel = this.#related;
    if (!panel) return;
    panel.show(topic);
    // Once related topics are known, rows can also show "presented before": redraw them.
    void renderRelated(
      { el: panel.bodyEl, app: this.app, index: this.#service, related: this.#relatedService, t: this.#t },
      topic,
    ).then(() => this.#list?.redraw());
  }

  #closeRelated(): void {
    const panel = this.#related;
    if (!panel || panel.hidden) return;
    const hadFocus = panel.el.contains(activeDocument.activeElement);
    panel.hide();
    if (hadFocus) this.#list?.scrollEl.focus();
  }

  #toggleThisNote(): void {
    this.#onlyNote = !this.#onlyNote;
    this.#thisNoteButton?.toggleClass("is-active", this.#onlyNote);
    this.#thisNoteButton?.setAttr("aria-pressed", String(this.#onlyNote));
    this.#active = null;
    this.#regroup();
  }

  /** The same paper was presented in an earlier session: the one function the related panel uses too. */
  #presentedBefore(topic: IndexedTopic): boolean {
    return this.#relatedService.presentedBefore(topic).length > 0;
  }
}

/** The frame under the list: a heading, the selected topic's title, a close button, and the body. */
class RelatedPanel {
  readonly el: HTMLElement;
  readonly closeEl: HTMLElement;
  readonly bodyEl: HTMLElement;
  readonly #titleEl: HTMLElement;

  constructor(parent: HTMLElement, t: Translate) {
    const headingId = `ssn-related-${++views}`;
    this.el = parent.createDiv({
      cls: [css("related"), "is-hidden"],
      attr: { role: "region", "aria-labelledby": headingId },
    });
    const header = this.el.createDiv({ cls: css("related-header") });
    header.createDiv({
      cls: css("related-heading"),
      text: t("view.related.heading"),
      attr: { id: headingId, role: "heading", "aria-level": "2" },
    });
    this.closeEl = header.createDiv({
      cls: ["clickable-icon", css("related-close")],
      attr: { role: "button", tabindex: "0", "aria-label": t("view.related.close") },
    });
    setIcon(this.closeEl, "x");
    this.#titleEl = this.el.createDiv({ cls: css("related-title") });
    this.bodyEl = this.el.createDiv({ cls: css("related-body") });
  }

  get hidden(): boolean {
    return this.el.hasClass("is-hidden");
  }

  show(topic: IndexedTopic): void {
    this.#titleEl.setText(topic.title);
    this.#titleEl.setAttr("title", topic.title);
    this.el.removeClass("is-hidden");
  }

  hide(): void {
    this.el.addClass("is-hidden");
    this.bodyEl.empty();
    delete this.bodyEl.dataset.topic;
  }
}
