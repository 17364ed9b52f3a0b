import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main";
import { parseNote } from "../../../src/core/note/parser";
import { sessionFromParse } from "../../../src/core/index/session-entry";
import { buildRelated } from "../../../src/core/related/build";
import { reasonText } from "../../../src/core/related/reasons";
import { createTranslator } from "../../../src/i18n";
import { hitsAt3, LEAKY_REASON, qualityVault } from "../../quality/related-pairs";

const vault = qualityVault();
const sessions = Object.entries(vault).map(([path, text]) => sessionFromParse(path, parseNote(text, { path })));
const related = buildRelated(sessions, (file) => vault[file]);
const topics = sessions.flatMap((s) => s.topics);
const titles = topics.map((t) => t.title);

describe("related-topics quality (labelled pairs)", () => {
  it("finds every labelled pair in the top 3 (core)", () => {
    const quality = hitsAt3(titles, (title) =>
      related.related(topics.find((t) => t.title === title) as (typeof topics)[number], 3).map((r) => r.topic.title),
    );
    process.stderr.write(`related hits@3 (core): ${quality.hits}/${quality.total}` + "\n");
    expect(quality.misses).toEqual([]);
    expect(quality.intruders).toEqual([]);
  });

  it("finds every labelled pair in the top 3 (CLI), with reasons free of URLs and handles", () => {
    const dir = mkdtempSync(join(tmpdir(), "ssn-quality-"));
    for (const [path, text] of Object.entries(vault)) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    let out = "";
    expect(run(["related", dir, "--json", "--top", "3"], { out: (t) => (out += t), err: () => undefined })).toBe(0);
    const json = JSON.parse(out) as {
      topics: Array<{ title: string; related: Array<{ title: string; reasons: string[] }> }>;
    };
    const byTitle = new Map(json.topics.map((t) => [t.title, t.related]));
    const quality = hitsAt3(titles, (title) => (byTitle.get(title) ?? []).map((r) => r.title));
    process.stderr.write(`related hits@3 (CLI): ${quality.hits}/${quality.total}` + "\n");
    expect(quality.misses).toEqual([]);
    const reasons = json.topics.flatMap((t) => t.related.flatMap((r) => r.reasons));
    expect(reasons.length).toBeGreaterThan(20);
    expect(reasons.filter((r) => LEAKY_REASON.test(r))).toEqual([]);
  });

  it("says why in the reader's words: the paper's id, the tag as written, shared concepts across languages", () => {
    const t = createTranslator("en");
    const reasonsOf = (query: string, other: string): string[] => {
      const topic = topics.find((x) => x.title.startsWith(query));
      const found = topic ? related.related(topic, 5).find((r) => r.topic.title.startsWith(other)) : undefined;
      return (found?.reasons ?? []).map((r) => reasonText(r, t));
    };
    expect(reasonsOf("Attention Is All You Need (revisited)", "Attention Is All You Need")).toContain(
      "Same paper (arXiv 1706.03762)",
    );
    expect(reasonsOf("Retrieval-augmented generation", "社内文書検索にRAG")).toContain("Shared tag #RAG");
    const ja = reasonsOf("LLMエージェントの評価方法", "Evaluating LLM agents").join("; ");
    expect(ja).toMatch(/Both about: .*(評価|エージェント)/);
    expect(reasonsOf("Evaluating LLM agents", "LLMエージェントの評価方法").join("; ")).toMatch(
      /Both about: .*(evaluation|agent)/,
    );
  });
});
