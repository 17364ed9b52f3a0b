/**
 * The topic index sidebar: every topic of every session, grouped by kind, #tag, presenter or month,
 * searchable, virtualized, live. A tree for assistive technology (groups are expandable treeitems,
 * topics their children) with one focus stop and an active row named by `aria-activedescendant`.
 * Titles and names are set as text, never as HTML; only http(s) URLs ever become links.
 * May import obsidian, i18n, core (index, note, settings), app/work and app/related (its panel).
 */
import { ItemView, type WorkspaceLeaf } from "obsidian";
import { matchesTerms, queryTerms } from "../../core/index/topic-filter";
import { TopicGroups, type RowHeights } from "../../core/index/topic-groups";
import type { GroupBy, IndexedTopic, SessionEntry } from "../../core/index/topic-index";
import type { Translate } from "../../i18n";
import type { RelatedService } from "../related/related-service";
import { css } from "../css";
import type { IndexService } from "./index-service";
import { relocate, type Active } from "./active-row";
import { onPress } from "./press";
import { RelatedFrame } from "./related-frame";
import { rowIds } from "./row-ids";
import { FALLBACK_HEIGHTS, measureRows, renderRow, rowLayout, type RowContext } from "./topic-rows";
import { listenToTree } from "./tree-input";
import { buildToolbar } from "./view-toolbar";
import { VirtualList } from "./virtual-list";
import { viewStatus, type ShowStatus } from "./view-status";

export const TOPIC_VIEW_TYPE = "study-session-notes-topics";
export const TOPIC_VIEW_ICON = "library";

/** Sync all or a folder move changes many notes at once: one redraw for the burst. */
const REFRESH_DELAY_MS = 150;
/** More changed notes than this at once: regrouping everything is cheaper than moving each. */
const MAX_INCREMENTAL = 64;

let views = 0;

export class TopicIndexView extends ItemView {
  #groupBy: GroupBy = "kind";
  #query = "";
  #groups: TopicGroups = this.#newGroups();
  #heights: RowHeights = FALLBACK_HEIGHTS;
  #active: Active | null = null;
  #list: VirtualList | null = null;
  #showStatus: ShowStatus | null = null;
  #refreshTimer: number | null = null;
  /** Notes changed since the last redraw (`null`: gone), or everything when `full`. */
  #pending = new Map<string, SessionEntry | null>();
  #full = true;
  #sessionEvents = 0;
  #peopleVersion = -1;
  #related: RelatedFrame | null = null;
  /** "Only this note": the open Markdown note whose topics are listed, or null for all. */
  #onlyNote = false;
  #noteFile: string | null = null;
  readonly #rowId = rowIds(`ssn-${++views}`);

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
    this.#noteFile = this.app.workspace.getActiveFile()?.path ?? null;
    buildToolbar(this, root.createDiv({ cls: css("toolbar") }), this.#t, {
      by: this.#groupBy,
      query: this.#query,
      note: this.#noteFile,
      search: (query) => {
        this.#query = query;
        this.#regroup();
      },
      groupBy: (by) => {
        this.#groupBy = by;
        this.#active = null;
        this.#regroup();
      },
      toggleNote: () => {
        this.#onlyNote = !this.#onlyNote;
        this.#active = null;
        this.#regroup();
        return this.#onlyNote;
      },
      noteFile: (file) => {
        this.#noteFile = file;
        if (this.#onlyNote) this.#regroup();
      },
      focusList: () => this.#list?.scrollEl.focus(),
    });
    this.#showStatus = viewStatus(root, this.#t);
    const list = new VirtualList(root, {
      layout: rowLayout(
        () => this.#groups,
        () => this.#heights,
      ),
      rowId: (i) => this.#rowId(this.#groups.rowAt(i)),
      renderRow: (i, el) => this.#renderRow(i, el),
      pinned: () => this.#activeIndex(),
    });
    this.#list = list;
    const tree = list.scrollEl;
    tree.setAttrs({ role: "tree", tabindex: "0", "aria-label": this.#t("view.list.label") });
    listenToTree(this, tree, {
      groups: () => this.#groups,
      at: () => this.#activeIndex(),
      select: (i) => this.#setActive(i),
      expand: (key, expanded) => this.#setExpanded(key, expanded),
      page: () => this.#list?.pageSize() ?? 10,
      context: () => this.#rowContext(),
    });
    // Focus from the keyboard makes the first row active so something is announced; a click
    // makes the clicked row active itself (redrawing rows under the pointer would lose the click).
    let pointer = false;
    this.registerDomEvent(tree, "pointerdown", () => (pointer = true));
    this.registerDomEvent(tree, "focus", () => {
      if (!pointer && !this.#active && this.#groups.rowCount > 0) this.#setActive(0, { related: false });
      pointer = false;
    });
    this.#related = new RelatedFrame(root, this.#t, `ssn-related-${++views}`);
    onPress(this, this.#related.closeEl, () => this.#closeRelated());
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
    this.#showStatus?.(this.#service, this.#groups.matched, this.#query);
    // The active topic may have been edited (a new object), moved or filtered away.
    const active = this.#active;
    if (active && this.#activeIndex() < 0) {
      const next = relocate(active, this.#groups, index);
      // The topic is no longer listed: its related topics go with it.
      if (active.topic && !next?.topic) this.#closeRelated();
      this.#active = next;
    }
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

  #scheduleRefresh(): void {
    if (this.#refreshTimer !== null) return;
    this.#refreshTimer = window.setTimeout(() => this.flush(), REFRESH_DELAY_MS);
  }

  /** Row heights from the font, measured again when it may have changed. */
  #measure(): void {
    const list = this.#list;
    if (!list) return;
    const heights = measureRows(list.scrollEl, this.#rowContext());
    if (heights.group === this.#heights.group && heights.topic === this.#heights.topic) return;
    this.#heights = heights;
    list.refresh();
  }

  #rowContext(): RowContext {
    return { by: this.#groupBy, app: this.app, t: this.#t, index: this.#service, related: this.#relatedService };
  }

  #renderRow(i: number, el: HTMLElement): void {
    const row = this.#groups.rowAt(i);
    if (!row) return;
    const active = i === this.#activeIndex();
    el.toggleClass("is-active", active);
    el.setAttrs({ role: "treeitem", "aria-selected": String(active) });
    renderRow(el, row, this.#rowContext());
  }

  #setExpanded(key: string | null, expanded: boolean): void {
    this.#groups.setCollapsed(key, !expanded);
    this.#active = { group: key, topic: null };
    this.#list?.refresh();
    this.#syncActive();
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
    // Once related topics are known, rows can also show "presented before": redraw them.
    void this.#related?.show(topic, this.#rowContext()).then(() => this.#list?.redraw());
  }

  #closeRelated(): void {
    if (this.#related?.hide()) this.#list?.scrollEl.focus();
  }
}
