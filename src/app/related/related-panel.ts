/** The panel under the topic list: what the selected topic relates to, and why. */
import type { App } from "obsidian";
import { reasonText } from "../../core/related/reasons";
import type { IndexedTopic } from "../../core/index/topic-index";
import type { Translate } from "../../i18n";
import type { IndexService } from "../index/index-service";
import { openTopic } from "../index/open-topic";
import type { RelatedService } from "./related-service";

const SHOWN = 8;

export interface RelatedPanel {
  el: HTMLElement;
  app: App;
  index: IndexService;
  related: RelatedService;
  t: Translate;
}

/**
 * Draw the topics related to `topic` into the panel; only the latest request draws. The view's frame
 * around `el` carries the heading, the topic's title and the close button.
 */
export async function renderRelated(panel: RelatedPanel, topic: IndexedTopic): Promise<void> {
  const { el, app, index, related, t } = panel;
  el.empty();
  el.dataset.topic = key(topic);
  // A polite live region: what was found is said when it is found ("3 related topics"), the list itself is
  // read when the user moves into it.
  const status = el.createDiv({
    cls: "study-session-notes-related-status is-loading",
    text: t("view.related.loading"),
    attr: { role: "status" },
  });
  const results = await related.relatedTo(topic, SHOWN);
  const before = related.presentedBefore(topic);
  // The user may have selected another topic meanwhile: only the latest request draws.
  if (el.dataset.topic !== key(topic)) return;
  status.removeClass("is-loading");
  let sessions = "";
  if (before.length > 0) {
    sessions = before
      .map((other) => `${other.date ?? "?"}${other.presenter ? ` (${index.index.displayName(other.presenter)})` : ""}`)
      .join(", ");
    el.createDiv({ cls: "study-session-notes-same-paper", text: t("view.related.samePaper", { sessions }) });
  }
  if (results.length === 0) {
    status.setText(t("view.related.none"));
    return;
  }
  const count = results.length;
  status.setText(t(sessions ? "view.related.countAgain" : "view.related.count", { count, sessions }));
  status.addClass("study-session-notes-sr-only");
  for (const result of results) {
    const row = el.createDiv({ cls: "study-session-notes-related-row", attr: { role: "button", tabindex: "0" } });
    row.createDiv({ cls: "study-session-notes-title", text: result.topic.title });
    const meta = row.createDiv({ cls: "study-session-notes-meta" });
    meta.createSpan({
      cls: "study-session-notes-reasons",
      text: result.reasons.map((r) => reasonText(r, t)).join(" · "),
    });
    if (result.topic.date) meta.createSpan({ cls: "study-session-notes-date", text: result.topic.date });
    row.addEventListener("click", () => void openTopic(app, index, result.topic, false));
    row.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      void openTopic(app, index, result.topic, false);
    });
  }
}

function key(topic: IndexedTopic): string {
  return `${topic.file}\u0000${topic.title}`;
}
