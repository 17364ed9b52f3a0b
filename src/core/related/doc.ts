/** A related-topics index's view of one topic. May import core/index, core/papers, core/text. */
import type { PaperId } from "../papers/paper-id";
import { foldKey } from "../text";
import type { IndexedTopic } from "../index/topic-index";
import { tagTerm, type TermVector } from "./term-vector";

/**
 * A topic in the index: its terms and papers, and what comparing it needs beyond them, each worked
 * out on first use (most topics are only ever met as postings).
 */
export class Doc {
  #tagTerms: number[] | null = null;
  #titleKey: string | null = null;
  #presenterKey: string | null = null;
  #language: "en" | "ja" | null = null;

  constructor(
    readonly topic: IndexedTopic,
    readonly terms: TermVector,
    readonly papers: PaperId[],
  ) {}

  /** The tags' term ids, as the topic's terms hold them. */
  get tagTerms(): number[] {
    this.#tagTerms ??= this.topic.tags.map(tagTerm);
    return this.#tagTerms;
  }

  /**
   * The title folded for comparison, when long enough to name one work: the papers' title entry,
   * worked out with them; "" for a title too short to be one.
   */
  get titleKey(): string {
    this.#titleKey ??= this.papers.find((paper) => paper.scheme === "title")?.value ?? "";
    return this.#titleKey;
  }

  /** Folded presenter name, or "" for none. */
  get presenterKey(): string {
    this.#presenterKey ??= this.topic.presenter === null ? "" : foldKey(this.topic.presenter);
    return this.#presenterKey;
  }

  get language(): "en" | "ja" {
    this.#language ??= /[\u3040-\u30ff\u4e00-\u9fff]/.test(`${this.topic.title}${this.topic.summary}`) ? "ja" : "en";
    return this.#language;
  }
}
