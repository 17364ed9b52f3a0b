/** The panel under the topic list: what the selected topic relates to, and why. */
import type { App } from "obsidian";
import type { Reason } from "../../core/related/related";
import type { IndexedTopic } from "../../core/index/topic-index";
import type { Translate } from "../../i18n";
import type { IndexService } from "../index/index-service";
import { openTopic } from "../index/open-topic";
import type { RelatedService } from "./related-service";

const SHOWN = 8;

export function reasonLabel(reason: Reason, t: Translate): string {
  switch (reason.type) {
    case "same-paper":
      return t("reason.same-paper");
    case "tag":
      return t("reason.tag", { tag: reason.tag });
    case "words":
      return t("reason.words", { words: reason.words.join(", ") });
    case "presenter":
      return t("reason.presenter");
  }
}

export async function renderRelated(
  el: HTMLElement,
  topic: IndexedTopic,
  related: RelatedService,
  service: IndexService,
  app: App,
  t: Translate,
): Promise<void> {
  // The view's frame around `el` carries the heading, the topic's title and the close button.
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
  // The user may have selected another topic meanwhile: only the latest request draws.
  if (el.dataset.topic !== key(topic)) return;
  status.removeClass("is-loading");
  const before = results.filter(
    (r) => r.reasons.some((reason) => reason.type === "same-paper") && (r.topic.date ?? "") < (topic.date ?? ""),
  );
  let sessions = "";
  if (before.length > 0) {
    sessions = before
      .map(
        (r) => `${r.topic.date ?? "?"}${r.topic.presenter ? ` (${service.index.displayName(r.topic.presenter)})` : ""}`,
      )
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
      text: result.reasons.map((r) => reasonLabel(r, t)).join(" · "),
    });
    if (result.topic.date) meta.createSpan({ cls: "study-session-notes-date", text: result.topic.date });
    row.addEventListener("click", () => void openTopic(app, service, result.topic, false));
    row.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      void openTopic(app, service, result.topic, false);
    });
  }
}

function key(topic: IndexedTopic): string {
  return `${topic.file}\u0000${topic.title}`;
}
