/**
 * The related-topics rows of `npm run bench`: query latency over a vault of bodies, the plugin's first
 * build from cached terms in slices, the CLI's growth and its ratio to `index`, and the quality check.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/main";
import { parseNote } from "../src/core/note/parser";
import { sessionFromParse } from "../src/core/index/session-entry";
import { buildRelated, lineStarts, stepInSlices, topicBody } from "../src/core/related/build";
import { RelatedIndex } from "../src/core/related/related";
import type { TopicDocument } from "../src/core/related/model";
import { topicTerms } from "../src/core/related/term-vector";
import { paperIds } from "../src/core/papers/paper-id";
import type { IndexedTopic, SessionEntry } from "../src/core/index/topic-index";
import { hitsAt3, qualityVault } from "../test/quality/related-pairs";
import { RELATED_SLICE_MS } from "../src/app/related/related-service";
import { generateCorpus, type GeneratedNote } from "./generate";
import { gc, median, settledGc, timePair, type Figure } from "./measure";

type AddFigure = (f: Omit<Figure, "ratio" | "pass">, judge: (ratio: number, value: number) => boolean) => void;

/** What the plugin caches per note once it read it: each topic's terms (body included) and papers. */
function cachedDocuments(note: GeneratedNote): {
  session: SessionEntry;
  documents: TopicDocument[];
} {
  const session = sessionFromParse(note.path, parseNote(note.text, { path: note.path }));
  const starts = lineStarts(note.text);
  return {
    session,
    documents: session.topics.map((topic) => {
      const body = topicBody(note.text, starts, topic);
      return {
        topic,
        terms: topicTerms(topic, body),
        papers: paperIds(topic, body),
      };
    }),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function queryAndBuild(figure: AddFigure, log: (text: string) => void): Promise<void> {
  // A vault past 100,000 topics, every body read and tokenized once (what the plugin's cache holds).
  log("Related: generating and tokenizing a vault of 10,500 notes (bodies included)…");
  let corpus: ReturnType<typeof generateCorpus> | null = generateCorpus(10_500);
  const tokenizeStart = performance.now();
  const cached = corpus.notes.map(cachedDocuments);
  const tokenizeMs = performance.now() - tokenizeStart;
  const chars = corpus.notes.reduce((n, note) => n + note.text.length, 0);
  corpus = null;
  gc();
  const topics = cached.reduce((n, c) => n + c.documents.length, 0);
  figure(
    {
      name: `related: read and tokenize bodies once, ${topics} topics (${(chars / 1e6).toFixed(0)} M chars)`,
      value: tokenizeMs,
      unit: "ms",
      baseline: null,
      target: "reported (background, cached by mtime)",
    },
    () => true,
  );

  log("Related: first build from cached terms, in slices…");
  const byFile = new Map(cached.map((c) => [c.session.file, c.documents]));
  const builds: Array<{ total: number; longest: number }> = [];
  let related = new RelatedIndex();
  for (let r = 0; r < 3; r++) {
    related = new RelatedIndex();
    await settledGc();
    const start = performance.now();
    // As the plugin builds: every session's cached topics, then the postings packed, in slices.
    const result = await stepInSlices(
      related.fill(
        cached.map((c) => c.session),
        (session) => byFile.get(session.file) ?? [],
      ),
      {
        budgetMs: RELATED_SLICE_MS,
        now: () => performance.now(),
        pause: () => new Promise((resolve) => setImmediate(resolve)),
        cancelled: () => false,
      },
    );
    builds.push({
      total: performance.now() - start,
      longest: result?.longest ?? Infinity,
    });
  }
  const build = builds.sort((a, b) => a.total - b.total)[1] ?? {
    total: Infinity,
    longest: Infinity,
  };
  figure(
    {
      name: `related first build, ${related.size} topics (titles, tags, bodies)`,
      value: build.total,
      unit: "ms",
      baseline: null,
      target: "≤ 1000 ms",
    },
    (_r, v) => v <= 1000,
  );
  figure(
    {
      name: "related first build: longest slice",
      value: Math.max(...builds.map((b) => b.longest)),
      unit: "ms",
      baseline: null,
      target: "≤ 50 ms",
    },
    (_r, v) => v <= 50,
  );

  log("Related: queries over every topic with bodies…");
  const all = cached.flatMap((c) => c.documents.map((d) => d.topic));
  const queries: IndexedTopic[] = [];
  for (let k = 0; k < 400; k++) queries.push(all[(k * 7919) % all.length] as IndexedTopic);
  let sink = 0;
  for (const q of queries.slice(0, 40)) sink += related.related(q, 10).length;
  const samples: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    sink += related.related(q, 10).length;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  figure(
    {
      name: `related query top 10 over ${related.size} topics with bodies, p50`,
      value: median(samples),
      unit: "ms",
      baseline: null,
      target: "≤ 10 ms",
    },
    (_r, v) => v <= 10,
  );
  figure(
    {
      name: `related query top 10 over ${related.size} topics with bodies, p99`,
      value: percentile(samples, 99),
      unit: "ms",
      baseline: null,
      target: "≤ 30 ms",
    },
    (_r, v) => v <= 30,
  );
  if (sink < 0) log("");
}

function writeVault(notes: readonly GeneratedNote[]): string {
  const dir = mkdtempSync(join(tmpdir(), "ssn-bench-"));
  for (const note of notes) {
    mkdirSync(join(dir, note.path, ".."), { recursive: true });
    writeFileSync(join(dir, note.path), note.text);
  }
  return dir;
}

/**
 * The CLI as people run it: `node dist/cli.js VERB …`, a process of its own, its output thrown away.
 * (Called in this process instead, `related` would meet the term table the figures above filled with
 * a 10,500-note vault's words — a heap no user's run starts with.)
 */
function cli(...argv: string[]): void {
  execFileSync(process.execPath, ["dist/cli.js", ...argv], { stdio: ["ignore", "ignore", "pipe"] });
}

/** The same verb called in this process (warm code, the bench's heap): logged beside, for comparison. */
function cliInProcess(...argv: string[]): void {
  const code = run(argv, { out: () => undefined, err: () => undefined });
  if (code !== 0) throw new Error(`cli ${argv.join(" ")} did not finish with exit code 0`);
}

function cliGrowth(figure: AddFigure, log: (text: string) => void): void {
  log("Related: the CLI on 1,000 and 2,000 notes, beside index…");
  const notes = generateCorpus(2000).notes;
  pruningAgreement(figure, notes.slice(0, 1000));
  const small = writeVault(notes.slice(0, 1000));
  const large = writeVault(notes);
  const tiny = writeVault(notes.slice(0, 50));
  try {
    cli("related", tiny, "--json");
    const [related1k, index1k] = timePair(
      () => cli("related", small, "--json"),
      () => cli("index", small, "--json"),
      3,
      1,
    );
    const [related2k, index2k] = timePair(
      () => cli("related", large, "--json"),
      () => cli("index", large, "--json"),
      3,
      1,
    );
    figure(
      {
        name: "CLI related --json, 2,000 vs 1,000 notes",
        value: related2k,
        unit: "ms",
        baseline: { name: "1,000 notes", value: related1k },
        target: "≤ 2.4×",
      },
      (r) => r <= 2.4,
    );
    figure(
      {
        name: "CLI related --json vs index --json, 2,000 notes",
        value: related2k,
        unit: "ms",
        baseline: { name: "index --json", value: index2k },
        target: "≤ 4×",
      },
      (r) => r <= 4,
    );
    log(`  related 1,000 notes ${related1k.toFixed(0)} ms (index ${index1k.toFixed(0)} ms), each a process`);
    const [warmRelated, warmIndex] = timePair(
      () => cliInProcess("related", large, "--json"),
      () => cliInProcess("index", large, "--json"),
      3,
      1,
    );
    log(
      `  called in this process instead, 2,000 notes: related ${warmRelated.toFixed(0)} ms, index ${warmIndex.toFixed(0)} ms (${(warmRelated / warmIndex).toFixed(2)}×)`,
    );
  } finally {
    rmSync(tiny, { recursive: true, force: true });
    rmSync(small, { recursive: true, force: true });
    rmSync(large, { recursive: true, force: true });
  }
}

/**
 * How much pruning changes the ranking: on 1,000 notes, the share of each topic's exhaustive top 5
 * (every posting walked, every candidate completed) that the pruned query also returns.
 */
function pruningAgreement(figure: AddFigure, notes: readonly GeneratedNote[]): void {
  const texts = new Map(notes.map((note) => [note.path, note.text]));
  const sessions = notes.map((note) => sessionFromParse(note.path, parseNote(note.text, { path: note.path })));
  const pruned = buildRelated(sessions, (file) => texts.get(file));
  const exact = buildRelated(sessions, (file) => texts.get(file), new RelatedIndex(true));
  const topics = sessions.flatMap((s) => s.topics);
  let shared = 0;
  let total = 0;
  for (let k = 0; k < 300; k++) {
    const topic = topics[(k * 7919) % topics.length] as IndexedTopic;
    const got = new Set(pruned.related(topic, 5).map((r) => r.topic));
    const want = exact.related(topic, 5).map((r) => r.topic);
    total += want.length;
    shared += want.filter((t) => got.has(t)).length;
  }
  figure(
    {
      name: `related pruning: exhaustive top 5 also returned, 300 topics of ${topics.length}`,
      value: total > 0 ? shared / total : 1,
      unit: "share",
      baseline: null,
      target: "≥ 0.9 (ours; quality is judged by the labelled pairs)",
    },
    (_r, v) => v >= 0.9,
  );
}

function quality(figure: AddFigure): void {
  const vault = qualityVault();
  const sessions = Object.entries(vault).map(([path, text]) => sessionFromParse(path, parseNote(text, { path })));
  const related = buildRelated(sessions, (file) => vault[file]);
  const topics = sessions.flatMap((s) => s.topics);
  const result = hitsAt3(
    topics.map((t) => t.title),
    (title) => related.related(topics.find((t) => t.title === title) as IndexedTopic, 3).map((r) => r.topic.title),
  );
  figure(
    {
      name: `related quality: labelled pairs in the top 3 (${result.hits}/${result.total})`,
      value: result.hits / result.total,
      unit: "hits@3",
      baseline: null,
      target: "every pair (1.0)",
    },
    (_r, v) => v === 1,
  );
}

export async function relatedFigures(figure: AddFigure, log: (text: string) => void): Promise<void> {
  quality(figure);
  await queryAndBuild(figure, log);
  gc();
  cliGrowth(figure, log);
}
