/** A related-topics index's view of one topic. May import core/index, core/papers, core/text. */
import { titleKey, type PaperId } from "../papers/paper-id";
import { foldKey } from "../text";
import type { IndexedTopic } from "../index/topic-index";
import type { TermVector } from "./term-vector";

/**
 * A topic in the index: its terms and papers, and what comparing it needs beyond them, each worked
 * out on first use (most topics are only ever met as postings).
 */
export class Doc {
  #foldedTags: string[] | null = null;
  #folded: { titleKey: string; presenterKey: string; language: "en" | "ja" } | null = null;

  constructor(
    readonly topic: IndexedTopic,
    readonly terms: TermVector,
    readonly papers: PaperId[],
  ) {}

  /** Tags folded for comparison. */
  get tags(): string[] {
    this.#foldedTags ??= this.topic.tags.map(foldKey);
    return this.#foldedTags;
  }

  get titleKey(): string {
    return this.#facts().titleKey;
  }

  /** Folded presenter name, or "" for none. */
  get presenterKey(): string {
    return this.#facts().presenterKey;
  }

  get language(): "en" | "ja" {
    return this.#facts().language;
  }

  #facts(): { titleKey: string; presenterKey: string; language: "en" | "ja" } {
    const { topic } = this;
    this.#folded ??= {
      titleKey: titleKey(topic.title),
      presenterKey: topic.presenter === null ? "" : foldKey(topic.presenter),
      language: /[\u3040-\u30ff\u4e00-\u9fff]/.test(`${topic.title}${topic.summary}`) ? "ja" : "en",
    };
    return this.#folded;
  }
}
