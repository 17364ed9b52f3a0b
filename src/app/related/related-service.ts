/**
 * Related topics in the app: the core's index over titles, tags, summaries and bodies, the same
 * model as the CLI. It is built once the topic index is complete, from the properties first (in
 * slices, so a large vault never freezes the app), then each note's body is read in the background
 * with `cachedRead` and its topics re-indexed; each topic's terms are cached by the note's mtime, so a
 * note is read and tokenized again only after it changed, and a rebuild only fills postings. Kept
 * current one note at a time.
 */
import { Component, TFile, type App } from "obsidian";
import { paperIds, type PaperId } from "../../core/papers/paper-id";
import { lineStarts, stepInSlices, topicBody, topicKey } from "../../core/related/build";
import { RelatedIndex } from "../../core/related/related";
import type { Related, TopicDocument } from "../../core/related/model";
import { bodyTermCounts, topicTerms, type TermVector } from "../../core/related/term-vector";
import type { IndexedTopic, SessionEntry } from "../../core/index/topic-index";
import type { IndexService } from "../index/index-service";
import type { EmbeddingService } from "./embedding-service";

/**
 * A slice of work between pauses: well under the 50 ms of a long task, leaving room for a garbage
 * collection that lands inside one.
 */
export const RELATED_SLICE_MS = 20;

interface CachedBody {
  /** The body's terms, and the whole topic's (with the title, tags and summary it was counted with). */
  body: TermVector;
  terms: TermVector;
  head: string;
  papers: PaperId[];
}

interface CachedBodies {
  mtime: number;
  /** By topic title and presenter. */
  topics: Map<string, CachedBody>;
}

/** What a topic's terms are counted from besides its body. */
function headOf(topic: Pick<IndexedTopic, "title" | "tags" | "summary">): string {
  return `${topic.title}\u0000${topic.tags.join("\u0000")}\u0000${topic.summary}`;
}

/** A topic with its cached terms: the whole count when its title, tags and summary are as counted. */
function cachedDocument(topic: IndexedTopic, cached: CachedBody): TopicDocument {
  const terms = cached.head === headOf(topic) ? cached.terms : topicTerms(topic, cached.body);
  return { topic, terms, papers: cached.papers };
}

export class RelatedService extends Component {
  #related: RelatedIndex | null = null;
  #building: Promise<RelatedIndex> | null = null;
  readonly #bodies = new Map<string, CachedBodies>();
  /** Notes whose bodies are still to be read, in order; a set so a note queued twice is read once. */
  readonly #bodyQueue = new Set<string>();
  #reading: Promise<void> | null = null;
  #changedWhileBuilding: Set<string> | null = null;
  #active = false;

  readonly #app: App;
  readonly #index: IndexService;
  readonly #embeddings: EmbeddingService | null;

  constructor(
    app: App,
    index: IndexService,
    /** Optional meaning (embeddings); without it, or when off, related topics are lexical only. */
    embeddings: EmbeddingService | null = null,
  ) {
    super();
    this.#app = app;
    this.#index = index;
    this.#embeddings = embeddings;
  }

  override onload(): void {
    this.#active = true;
    this.register(() => (this.#active = false));
    this.#index.onSession(this, (file, session) => this.#onSession(file, session));
    // Built in the background once the vault is ready, so the "presented before" badge needs no click.
    this.#app.workspace.onLayoutReady(() => void this.built());
  }

  /** Built from every session's entries (bodies may still be arriving): what the panel shows at once. */
  async built(): Promise<RelatedIndex> {
    if (this.#related) return this.#related;
    this.#building ??= this.#build();
    return this.#building;
  }

  /** Ready, with every note's body read: the full model, as the CLI has it (the link command waits for it). */
  async ready(): Promise<RelatedIndex> {
    const related = await this.built();
    while (this.#reading && this.#active) await this.#reading;
    return related;
  }

  /** Synchronous view of what is built so far (null before the first build finished). */
  get current(): RelatedIndex | null {
    return this.#related;
  }

  async relatedTo(topic: IndexedTopic, top = 10): Promise<Related[]> {
    return (await this.built()).related(topic, top);
  }

  /**
   * Earlier sessions that presented the same paper as `topic` (empty until the index is built): the
   * one answer behind the sidebar's "presented before" badge and the related panel's line.
   */
  presentedBefore(topic: IndexedTopic): IndexedTopic[] {
    const related = this.#related;
    if (!related) return [];
    return related.samePaper(topic).filter((other) => (other.date ?? "") < (topic.date ?? ""));
  }

  #onSession(file: string, session: SessionEntry | null): void {
    const related = this.#related;
    if (!related) {
      this.#changedWhileBuilding?.add(file);
      return;
    }
    if (!session) {
      related.removeSession(file);
      this.#bodies.delete(file);
      return;
    }
    related.setSession(file, this.#documents(session));
    if (!this.#bodies.has(file) || this.#bodies.get(file)?.mtime !== this.#mtime(file)) this.#queueBody(file);
  }

  /** A session's topics with the body terms known for the note as it is now. */
  #documents(session: SessionEntry): TopicDocument[] {
    const cached = this.#bodies.get(session.file);
    const fresh = cached !== undefined && cached.mtime === this.#mtime(session.file);
    return session.topics.map((topic) => {
      const body = fresh ? cached.topics.get(topicKey(topic)) : undefined;
      return body ? cachedDocument(topic, body) : { topic };
    });
  }

  #mtime(file: string): number {
    return this.#app.vault.getFileByPath(file)?.stat.mtime ?? -1;
  }

  async #build(): Promise<RelatedIndex> {
    await this.#index.complete;
    const related = new RelatedIndex();
    const sessions = this.#index.index.allSessions();
    // Notes that change while building are caught up after, each once: no scan of the whole list.
    const changed = new Set<string>();
    this.#changedWhileBuilding = changed;
    await stepInSlices(
      related.fill(sessions, (session) => this.#documents(session)),
      {
        budgetMs: RELATED_SLICE_MS,
        now: () => performance.now(),
        pause: () => new Promise((resolve) => window.setTimeout(resolve, 0)),
        cancelled: () => !this.#active,
      },
    );
    this.#related = related;
    this.#changedWhileBuilding = null;
    for (const file of changed) {
      const session = this.#index.index.get(file);
      if (session) related.setSession(file, this.#documents(session));
      else related.removeSession(file);
    }
    for (const file of related.files()) this.#queueBody(file);
    if (this.#embeddings?.enabled) void this.#addMeaning(related, this.#embeddings);
    return related;
  }

  /** Blend in meaning once the vectors are there; nothing changes if the server is off or unreachable. */
  async #addMeaning(related: RelatedIndex, embeddings: EmbeddingService): Promise<void> {
    const known = await embeddings.fill(this.#index.index.topics(), () => this.#active).catch(() => false);
    if (known && this.#active) related.setSimilarity(embeddings.similarity);
  }

  #queueBody(file: string): void {
    this.#bodyQueue.add(file);
    this.#startReading();
  }

  /**
   * One reader at a time. `reading` is cleared in a promise reaction, so always after it was set, even
   * when every queued note is gone and the reads finish without awaiting anything; a note queued while
   * the last reader was finishing starts the next one.
   */
  #startReading(): void {
    this.#reading ??= this.#readBodies()
      .catch((error: unknown) => console.error("Study Session Notes: reading note bodies failed", error))
      .finally(() => {
        this.#reading = null;
        if (this.#active && this.#bodyQueue.size > 0) this.#startReading();
      });
  }

  /** Read queued notes' bodies, a slice at a time, and re-index their topics with them. */
  async #readBodies(): Promise<void> {
    let start = performance.now();
    for (const file of this.#bodyQueue) {
      this.#bodyQueue.delete(file);
      const target = this.#app.vault.getFileByPath(file);
      if (!(target instanceof TFile)) continue;
      const mtime = target.stat.mtime;
      const note = await this.#app.vault.cachedRead(target).catch(() => null);
      // The plugin may have unloaded, or the note changed or gone, while it was read.
      if (!this.#active) return;
      const session = this.#index.index.get(file);
      if (note === null || !session || this.#mtime(file) !== mtime) continue;
      const starts = lineStarts(note);
      // Topics from properties carry no lines: the note's own parse gives them.
      const parsed = this.#index.parse(note, file);
      const entries = new Map(session.topics.map((topic) => [topicKey(topic), topic]));
      const topics = new Map<string, CachedBody>();
      for (const topic of parsed.topics) {
        const text = topicBody(note, starts, topic);
        const body = bodyTermCounts(text);
        const entry = entries.get(topicKey(topic)) ?? topic;
        topics.set(topicKey(topic), {
          body,
          terms: topicTerms(entry, body),
          head: headOf(entry),
          papers: paperIds(topic, text),
        });
      }
      this.#bodies.set(file, { mtime, topics });
      this.#related?.setSession(file, this.#documents(session));
      if (performance.now() - start >= RELATED_SLICE_MS) {
        await new Promise((resolve) => window.setTimeout(resolve, 0));
        if (!this.#active) return;
        start = performance.now();
      }
    }
  }
}
