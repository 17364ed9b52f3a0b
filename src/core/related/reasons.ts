/**
 * Why two topics are related, worked out from a match, and said for people in their language: the one
 * formatter of the panel, the link command and the CLI.
 */
import { describePaperId } from "../papers/paper-id";
import type { Translate } from "../../i18n";
import { termScore, type QueryTerm } from "./bm25";
import type { Doc } from "./doc";
import type { Reason } from "./model";
import { insertTop } from "./select";
import { isWord, termText } from "./term-ids";
import { countOf } from "./term-vector";
import { termLabel } from "./tokenize";

/** Below this cosine two texts are not "similar in meaning" worth a reason. */
const MEANING_REASON = 0.8;

/** Why `candidate` is related to `doc`, strongest first, in the words of `doc`'s reader. */
export function reasonsFor(args: {
  doc: Doc;
  candidate: Doc;
  samePaper: boolean;
  meaning: number | null;
  query: readonly QueryTerm[];
  avg: number;
}): Reason[] {
  const { doc, candidate, query, avg } = args;
  const out: Reason[] = [];
  if (args.samePaper) {
    const shared = doc.papers.find((paper) =>
      candidate.papers.some((other) => other.scheme === paper.scheme && other.value === paper.value),
    );
    out.push({
      type: "same-paper",
      paper: shared ?? { scheme: "title", value: candidate.topic.title },
    });
  }
  // Tags compared as the topics' terms hold them (folded); said as the asking topic wrote them.
  doc.tagTerms.forEach((term, i) => {
    if (countOf(candidate.terms, term) > 0) out.push({ type: "tag", tag: doc.topic.tags[i] ?? "" });
  });
  if (args.meaning !== null && args.meaning >= MEANING_REASON) out.push({ type: "meaning" });
  // The three shared terms that weigh most in this match, as a person would write them.
  const shared: Array<{ id: number; score: number }> = [];
  for (const q of query) {
    // Hidden terms (character pairs) and tags are never said as words: asked first, as it is cheaper.
    if (!isWord(q.id)) continue;
    const tf = countOf(candidate.terms, q.id);
    if (tf <= 0) continue;
    insertTop(shared, { id: q.id, score: termScore(q.weight, tf, candidate.terms.length, avg) }, 3);
  }
  const words = shared.map((w) => termLabel(termText(w.id), doc.language));
  if (words.length > 0) out.push({ type: "words", words });
  if (doc.presenterKey !== "" && doc.presenterKey === candidate.presenterKey) out.push({ type: "presenter" });
  return out;
}

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
