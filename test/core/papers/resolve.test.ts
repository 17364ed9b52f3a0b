import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_FETCHER_OPTIONS, Fetcher } from "../../../src/core/papers/http";
import { paperIds } from "../../../src/core/papers/paper-id";
import { resolvePapers, type PaperCache, type PaperQuery } from "../../../src/core/papers/resolve";
import type { PaperDetails } from "../../../src/core/papers/details";
import { nodeTransport } from "../../../src/cli/http";
import { parseXml } from "../../../src/cli/xml";
import { fakeClock, type FakeClock } from "./fake-clock";
import { startStandIn, type StandIn } from "./stand-in";

let stand: StandIn;
let clock: FakeClock;

beforeEach(async () => {
  stand = await startStandIn();
  clock = fakeClock();
});
afterEach(() => stand.close());

function apis(timeoutMs = 5_000) {
  const options = { ...DEFAULT_FETCHER_OPTIONS, timeoutMs };
  return {
    ...stand.settings,
    semanticScholarKey: "",
    fetcher: new Fetcher(nodeTransport(timeoutMs), clock, options),
    parseXml,
  };
}

function query(title: string, url: string | null = null, body = ""): PaperQuery {
  return { title, ids: paperIds({ title, url, summary: "" }, body) };
}

async function resolveOne(q: PaperQuery): Promise<PaperDetails | string> {
  const [result] = await resolvePapers([q], apis());
  if (result?.status === "found") return result.details;
  return result?.status === "failed" ? `failed: ${result.problem.code}` : "unresolved";
}

describe("resolvePapers against local stand-ins", () => {
  it("reads arXiv ids in every form, merging Semantic Scholar's venue and TL;DR", async () => {
    const forms = [
      "https://arxiv.org/abs/1706.03762",
      "https://arxiv.org/pdf/1706.03762v7.pdf",
      "https://arxiv.org/html/1706.03762v5",
      "https://export.arxiv.org/abs/1706.03762",
    ];
    for (const url of forms) {
      const details = await resolveOne(query("transformer paper", url));
      expect(details, url).toMatchObject({
        title: "Attention Is All You Need",
        arxiv: "1706.03762",
        year: 2017,
        venue: "Neural Information Processing Systems",
        url: "https://arxiv.org/abs/1706.03762",
        tldr: expect.stringContaining("Transformer") as unknown,
      });
      expect((details as PaperDetails).authors).toEqual(["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"]);
    }
  });

  it("reads an old-style arXiv id, which Semantic Scholar does not know", async () => {
    const details = await resolveOne(query("Maldacena", null, "- arXiv:hep-th/9711200v3"));
    expect(details).toMatchObject({ arxiv: "hep-th/9711200", year: 1997, venue: "Adv.Theor.Math.Phys.2:231-252,1998" });
  });

  it("reads a DOI through Crossref when Semantic Scholar does not know it", async () => {
    const details = await resolveOne(query("CL", "https://doi.org/10.1613/jair.1.12125"));
    expect(details).toMatchObject({
      title: "Confident Learning: Estimating Uncertainty in Dataset Labels",
      doi: "10.1613/jair.1.12125",
      year: 2021,
      venue: "Journal of Artificial Intelligence Research",
      url: "https://doi.org/10.1613/jair.1.12125",
    });
    expect(stand.requests.some((r) => r.startsWith("GET /crossref/works/10.1613%2Fjair.1.12125"))).toBe(true);
  });

  it("reads an ACL Anthology page through Semantic Scholar's ACL ids", async () => {
    const details = await resolveOne(query("BERT", "https://aclanthology.org/N19-1423.pdf"));
    expect(details).toMatchObject({ arxiv: "1810.04805", doi: "10.18653/v1/n19-1423" });
  });

  it("never takes a careless title match: the agreeing hit or nothing", async () => {
    const table: Array<[string, string | null]> = [
      ["Attention is all you need", "Attention Is All You Need"],
      ["Learning Loss for Active Learning", "Learning Loss for Active Learning"],
      ["Chinchilla: Training Compute-Optimal Large Language Models", "Training Compute-Optimal Large Language Models"],
      [
        "ＤｏｃＬＬＭ： A Layout-Aware Generative Language Model for Multimodal Document Understanding",
        "DocLLM: A Layout-Aware Generative Language Model for Multimodal Document Understanding",
      ],
      [
        "VerifiNER: Verification-augmented NER via Knowledge-grounded Reasoning with Large Language Models (ACL 2024)",
        "VerifiNER: Verification-augmented NER via Knowledge-grounded Reasoning with Large Language Models",
      ],
      ["Attention Is All You Need In Speech", null],
      ["Active Learning", null],
      ["A paper nobody has written about anything at all", null],
    ];
    for (const [title, expected] of table) {
      const details = await resolveOne(query(title));
      expect(typeof details === "string" ? null : details.title, title).toBe(expected);
    }
  });

  it("asks arXiv for many ids in one id_list request, and waits 3 s between arXiv requests", async () => {
    const queries = [
      query("a", "https://arxiv.org/abs/1706.03762"),
      query("b", "https://arxiv.org/abs/2203.15556"),
      query("c", "https://arxiv.org/abs/2401.00908"),
      query("Learning Loss for Active Learning"),
    ];
    const results = await resolvePapers(queries, apis());
    expect(results.map((r) => r.status)).toEqual(["found", "found", "found", "found"]);
    const idLists = stand.requests.filter((r) => r.includes("id_list="));
    expect(idLists).toHaveLength(1);
    expect(idLists[0]).toContain("id_list=1706.03762,2203.15556,2401.00908");
    expect(stand.requests.filter((r) => r.startsWith("POST /s2/paper/batch"))).toHaveLength(1);
    // Time passes only in the clock's waits: between the id_list and the title search, at least 3 s.
    expect(stand.requests.at(-1)).toContain("search_query=ti");
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3_000);
  });

  it("honours 429 with Retry-After, then gets the answer", async () => {
    stand.queue.s2.push({ status: 429, headers: { "retry-after": "7" }, body: '{"message":"Too Many Requests"}' });
    const details = await resolveOne(query("Training Compute-Optimal Large Language Models"));
    expect(details).toMatchObject({ arxiv: "2203.15556" });
    expect(clock.slept).toContain(7_000);
  });

  it("gives up with a clear problem when Retry-After asks for too long", async () => {
    stand.queue.s2.push({ status: 429, headers: { "retry-after": "3600" }, body: "" });
    stand.queue.arxiv.push({ status: 503, headers: { "retry-after": "3600" }, body: "Rate exceeded." });
    expect(await resolveOne(query("Training Compute-Optimal Large Language Models"))).toBe("failed: rate-limited");
  });

  it("reports a malformed body, never a stack trace", async () => {
    stand.queue.s2.push({ status: 200, body: "<html>oops" });
    stand.queue.arxiv.push({ status: 200, body: "Rate exceeded." });
    const [result] = await resolvePapers([query("Training Compute-Optimal Large Language Models")], apis());
    expect(result).toMatchObject({ status: "failed", problem: { code: "malformed" } });
  });

  it("treats arXiv's Error entry as a failure, not as a paper titled Error", async () => {
    const [result] = await resolvePapers([{ title: "x", ids: [{ scheme: "arxiv", value: "1706.0376x" }] }], apis());
    expect(result?.status).not.toBe("found");
  });

  it("times out, says so, and does not wait again on the same service", async () => {
    stand.hang = true;
    const results = await resolvePapers(
      [query("Attention is all you need"), query("Learning Loss for Active Learning")],
      apis(200),
    );
    expect(results.map((r) => (r.status === "failed" ? r.problem.code : r.status))).toEqual(["timeout", "timeout"]);
    // One request per service, not one per topic.
    expect(stand.requests.length).toBe(2);
  });

  it("says offline when nothing listens", async () => {
    const closed = { ...apis(), arxivApi: "http://127.0.0.1:9/api/query", semanticScholarApi: "http://127.0.0.1:9/s2" };
    const [result] = await resolvePapers([query("Attention is all you need")], closed);
    expect(result).toMatchObject({ status: "failed", problem: { code: "offline" } });
    if (result?.status === "failed") expect(result.problem.message).toMatch(/offline/);
  });

  it("asks nothing for what the cache knows, and remembers what no service knows", async () => {
    const store = new Map<string, PaperDetails | null>();
    const cache: PaperCache = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
    const queries = [query("Attention is all you need"), query("A paper nobody has written about anything at all")];
    await resolvePapers(queries, apis(), cache);
    const asked = stand.requests.length;
    const again = await resolvePapers(queries, apis(), cache);
    expect(stand.requests.length).toBe(asked);
    expect(again.map((r) => r.status)).toEqual(["found", "unresolved"]);
  });
});
