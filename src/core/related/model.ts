/**
 * What related topics are, as the index gives them and takes them: a match with its reasons, a topic's
 * document, a similarity of meaning. Types only. May import core/index and core/papers types.
 */
import type { IndexedTopic } from "../index/topic-index";
import type { PaperId } from "../papers/paper-id";
import type { TermVector } from "./term-vector";

export type Reason =
  | { type: "same-paper"; paper: PaperId }
  | { type: "tag"; tag: string }
  /** Shared terms, as the query topic's reader writes them (glossary concepts in its language). */
  | { type: "words"; words: string[] }
  | { type: "meaning" }
  | { type: "presenter" };

export interface Related {
  topic: IndexedTopic;
  score: number;
  reasons: Reason[];
}

/**
 * What the index knows of one topic beyond its entry: the body text when the note was read, or the
 * topic's terms already counted (`topicTerms`, cached by the app), which saves tokenizing again.
 */
export interface TopicDocument {
  topic: IndexedTopic;
  body?: string;
  terms?: TermVector;
  /** The papers the topic presents, when worked out with its body beforehand (with `terms`). */
  papers?: PaperId[];
}

/** Semantic similarity of two topics in [0, 1] (embeddings), or null where unknown. */
export type Similarity = (a: IndexedTopic, b: IndexedTopic) => number | null;
