import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPapers } from "../../src/cli/papers";
import { run } from "../../src/cli/main";
import { readProperties } from "../../src/core/properties/frontmatter-read";
import { fakeClock } from "../core/papers/fake-clock";
import { startStandIn, type StandIn } from "../core/papers/stand-in";

const fixtures = join(__dirname, "..", "fixtures", "notion-export");

let stand: StandIn;
beforeEach(async () => (stand = await startStandIn()));
afterEach(() => stand.close());

const OWN_NOTES: Record<string, string> = {
  "Sessions/2024-09-12 機械学習勉強会.md": `---
type: study-session
date: 2024-09-12
---
## 今週のTOPIC

### @qluto (Ryosuke Fukazawa)
#### [論文] Transformer の原論文
- https://arxiv.org/pdf/1706.03762v7.pdf
- 読み直し #transformer

### @Shun Ito
#### [論文] Confident Learning
- https://doi.org/10.1613/jair.1.12125

### @Yuta Kamikawa
#### [論文] Chinchilla: Training Compute-Optimal Large Language Models
- スケーリング則

## メインTOPIC
### @Naoto Shimakoshi
#### [論文] BERT
- リンク: https://aclanthology.org/N19-1423.pdf
`,
  "Sessions/2024-09-19 ML study group.md": `## This week's topics

### @Yuya Matsumura
[paper] Attention is all you need
- Presented again, by title only

### @Tomoaki Kitaoka
[paper] Attention Is All You Need In Speech
- a title that is not quite any paper's

[blog] Not a paper at all
- https://example.com/blog

### @Old Timer
[paper] Maldacena's duality
- arXiv:hep-th/9711200
`,
};

function vault(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), "ssn-papers-"));
  for (const name of readdirSync(fixtures).filter((n) => n.endsWith(".txt"))) {
    mkdirSync(join(dir, "Sessions"), { recursive: true });
    writeFileSync(
      join(dir, "Sessions", `${name.replace(/\.txt$/, "")} 機械学習勉強会.md`),
      readFileSync(join(fixtures, name)),
    );
  }
  for (const [path, text] of Object.entries(OWN_NOTES)) writeFileSync(join(dir, path), text);
  const config = join(dir, "data.json");
  writeFileSync(config, JSON.stringify({ ...stand.settings, papersFolder: "Papers" }));
  return { dir, config };
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io = { out: (t: string) => (out += `${t}\n`), err: (t: string) => (err += `${t}\n`) };
  const code = await runPapers(argv, io, { clock: fakeClock() });
  return { code, out, err };
}

interface PapersJson {
  papers: Array<{
    title: string;
    authors: string[];
    year: number | null;
    venue: string | null;
    arxiv: string | null;
    doi: string | null;
    url: string | null;
    presented: Array<{ file: string; line: number; date: string | null; presenter: string | null; title: string }>;
  }>;
  unresolved: Array<{ file: string; line: number; title: string }>;
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder)) {
      const full = join(folder, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(full, `${statSync(full).mtimeMs} ${readFileSync(full, "utf8")}`);
    }
  };
  walk(dir);
  return out;
}

describe("session-notes papers", () => {
  it("--json prints SPEC §5's papers and unresolved topics", async () => {
    const { dir, config } = vault();
    const { code, out, err } = await cli(dir, "--json", "--config", config);
    expect(err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(out) as PapersJson;
    const byTitle = new Map(json.papers.map((p) => [p.title, p]));
    const attention = byTitle.get("Attention Is All You Need");
    expect(attention).toMatchObject({
      arxiv: "1706.03762",
      year: 2017,
      venue: "Neural Information Processing Systems",
    });
    // The same paper presented twice is one paper with two presentations, by link and by title.
    expect(attention?.presented.map((p) => [p.file, p.presenter, p.date])).toEqual([
      ["Sessions/2024-09-12 機械学習勉強会.md", "Ryosuke Fukazawa", "2024-09-12"],
      ["Sessions/2024-09-19 ML study group.md", "Yuya Matsumura", "2024-09-19"],
    ]);
    expect(Object.keys(attention ?? {})).toEqual([
      "title",
      "authors",
      "year",
      "venue",
      "arxiv",
      "doi",
      "url",
      "presented",
    ]);
    expect(byTitle.get("Confident Learning: Estimating Uncertainty in Dataset Labels")?.doi).toBe(
      "10.1613/jair.1.12125",
    );
    expect(byTitle.get("Training Compute-Optimal Large Language Models")?.arxiv).toBe("2203.15556");
    expect(byTitle.get("The Large N Limit of Superconformal Field Theories and Supergravity")?.arxiv).toBe(
      "hep-th/9711200",
    );
    expect(
      byTitle.get("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding")?.presented[0]
        ?.presenter,
    ).toBe("Naoto Shimakoshi");
    // Fixtures: titles alone, one with "(ACL 2024)" after it.
    expect(byTitle.get("Learning Loss for Active Learning")?.arxiv).toBe("1905.03677");
    expect(
      byTitle.get("DocLLM: A Layout-Aware Generative Language Model for Multimodal Document Understanding"),
    ).toBeDefined();
    expect(
      byTitle.get("VerifiNER: Verification-augmented NER via Knowledge-grounded Reasoning with Large Language Models"),
    ).toBeDefined();
    const unresolved = json.unresolved.map((u) => u.title);
    expect(unresolved).toContain("Attention Is All You Need In Speech");
    expect(unresolved).toContain("Inversion-Free Image Editing with Natural Language");
    expect(unresolved).not.toContain("Not a paper at all");
    expect(json.unresolved.every((u) => typeof u.file === "string" && typeof u.line === "number")).toBe(true);
  });

  it("--fill writes one note per paper and links each topic; a second --fill writes nothing", async () => {
    const { dir, config } = vault();
    const first = await cli(dir, "--fill", "--config", config);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/paper notes created/);
    const note = readFileSync(join(dir, "Papers", "Attention Is All You Need.md"), "utf8");
    const props = readProperties(note);
    expect(props).toMatchObject({
      type: "paper",
      title: "Attention Is All You Need",
      authors: ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"],
      year: 2017,
      arxiv: "1706.03762",
      url: "https://arxiv.org/abs/1706.03762",
      presented: ["[[Sessions/2024-09-12 機械学習勉強会]]", "[[Sessions/2024-09-19 ML study group]]"],
    });
    expect(note).toContain("> [!abstract] TL;DR");
    expect(note).toContain("## メモ");
    const session = readProperties(readFileSync(join(dir, "Sessions", "2024-09-12 機械学習勉強会.md"), "utf8"));
    const topics = session?.topics as Array<Record<string, unknown>>;
    expect(topics.find((t) => t.title === "Transformer の原論文")?.paper).toBe("[[Papers/Attention Is All You Need]]");
    expect(topics.find((t) => t.title === "BERT")?.paper).toBe(
      "[[Papers/BERT Pre-training of Deep Bidirectional Transformers for Language Understanding]]",
    );

    // The user writes in the paper note and changes a property; a refill keeps both.
    const userNote = note.replace("## メモ\n", "## メモ\n\n- 自分のメモ\n").replace("year: 2017", "year: 2018");
    writeFileSync(join(dir, "Papers", "Attention Is All You Need.md"), userNote);
    const before = snapshot(dir);
    const second = await cli(dir, "--fill", "--config", config);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/0 paper notes created, 0 updated/);
    expect(second.out).toMatch(/0 session notes linked/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("adds a new presentation to the existing note, wherever the user moved it", async () => {
    const { dir, config } = vault();
    await cli(dir, "--fill", "--config", config);
    const old = join(dir, "Papers", "Attention Is All You Need.md");
    mkdirSync(join(dir, "Papers", "NLP"));
    const moved = join(dir, "Papers", "NLP", "Transformer.md");
    writeFileSync(moved, readFileSync(old, "utf8"));
    writeFileSync(old, "");
    const { rmSync } = await import("node:fs");
    rmSync(old);
    writeFileSync(
      join(dir, "Sessions", "2024-10-03 ML study group.md"),
      "## Topics\n\n### @New Person\n[paper] Attention Is All You Need\n- again\n",
    );
    await cli(dir, "--fill", "--config", config);
    expect(readProperties(readFileSync(moved, "utf8"))?.presented).toEqual([
      "[[Sessions/2024-09-12 機械学習勉強会]]",
      "[[Sessions/2024-09-19 ML study group]]",
      "[[Sessions/2024-10-03 ML study group]]",
    ]);
    expect(readdirSync(join(dir, "Papers"))).not.toContain("Attention Is All You Need.md");
  });

  it("says offline and exits 1 when no service answers, writing nothing", async () => {
    const { dir } = vault();
    const config = join(dir, "data.json");
    writeFileSync(
      config,
      JSON.stringify({
        arxivApi: "http://127.0.0.1:9/q",
        semanticScholarApi: "http://127.0.0.1:9/s",
        crossrefApi: "http://127.0.0.1:9/c",
      }),
    );
    const { code, err } = await cli(dir, "--fill", "--config", config);
    expect(code).toBe(1);
    expect(err).toMatch(/Could not reach 127\.0\.0\.1:9.*offline/);
    expect(err.split("\n").filter(Boolean).length).toBeLessThanOrEqual(3);
    expect(readdirSync(dir)).not.toContain("Papers");
  });

  it("is a verb of the command line, with usage errors as exit 2", async () => {
    expect(await run(["papers"], { out: () => {}, err: () => {} })).toBe(2);
    expect(await run(["papers", "a", "b"], { out: () => {}, err: () => {} })).toBe(2);
  });
});
