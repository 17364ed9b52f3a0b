/**
 * Optional semantic similarity (off by default): an embeddings endpoint the user configures, either
 * OpenAI-compatible (`POST …/v1/embeddings`, `{ model, input: [text] }` → `{ data: [{ embedding, index }] }`)
 * or Ollama (`POST …/api/embed`, `{ model, input: [text] }` → `{ embeddings: [[…]] }`). Pure: the HTTP
 * call is passed in (`requestUrl` in the plugin, a local server in tests). Vectors are cached by a hash
 * of the embedded text, so a topic is embedded once until its text changes.
 */
import { fail, ok, type Result } from "../result";

export type EmbeddingApi = "openai" | "ollama";

export interface EmbeddingSettings {
  enabled: boolean;
  api: EmbeddingApi;
  /** Base URL of the server (`http://localhost:11434`, `https://api.openai.com`). */
  endpoint: string;
  model: string;
  /** Sent as a bearer token when set (OpenAI-compatible servers). */
  apiKey: string;
}

export const DEFAULT_EMBEDDINGS: Readonly<EmbeddingSettings> = Object.freeze({
  enabled: false,
  api: "openai",
  endpoint: "",
  model: "",
  apiKey: "",
});

/** Takes any saved value and keeps the fields that have the right shape. */
export function migrateEmbeddings(raw: unknown): EmbeddingSettings {
  const out: EmbeddingSettings = { ...DEFAULT_EMBEDDINGS };
  if (typeof raw !== "object" || raw === null) return out;
  const data = raw as Record<string, unknown>;
  if (typeof data.enabled === "boolean") out.enabled = data.enabled;
  if (data.api === "openai" || data.api === "ollama") out.api = data.api;
  if (typeof data.endpoint === "string") out.endpoint = data.endpoint.trim();
  if (typeof data.model === "string") out.model = data.model.trim();
  if (typeof data.apiKey === "string") out.apiKey = data.apiKey.trim();
  return out;
}

export interface HttpRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  text: string;
}

/** One POST; throws or rejects when the server cannot be reached. */
export type HttpPost = (request: HttpRequest) => Promise<HttpResponse>;

export type EmbeddingProblem = "not-configured" | "unreachable" | "http" | "malformed";

/** The request for `texts`, or null when the settings name no usable endpoint. */
export function embeddingRequest(settings: EmbeddingSettings, texts: readonly string[]): HttpRequest | null {
  const base = settings.endpoint.replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s/]+/i.test(base) || settings.model === "") return null;
  let url: string;
  if (settings.api === "ollama") url = base.endsWith("/api/embed") ? base : `${base}/api/embed`;
  else if (base.endsWith("/embeddings")) url = base;
  else url = base.endsWith("/v1") ? `${base}/embeddings` : `${base}/v1/embeddings`;
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
  };
  if (settings.apiKey !== "") headers.Authorization = `Bearer ${settings.apiKey}`;
  return {
    url,
    headers,
    body: JSON.stringify({ model: settings.model, input: texts }),
  };
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === "number" && Number.isFinite(x));
}

/** The vectors of a response, in the order of the texts; a problem for anything else. */
export function parseEmbeddings(api: EmbeddingApi, text: string, count: number): Result<number[][], EmbeddingProblem> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail({
      code: "malformed",
      message: "The embeddings server answered with something that is not JSON.",
    });
  }
  const record = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  let vectors: unknown[] = [];
  if (api === "ollama") vectors = Array.isArray(record.embeddings) ? record.embeddings : [];
  else if (Array.isArray(record.data)) {
    const items = record.data as Array<{
      embedding?: unknown;
      index?: unknown;
    }>;
    vectors = [...items]
      .sort((a, b) => (typeof a.index === "number" ? a.index : 0) - (typeof b.index === "number" ? b.index : 0))
      .map((item) => item.embedding);
  }
  if (vectors.length !== count || !vectors.every(isVector))
    return fail({
      code: "malformed",
      message: `The embeddings server did not return ${count} vectors.`,
    });
  return ok(vectors);
}

/** Embed `texts` with one request; never throws. */
export async function embed(
  post: HttpPost,
  settings: EmbeddingSettings,
  texts: readonly string[],
): Promise<Result<number[][], EmbeddingProblem>> {
  const request = embeddingRequest(settings, texts);
  if (!request)
    return fail({
      code: "not-configured",
      message: "Set the embeddings endpoint and model first.",
    });
  let response: HttpResponse;
  try {
    response = await post(request);
  } catch (error) {
    return fail({
      code: "unreachable",
      message: `The embeddings server at ${request.url} could not be reached.`,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (response.status < 200 || response.status >= 300)
    return fail({
      code: "http",
      message: `The embeddings server answered ${response.status}.`,
      detail: response.text.slice(0, 200),
    });
  return parseEmbeddings(settings.api, response.text, texts.length);
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** What is embedded of a topic: its title, tags and summary (what a reader sees of it in the list). */
export function embeddingText(topic: { title: string; tags: readonly string[]; summary: string }): string {
  return [topic.title, topic.tags.map((t) => `#${t}`).join(" "), topic.summary].filter((s) => s !== "").join("\n");
}

/** Cache key of an embedded text (and the model: another model's vectors do not compare). */
export function embeddingKey(model: string, text: string): string {
  let a = 2166136261;
  let b = 0x9747b28c;
  const whole = `${model}\u0000${text}`;
  for (let i = 0; i < whole.length; i++) {
    const c = whole.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${whole.length}`;
}

/** Vectors by `embeddingKey`, as kept in the plugin's data folder. */
export class EmbeddingCache {
  readonly #vectors = new Map<string, Float32Array>();

  get size(): number {
    return this.#vectors.size;
  }

  get(key: string): Float32Array | undefined {
    return this.#vectors.get(key);
  }

  set(key: string, vector: readonly number[]): void {
    this.#vectors.set(key, Float32Array.from(vector));
  }

  /** Keep only `keys` (texts that no longer exist are dropped before saving). */
  retain(keys: ReadonlySet<string>): void {
    for (const key of [...this.#vectors.keys()]) if (!keys.has(key)) this.#vectors.delete(key);
  }

  toJSON(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [key, vector] of this.#vectors) out[key] = Array.from(vector, (x) => Math.round(x * 1e5) / 1e5);
    return out;
  }

  /** From saved JSON; anything malformed is skipped, never thrown. */
  static fromJSON(text: string): EmbeddingCache {
    const cache = new EmbeddingCache();
    try {
      const data = JSON.parse(text) as unknown;
      if (typeof data === "object" && data !== null)
        for (const [key, vector] of Object.entries(data)) if (isVector(vector)) cache.set(key, vector);
    } catch {
      // A corrupt cache is an empty one: vectors are fetched again.
    }
    return cache;
  }
}
