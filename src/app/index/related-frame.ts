/** The frame under the topic list for the active topic's related topics: heading, title, close button, body. */
import { setIcon } from "obsidian";
import type { IndexedTopic } from "../../core/index/topic-index";
import type { Translate } from "../../i18n";
import { renderRelated, type RelatedPanel } from "../related/related-panel";
import { css } from "../css";

export class RelatedFrame {
  readonly el: HTMLElement;
  readonly closeEl: HTMLElement;
  readonly bodyEl: HTMLElement;
  readonly #titleEl: HTMLElement;

  /** `headingId` names the region: unique in the document. */
  constructor(parent: HTMLElement, t: Translate, headingId: string) {
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

  /** Show `topic` and draw its related topics into the body; resolves once they are drawn. */
  show(topic: IndexedTopic, ctx: Omit<RelatedPanel, "el">): Promise<void> {
    this.#titleEl.setText(topic.title);
    this.#titleEl.setAttr("title", topic.title);
    this.el.removeClass("is-hidden");
    return renderRelated({ ...ctx, el: this.bodyEl }, topic);
  }

  /** Hide the frame if it is shown: true if the focus was in it (its owner then takes it back). */
  hide(): boolean {
    if (this.el.hasClass("is-hidden")) return false;
    const hadFocus = this.el.contains(activeDocument.activeElement);
    this.el.addClass("is-hidden");
    this.bodyEl.empty();
    delete this.bodyEl.dataset.topic;
    return hadFocus;
  }
}
