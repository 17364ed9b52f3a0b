import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cosine,
  embed,
  EmbeddingCache,
  embeddingRequest,
  migrateEmbeddings,
  type EmbeddingSettings,
  type HttpPost,
} from "../../../src/core/related/embeddings";
import { RelatedIndex } from "../../../src/core/related/related";
import { paperTopic } from "../../helpers";

/** A fake embeddings server: OpenAI-compatible and Ollama routes, and misbehaving ones. */
let server: Server;
let base = "";
const seen: Array<{ url: string; body: unknown; auth: string | undefined }> = [];

function vectorOf(text: string): number[] {
  // Texts about agents point one way, everything else another: enough to test the blend.
  return /agent|エージェント/i.test(text) ? [1, 0.1, 0] : [0, 0.2, 1];
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const body = JSON.parse(raw || "{}") as { input?: string[] };
      seen.push({ url: req.url ?? "", body, auth: req.headers.authorization });
      const input = body.input ?? [];
      if (req.url === "/v1/embeddings") {
        res.setHeader("Content-Type", "application/json");
        // Out of order on purpose: clients must sort by index.
        const data = input
          .map((text, index) => ({
            object: "embedding",
            index,
            embedding: vectorOf(text),
          }))
          .reverse();
        res.end(JSON.stringify({ object: "list", data }));
      } else if (req.url === "/api/embed") {
        res.end(JSON.stringify({ model: "m", embeddings: input.map(vectorOf) }));
      } else if (req.url === "/busy/v1/embeddings") {
        res.statusCode = 429;
        res.end("slow down");
      } else if (req.url === "/garbage/v1/embeddings") {
        res.end("<html>not json</html>");
      } else if (req.url === "/short/v1/embeddings") {
        res.end(JSON.stringify({ data: [] }));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What `requestUrl` does in the plugin, done with Node's fetch against the local server. */
const post: HttpPost = async (request) => {
  const response = await fetch(request.url, {
    method: "POST",
    headers: request.headers,
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
};

const settings = (extra: Partial<EmbeddingSettings>): EmbeddingSettings => ({
  ...migrateEmbeddings({}),
  enabled: true,
  model: "multilingual-e5",
  endpoint: base,
  ...extra,
});

describe("embeddings client", () => {
  it("speaks the OpenAI-compatible API, in the texts' order, with the key as a bearer token", async () => {
    const result = await embed(post, settings({ api: "openai", apiKey: "sk-test" }), ["agents", "tables"]);
    expect(result).toEqual({
      ok: true,
      value: [vectorOf("agents"), vectorOf("tables")],
    });
    expect(seen.at(-1)).toEqual({
      url: "/v1/embeddings",
      body: { model: "multilingual-e5", input: ["agents", "tables"] },
      auth: "Bearer sk-test",
    });
  });

  it("speaks Ollama's /api/embed", async () => {
    const result = await embed(post, settings({ api: "ollama" }), ["エージェント"]);
    expect(result).toEqual({ ok: true, value: [vectorOf("エージェント")] });
    expect(seen.at(-1)?.url).toBe("/api/embed");
  });

  const failures: Array<{
    name: string;
    endpoint: () => string;
    code: string;
  }> = [
    { name: "429", endpoint: () => `${base}/busy`, code: "http" },
    { name: "not JSON", endpoint: () => `${base}/garbage`, code: "malformed" },
    {
      name: "too few vectors",
      endpoint: () => `${base}/short`,
      code: "malformed",
    },
    {
      name: "nobody listening",
      endpoint: () => "http://127.0.0.1:9",
      code: "unreachable",
    },
    { name: "no endpoint", endpoint: () => "", code: "not-configured" },
    {
      name: "not http",
      endpoint: () => "file:///etc/passwd",
      code: "not-configured",
    },
  ];
  for (const f of failures)
    it(`answers a problem, never throws: ${f.name}`, async () => {
      const result = await embed(post, settings({ endpoint: f.endpoint() }), ["x"]);
      expect(result.ok ? "ok" : result.problem.code).toBe(f.code);
    });

  it("builds endpoint URLs from a base with or without /v1", () => {
    const url = (endpoint: string, api: "openai" | "ollama" = "openai"): string | undefined =>
      embeddingRequest(settings({ endpoint, api }), ["x"])?.url;
    expect(url("https://api.openai.com")).toBe("https://api.openai.com/v1/embeddings");
    expect(url("http://localhost:8080/v1/")).toBe("http://localhost:8080/v1/embeddings");
    expect(url("http://localhost:11434", "ollama")).toBe("http://localhost:11434/api/embed");
  });

  it("keeps a cache that survives a round trip and ignores a corrupt file", () => {
    const cache = new EmbeddingCache();
    cache.set("k", [0.5, 0.25]);
    expect(Array.from(EmbeddingCache.fromJSON(JSON.stringify(cache)).get("k") ?? [])).toEqual([0.5, 0.25]);
    expect(EmbeddingCache.fromJSON("{not json").size).toBe(0);
    expect(EmbeddingCache.fromJSON('{"a": ["x"], "b": [1]}').size).toBe(1);
  });
});

describe("blending meaning into related topics", () => {
  const a = paperTopic("2024-01-01.md", "Tool-using LLM agents with planning");
  const b = paperTopic("2024-02-01.md", "LLM tables with planning");
  const c = paperTopic("2024-03-01.md", "Autonomous agents that plan with LLM tools");

  it("lifts the topic similar in meaning and says so; without it the order is lexical", () => {
    const index = new RelatedIndex();
    for (const t of [a, b, c]) index.setSession(t.file, [{ topic: t }]);
    const lexical = index.related(a, 2).map((r) => r.topic);
    index.setSimilarity((x, y) => cosine(vectorOf(x.title), vectorOf(y.title)));
    const blended = index.related(a, 2);
    expect(blended[0]?.topic).toBe(c);
    expect(blended[0]?.reasons).toContainEqual({ type: "meaning" });
    index.setSimilarity(null);
    expect(index.related(a, 2).map((r) => r.topic)).toEqual(lexical);
  });
});
