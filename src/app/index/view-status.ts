/** The topic view's status line ("12 of 80 topics", loading) and its message for an empty list. */
import type { Translate } from "../../i18n";
import { css } from "../css";
import type { IndexService } from "./index-service";

/** Shows `matched` of the index's topics listed for `query` (or "loading" while the index is built). */
export type ShowStatus = (service: IndexService, matched: number, query: string) => void;

/** The status line and the empty message, made in `parent`; returns what updates them. */
export function viewStatus(parent: HTMLElement, t: Translate): ShowStatus {
  const statusEl = parent.createDiv({ cls: css("status"), attr: { role: "status" } });
  const emptyEl = parent.createDiv({ cls: [css("empty"), "is-hidden"] });
  return (service, matched, query) => {
    const total = service.index.topicCount;
    const ready = service.isReady;
    statusEl.setText(ready ? t("view.count", { shown: matched, total }) : t("view.loading"));
    const empty = !ready
      ? ""
      : total === 0
        ? t("view.empty.noSessions")
        : matched === 0
          ? t("view.empty.noMatch", { query })
          : "";
    emptyEl.setText(empty);
    emptyEl.toggleClass("is-hidden", empty === "");
  };
}
