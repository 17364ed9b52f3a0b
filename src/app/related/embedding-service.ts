/**
 * Optional "similar meaning" for related topics: vectors from the embeddings endpoint in the settings,
 * fetched with `requestUrl` in the background and cached per text in the plugin's data folder. Off by
 * default; when off, unconfigured or unreachable, related topics are exactly the lexical ones.
 */
import { normalizePath, requestUrl, type App } from "obsidian";
import {
  cosine,
  embed,
  EmbeddingCache,
  embeddingKey,
  embeddingText,
  type EmbeddingSettings,
  type HttpPost,
} from "../../core/related/embeddings";
import type { Similarity } from "../../core/related/model";
import type { IndexedTopic } from "../../core/index/topic-index";

/** Texts per request: small enough for any server's limit. */
const BATCH = 32;

const post: HttpPost = async (request) => {
  const response = await requestUrl({
    url: request.url,
    method: "POST",
    headers: request.headers,
    body: request.body,
    throw: false,
  });
  return { status: response.status, text: response.text };
};

export class EmbeddingService {
  #cache: EmbeddingCache | null = null;

  readonly #app: App;
  readonly #folder: string;
  readonly #settings: () => EmbeddingSettings;

  constructor(
    app: App,
    /** The plugin's folder (`manifest.dir`), where the cache file lives. */
    folder: string,
    settings: () => EmbeddingSettings,
  ) {
    this.#app = app;
    this.#folder = folder;
    this.#settings = settings;
  }

  get enabled(): boolean {
    return this.#settings().enabled;
  }

  get #path(): string {
    return normalizePath(`${this.#folder}/embeddings.json`);
  }

  /** Similarity of two topics' meanings, from cached vectors only (null where either is missing). */
  readonly similarity: Similarity = (a, b) => {
    const cache = this.#cache;
    if (!cache) return null;
    const model = this.#settings().model;
    const va = cache.get(embeddingKey(model, embeddingText(a)));
    const vb = va ? cache.get(embeddingKey(model, embeddingText(b))) : undefined;
    return va && vb ? cosine(va, vb) : null;
  };

  /**
   * Fetch the vectors of topics not cached yet, a batch at a time; stops at the first failure (the
   * server is down or misconfigured: related topics stay lexical). True when any vector is known.
   */
  async fill(topics: readonly IndexedTopic[], active: () => boolean): Promise<boolean> {
    const settings = this.#settings();
    if (!settings.enabled) return false;
    const cache = (this.#cache ??= await this.#load());
    const keys = new Map<string, string>();
    for (const topic of topics) {
      const text = embeddingText(topic);
      keys.set(embeddingKey(settings.model, text), text);
    }
    const missing = [...keys].filter(([key]) => !cache.get(key));
    let changed = false;
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const result = await embed(
        post,
        settings,
        batch.map(([, text]) => text),
      );
      if (!active()) return false;
      if (!result.ok) break;
      batch.forEach(([key], k) => cache.set(key, result.value[k] ?? []));
      changed = true;
    }
    if (changed) {
      cache.retain(new Set(keys.keys()));
      await this.#app.vault.adapter.write(this.#path, JSON.stringify(cache));
    }
    return cache.size > 0;
  }

  async #load(): Promise<EmbeddingCache> {
    const adapter = this.#app.vault.adapter;
    const text = (await adapter.exists(this.#path)) ? await adapter.read(this.#path).catch(() => "") : "";
    return EmbeddingCache.fromJSON(text);
  }
}
