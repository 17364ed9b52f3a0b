/** Drawing the topic tree's rows (group headers and topics), measuring how tall they are, and placing them. */
import { setIcon } from "obsidian";
import type { Row, RowHeights, TopicGroups } from "../../core/index/topic-groups";
import type { GroupBy } from "../../core/index/topic-index";
import { kindName, monthName, type Translate } from "../../i18n";
import type { RelatedService } from "../related/related-service";
import { css } from "../css";
import type { MenuContext } from "./tree-input";
import type { ListLayout } from "./virtual-list";

/** Heights used until rows can be measured (a hidden leaf, or a DOM without layout). */
export const FALLBACK_HEIGHTS: RowHeights = { group: 30, topic: 46 };

/**
 * What rows are drawn with: the grouping (what a group says is not repeated on its rows), names and
 * history; the view's menu and related panel use the same.
 */
export interface RowContext extends MenuContext {
  by: GroupBy;
  related: RelatedService;
}

/** A row's content and its place in the tree (the view marks the active row). */
export function renderRow(el: HTMLElement, row: Row, ctx: RowContext): void {
  if (row.type === "group") {
    renderGroup(el, row, ctx);
    return;
  }
  const { by, t } = ctx;
  const topic = row.topic;
  el.addClass(css("topic"));
  el.setAttrs({
    "aria-level": "2",
    "aria-setsize": String(row.count),
    "aria-posinset": String(row.position + 1),
    title: topic.title,
  });
  el.createDiv({ cls: css("title"), text: topic.title });
  const meta = el.createDiv({ cls: css("meta") });
  // What the group already says is not repeated on every row.
  if (topic.kind !== null && by !== "kind") meta.createSpan({ cls: css("chip"), text: kindName(topic.kind, t) });
  if (topic.main) meta.createSpan({ cls: [css("chip"), "is-main"], text: t("view.main") });
  // The same paper was presented in an earlier session (the related panel asks the same question).
  if (ctx.related.presentedBefore(topic).length > 0)
    meta.createSpan({ cls: [css("chip"), "is-again"], text: t("view.badge.again") });
  if (topic.presenter !== null && by !== "presenter") {
    meta.createSpan({ cls: css("presenter"), text: ctx.index.index.displayName(topic.presenter) });
  }
  if (topic.date !== null) meta.createSpan({ cls: css("date"), text: topic.date });
}

function renderGroup(el: HTMLElement, row: Extract<Row, { type: "group" }>, { by, t }: RowContext): void {
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
  el.createSpan({ cls: css("group-name"), text: groupLabel(row.key, by, t) });
  // The count is shown as a number and read as "7 topics" ("7 件").
  el.createSpan({ cls: css("group-count"), text: String(row.count), attr: { "aria-hidden": "true" } });
  el.createSpan({ cls: css("sr-only"), text: t("view.group.count", { count: row.count }) });
}

function groupLabel(key: string | null, by: GroupBy, t: Translate): string {
  if (key === null) return t(`view.none.${by}`);
  if (by === "kind") return kindName(key, t);
  if (by === "tag") return `#${key}`;
  if (by === "month") return monthName(key, t);
  return key;
}

/** Row heights from the font: a sample header and topic row are laid out in `parent` and measured. */
export function measureRows(parent: HTMLElement, ctx: RowContext): RowHeights {
  const probe = parent.createDiv({ cls: css("probe"), attr: { "aria-hidden": "true" } });
  const group = probe.createDiv({ cls: css("row", "group") });
  renderGroup(group, { type: "group", key: "Ag", count: 1, collapsed: false, position: 0, groups: 1 }, ctx);
  const topic = probe.createDiv({ cls: css("row", "topic") });
  topic.createDiv({ cls: css("title"), text: "Ag 漢字" });
  const meta = topic.createDiv({ cls: css("meta") });
  meta.createSpan({ cls: css("chip"), text: "Ag 漢字" });
  meta.createSpan({ cls: css("date"), text: "2024-01-01" });
  // Layout heights (offsetHeight), not drawn ones: under a zoomed body the drawn box is scaled, while
  // the rows are placed in the list's own, unzoomed pixels.
  const measured = { group: group.offsetHeight, topic: topic.offsetHeight };
  probe.remove();
  return measured.group > 0 && measured.topic > 0
    ? { group: Math.ceil(measured.group), topic: Math.ceil(measured.topic) }
    : FALLBACK_HEIGHTS;
}

/** Where the rows are: the groups and the heights change, so both are read at each call. */
export function rowLayout(groups: () => TopicGroups, heights: () => RowHeights): ListLayout {
  return {
    count: () => groups().rowCount,
    top: (i) => groups().rowTop(i, heights()),
    height: (i) => (groups().rowAt(i)?.type === "group" ? heights().group : heights().topic),
    indexAt: (y) => groups().rowAtOffset(y, heights()),
    total: () => groups().totalHeight(heights()),
  };
}
