/**
 * Related topics in the app: the core's index, built the first time it is asked for (in slices, so
 * a large vault never freezes the app) and then kept current one note at a time. It reads titles,
 * tags and summaries only: bodies are not in the properties, and adding them for just the notes
 * read or edited would make neighbours shift as notes are touched (and cost a phone memory).
 */
import { Component } from "obsidian";
import { RelatedIndex, type Related } from "../../core/related/related";
import type { IndexedTopic } from "../../core/index/topic-index";
import type { IndexService } from "../index/index-service";

/** Sessions indexed per slice of the first build. */
const BUILD_SLICE = 200;

export class RelatedService extends Component {
  private related: RelatedIndex | null = null;
  private building: Promise<RelatedIndex> | null = null;

  constructor(private readonly index: IndexService) {
    super();
  }

  override onload(): void {
    this.index.onSession(this, (file, session) => {
      const related = this.related;
      if (!related) return;
      if (session)
        related.setSession(
          file,
          session.topics.map((topic) => ({ topic })),
        );
      else related.removeSession(file);
    });
  }

  /** Ready once every session is indexed. */
  async ready(): Promise<RelatedIndex> {
    if (this.related) return this.related;
    this.building ??= this.build();
    return this.building;
  }

  /** Synchronous view of what is built so far (null before the first build finished). */
  get current(): RelatedIndex | null {
    return this.related;
  }

  async relatedTo(topic: IndexedTopic, top = 10): Promise<Related[]> {
    return (await this.ready()).related(topic, top);
  }

  private async build(): Promise<RelatedIndex> {
    await this.index.complete;
    const related = new RelatedIndex();
    const sessions = this.index.index.allSessions();
    for (let i = 0; i < sessions.length; i += BUILD_SLICE) {
      for (const session of sessions.slice(i, i + BUILD_SLICE))
        related.setSession(
          session.file,
          session.topics.map((topic) => ({ topic })),
        );
      await new Promise((resolve) => window.setTimeout(resolve, 0));
    }
    // Catch up with notes that changed, appeared or went while building; events keep it current after.
    const now = this.index.index.allSessions();
    for (const session of now) {
      if (!sessions.includes(session))
        related.setSession(
          session.file,
          session.topics.map((topic) => ({ topic })),
        );
    }
    const present = new Set(now.map((s) => s.file));
    for (const session of sessions) if (!present.has(session.file)) related.removeSession(session.file);
    this.related = related;
    return related;
  }
}
