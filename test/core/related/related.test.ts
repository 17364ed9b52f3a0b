import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/note/parser";
import { RelatedIndex } from "../../../src/core/related/related";
import { reasonText as reasonIn } from "../../../src/core/related/reasons";
import { createTranslator } from "../../../src/i18n";

const t = createTranslator("en");
const reasonText = (reason: Parameters<typeof reasonIn>[0]): string => reasonIn(reason, t);
import { normalizeUrl, paperIdKey, paperIds } from "../../../src/core/papers/paper-id";

const paperKeys = (...args: Parameters<typeof paperIds>) => paperIds(...args).map(paperIdKey);
import { buildRelated } from "../../../src/core/related/build";
import { sessionFromParse } from "../../../src/core/index/session-entry";
import { paperTopic } from "../../helpers";
import type { IndexedTopic, SessionEntry } from "../../../src/core/index/topic-index";

const dir = join(__dirname, "..", "..", "fixtures", "notion-export");
const texts = new Map<string, string>();
const sessions: SessionEntry[] = readdirSync(dir)
  .filter((n) => n.endsWith(".txt"))
  .map((name) => {
    const text = readFileSync(join(dir, name), "utf8");
    texts.set(name, text);
    return sessionFromParse(name, parseNote(text, { path: name }));
  });
const related = buildRelated(sessions, (file) => texts.get(file));
const find = (title: string): IndexedTopic => {
  const topic = sessions.flatMap((s) => s.topics).find((t) => t.title.startsWith(title));
  if (!topic) throw new Error(title);
  return topic;
};

const topic = paperTopic;

describe("related topics on the real exports", () => {
  it("ranks the two bounding-box annotation papers in each other's top 3", () => {
    const dialogs = find("Learning Intelligent Dialogs");
    const trust = find("Can we trust bounding box");
    expect(related.related(dialogs, 3).map((r) => r.topic)).toContain(trust);
    expect(related.related(trust, 3).map((r) => r.topic)).toContain(dialogs);
    const reasons = related.related(trust, 1)[0]?.reasons.map(reasonText) ?? [];
    expect(reasons.join("; ")).toMatch(/Both about: .*(bounding|box|annotation)/);
  });

  it("never offers topics of the same session", () => {
    const docllm = find("DocLLM");
    expect(related.related(docllm, 20).every((r) => r.topic.file !== docllm.file)).toBe(true);
  });
});

describe("same paper", () => {
  it("normalizes arXiv ids across versions and abs/pdf forms, DOIs and URLs", () => {
    expect(paperKeys(topic("a", "x", { url: "https://arxiv.org/pdf/2401.00908v2.pdf" }), "")).toContain(
      "arxiv:2401.00908",
    );
    expect(paperKeys(topic("a", "x"), "- arxiv: 2401.00908")).toContain("arxiv:2401.00908");
    expect(paperKeys(topic("a", "x", { url: "https://doi.org/10.18653/v1/2024.acl-long.130" }), "")).toContain(
      "doi:10.18653/v1/2024.acl-long.130",
    );
    expect(normalizeUrl("https://www.Example.com/a/?utm_source=x#top")).toBe(normalizeUrl("http://example.com/a"));
  });

  it("ranks a paper presented again first, and updates as notes change", () => {
    const index = new RelatedIndex();
    const first = topic("2024-07-24.md", "Learning to rank", { url: "https://arxiv.org/abs/2401.00908" });
    const noise = topic("2024-08-01.md", "Learning to rank with neural networks and learning to rank again");
    const again = topic("2024-09-05.md", "LTR, revisited", { url: "https://arxiv.org/pdf/2401.00908v3" });
    index.setSession(first.file, [{ topic: first }]);
    index.setSession(noise.file, [{ topic: noise }]);
    index.setSession(again.file, [{ topic: again }]);
    const top = index.related(first, 5);
    expect(top[0]?.topic).toBe(again);
    expect(top[0]?.reasons[0]).toEqual({ type: "same-paper", paper: { scheme: "arxiv", value: "2401.00908" } });
    expect(reasonText(top[0]?.reasons[0] ?? { type: "presenter" })).toBe("Same paper (arXiv 2401.00908)");
    expect(index.samePaper(first)).toEqual([again]);
    index.removeSession(again.file);
    expect(index.related(first, 5).map((r) => r.topic)).toEqual([noise]);
    expect(index.size).toBe(2);
  });

  it("gives shared tags and the same presenter as reasons", () => {
    const index = new RelatedIndex();
    const a = topic("2024-01-01.md", "Retrieval for QA", { tags: ["RAG"], presenter: "Alice" });
    const b = topic("2024-02-01.md", "Dense passages", { tags: ["rag"], presenter: "alice" });
    index.setSession(a.file, [{ topic: a }]);
    index.setSession(b.file, [{ topic: b }]);
    expect(index.related(a, 1)[0]?.reasons.map(reasonText)).toEqual(["Shared tag #RAG", "Same presenter"]);
  });
});
