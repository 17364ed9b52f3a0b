/** Reasons for people, in their language: the one formatter of the panel, the link command and the CLI. */
import { describePaperId } from "../papers/paper-id";
import type { Translate } from "../../i18n";
import type { Reason } from "./related";

export function reasonText(reason: Reason, t: Translate): string {
  switch (reason.type) {
    case "same-paper":
      // A link is shown as "same link": reasons never quote URLs.
      if (reason.paper.scheme === "title") return t("reason.samePaperTitle");
      if (reason.paper.scheme === "url") return t("reason.samePaperLink");
      return t("reason.samePaper", { paper: describePaperId(reason.paper) });
    case "tag":
      return t("reason.tag", { tag: reason.tag });
    case "words":
      return t("reason.words", { words: reason.words.join(", ") });
    case "meaning":
      return t("reason.meaning");
    case "presenter":
      return t("reason.presenter");
  }
}
