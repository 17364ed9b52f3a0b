/**
 * What the pointer and the keys do on the topic tree: a click opens a topic or folds a group, the
 * context menu offers more, and the keys follow the WAI-ARIA tree pattern.
 */
import { Keymap, Menu, Notice, type App, type Component, type PaneType } from "obsidian";
import type { TopicGroups } from "../../core/index/topic-groups";
import type { IndexedTopic } from "../../core/index/topic-index";
import type { Translate } from "../../i18n";
import type { IndexService } from "./index-service";
import { openTopic, topicLink } from "./open-topic";

/** The view's side of the tree. */
export interface TreeHost {
  groups(): TopicGroups;
  /** The active row's index, or -1. */
  at(): number;
  /** Make row `i` the active one. */
  select(i: number): void;
  expand(key: string | null, expanded: boolean): void;
  /** How many rows Page Up and Page Down move. */
  page(): number;
  /** What opening a topic and its context menu work with. */
  context(): MenuContext;
}

/** Listeners are registered on `owner`, so they go when it closes. */
export function listenToTree(owner: Component, tree: HTMLElement, host: TreeHost): void {
  const onClick = (event: MouseEvent): void => {
    if (event.button > 1) return;
    const i = rowIndexOf(event);
    if (i < 0) return;
    host.select(i);
    activate(host, i, Keymap.isModEvent(event));
  };
  owner.registerDomEvent(tree, "click", onClick);
  owner.registerDomEvent(tree, "auxclick", onClick);
  owner.registerDomEvent(tree, "contextmenu", (event) => {
    const i = rowIndexOf(event);
    const row = host.groups().rowAt(i);
    if (!row || row.type !== "topic") return;
    event.preventDefault();
    host.select(i);
    showTopicMenu(event, row.topic, host.context());
  });
  owner.registerDomEvent(tree, "keydown", (event) => {
    const next = treeKey(event, host);
    if (next !== null && next >= 0) host.select(next);
  });
}

/** Enter, Space or click: open a topic (where the modifier keys say), or fold a group. */
function activate(host: TreeHost, i: number, where: PaneType | boolean): void {
  const row = host.groups().rowAt(i);
  if (!row) return;
  if (row.type === "group") host.expand(row.key, row.collapsed);
  else {
    const { app, index } = host.context();
    void openTopic(app, index, row.topic, where);
  }
}

function rowIndexOf(event: MouseEvent | KeyboardEvent): number {
  const target = event.target;
  const rowEl = target instanceof HTMLElement ? target.closest<HTMLElement>(".study-session-notes-row") : null;
  return rowEl ? Number(rowEl.dataset.index ?? -1) : -1;
}

/** The tree's keys (arrows, Home/End, Page Up/Down, Enter/Space): the row to make active next, or null. */
function treeKey(event: KeyboardEvent, host: TreeHost): number | null {
  const groups = host.groups();
  const count = groups.rowCount;
  if (count === 0) return null;
  const at = host.at();
  const row = groups.rowAt(at);
  const page = host.page();
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
      if (row?.type === "group" && row.collapsed) host.expand(row.key, true);
      else if (row?.type === "group" && row.count > 0) next = at + 1;
      break;
    case "ArrowLeft":
      if (row?.type === "group" && !row.collapsed) host.expand(row.key, false);
      else if (row?.type === "topic") next = groups.groupRow(row.group);
      break;
    case "Enter":
    case " ":
      if (at >= 0) activate(host, at, event.key === "Enter" && Keymap.isModEvent(event));
      break;
    default:
      return null;
  }
  event.preventDefault();
  return next;
}

export interface MenuContext {
  app: App;
  index: IndexService;
  t: Translate;
}

function showTopicMenu(event: MouseEvent, topic: IndexedTopic, { app, index, t }: MenuContext): void {
  const copy = async (text: string): Promise<void> => {
    await navigator.clipboard.writeText(text);
    new Notice(t("view.copied"));
  };
  const menu = new Menu();
  menu.addItem((item) =>
    item
      .setTitle(t("view.menu.open"))
      .setIcon("file-text")
      .onClick(() => void openTopic(app, index, topic, false)),
  );
  menu.addItem((item) =>
    item
      .setTitle(t("view.menu.openTab"))
      .setIcon("file-plus")
      .onClick(() => void openTopic(app, index, topic, "tab")),
  );
  menu.addItem((item) =>
    item
      .setTitle(t("view.menu.copyLink"))
      .setIcon("link")
      .onClick(() => void copy(topicLink(app, topic))),
  );
  menu.addItem((item) =>
    item
      .setTitle(t("view.menu.copyTitle"))
      .setIcon("copy")
      .onClick(() => void copy(topic.title)),
  );
  menu.showAtMouseEvent(event);
}
