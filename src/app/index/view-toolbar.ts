/** The topic view's toolbar: search box, grouping select, "only this note" (following the open note), statistics. */
import { SearchComponent, setIcon, type ItemView, type TAbstractFile, type TFile } from "obsidian";
import { GROUPINGS, type GroupBy } from "../../core/index/topic-index";
import type { Translate } from "../../i18n";
import { openStatsView } from "../stats/stats-commands";
import { STATS_VIEW_ICON } from "../stats/stats-view";
import { css } from "../css";
import { onPress } from "./press";

/** Typing pauses this long before the list is filtered again (80,000 topics take a few ms). */
const SEARCH_DELAY_MS = 120;

/** The view's side of the toolbar: its grouping, search text and open note now, and what the controls ask of it. */
export interface ToolbarHooks {
  by: GroupBy;
  query: string;
  /** The search text changed, after a pause in typing. */
  search(query: string): void;
  groupBy(by: GroupBy): void;
  /** "Only this note" pressed: returns whether it is on now. */
  toggleNote(): boolean;
  /** The open Markdown note at first (null: none). */
  note: string | null;
  /** Another Markdown note opened, or the open one was renamed: "only this note" follows it. */
  noteFile(file: string): void;
  /** Arrow Down in the search box goes to the list. */
  focusList(): void;
}

/** Listeners are registered on `view`, so they go when it closes. */
export function buildToolbar(view: ItemView, toolbar: HTMLElement, t: Translate, hooks: ToolbarHooks): void {
  const searchBox = toolbar.createDiv({ cls: css("search") });
  const search = new SearchComponent(searchBox);
  search.setPlaceholder(t("view.search.placeholder"));
  search.inputEl.setAttrs({ "aria-label": t("view.search.label"), title: t("view.search.hint") });
  let query = hooks.query;
  let timer: number | null = null;
  const onSearch = (value: string): void => {
    if (value === query && timer === null) return;
    if (timer !== null) window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      timer = null;
      if (value === query) return;
      query = value;
      hooks.search(value);
    }, SEARCH_DELAY_MS);
  };
  view.register(() => {
    if (timer !== null) window.clearTimeout(timer);
  });
  view.registerDomEvent(search.inputEl, "input", () => onSearch(search.inputEl.value));
  view.registerDomEvent(search.inputEl, "keydown", (event) => {
    if (event.key === "Escape" && search.inputEl.value !== "") {
      event.preventDefault();
      search.setValue("");
      onSearch("");
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      hooks.focusList();
    }
  });
  // Obsidian's own clear button; Escape in the box does the same from the keyboard.
  const clear = search.clearButtonEl;
  clear.addClass("search-input-clear-button");
  clear.setAttrs({ role: "button", "aria-label": t("view.search.clear") });
  view.registerDomEvent(clear, "click", () => {
    search.setValue("");
    onSearch("");
  });
  const select = toolbar.createEl("select", {
    cls: ["dropdown", css("group-by")],
    attr: { "aria-label": t("view.groupBy.label") },
  });
  for (const by of GROUPINGS) select.createEl("option", { value: by, text: t(`view.groupBy.${by}`) });
  select.value = hooks.by;
  view.registerDomEvent(select, "change", () => hooks.groupBy(select.value as GroupBy));
  const thisNote = toolbar.createDiv({
    cls: ["clickable-icon", css("this-note")],
    attr: { "aria-label": t("view.thisNote"), role: "button", tabindex: "0", "aria-pressed": "false" },
  });
  setIcon(thisNote, "file-search");
  onPress(view, thisNote, () => {
    const on = hooks.toggleNote();
    thisNote.toggleClass("is-active", on);
    thisNote.setAttr("aria-pressed", String(on));
  });
  const stats = toolbar.createDiv({
    cls: ["clickable-icon", css("open-stats")],
    attr: { "aria-label": t("stats.command.open"), role: "button", tabindex: "0" },
  });
  setIcon(stats, STATS_VIEW_ICON);
  onPress(view, stats, () => void openStatsView(view.app));
  let noteFile = hooks.note;
  view.registerEvent(
    view.app.workspace.on("file-open", (file: TFile | null) => {
      if (!file || file.extension !== "md") return;
      hooks.noteFile((noteFile = file.path));
    }),
  );
  // The open note renamed: "only this note" follows it.
  view.registerEvent(
    view.app.vault.on("rename", (file: TAbstractFile, oldPath: string) => {
      if (noteFile === oldPath) hooks.noteFile((noteFile = file.path));
    }),
  );
}
