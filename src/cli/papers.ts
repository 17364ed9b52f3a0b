/** `papers DIR [--json] [--fill] [--config FILE]`: the papers the vault's sessions presented (SPEC §5). */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { readProperties } from "../core/properties/frontmatter-read";
import { DEFAULT_FETCHER_OPTIONS, Fetcher, type Clock, type FetcherOptions, type Transport } from "../core/papers/http";
import { buildLibrary, libraryJson, paperTopics, type Library } from "../core/papers/library";
import { linkTopics, paperNoteText, planFill, type ExistingNote } from "../core/papers/fill";
import { PAPER_NOTE_LABELS } from "../core/papers/paper-note";
import { resolvePapers } from "../core/papers/resolve";
import { readArgs } from "./args";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, fsReason, usageError } from "./errors";
import { listMarkdown, readNote, writeNoteAtomically } from "./files";
import { nodeClock, nodeTransport } from "./http";
import type { Io } from "./io";
import { readConfig } from "./config";
import { loadVault } from "./vault";
import { stringFlag, type Args, type Verb } from "./verb";
import { parseXml } from "./xml";

/** What a test hands in instead of the network and real waiting. */
export interface PapersDeps {
  transport?: Transport;
  clock?: Clock;
  fetcher?: Partial<FetcherOptions>;
}

export const papersVerb: Verb = {
  name: "papers",
  usage: "DIR [--json] [--fill] [--config FILE]",
  summary: "the papers presented, with details from arXiv, Semantic Scholar and Crossref",
  description: `Every topic of kind paper (and every main topic) under DIR, resolved to a paper by
its arXiv id, DOI or link, else by its title (taken only when the titles agree).
Details come from the arXiv API, the Semantic Scholar Graph API and Crossref (base
URLs from --config: arxivApi, semanticScholarApi, crossrefApi), within their rate
limits. --fill writes one note per paper into the papers folder (papersFolder,
default Papers) and links each topic entry to it; a refill keeps your text.`,
  options: {
    json: { type: "boolean", help: "print { papers, unresolved } as JSON" },
    fill: { type: "boolean", help: "write the paper notes and link the topics to them" },
    config: { type: "string", value: "FILE", help: "the plugin's data.json, for its settings" },
  },
  run: (args, io) => papers(args, io),
};

/** `argv` after the verb, with what a test hands in instead of the network and real waiting. */
export function runPapers(argv: readonly string[], io: Io, deps: PapersDeps = {}): Promise<number> {
  return papers(readArgs(papersVerb, argv), io, deps);
}

async function papers(args: Args, io: Io, deps: PapersDeps = {}): Promise<number> {
  const [dir, ...extra] = args.positional;
  if (dir === undefined) throw usageError("papers needs a DIR", "papers");
  if (extra.length > 0) throw usageError(`papers takes one DIR; '${extra[0] ?? ""}' is one too many`, "papers");
  const settings = readConfig(stringFlag(args, "config"), io);
  const folder = settings.papersFolder;
  if (folder.split("/").some((part) => part === ".." || part === ".") || folder.includes("\\"))
    throw new CliError(`papersFolder "${folder}" must be a folder inside the vault`, EXIT_BAD_INPUT);

  const { notes, texts, problems } = loadVault(dir, settings);
  for (const problem of problems) io.err(`session-notes: ${problem}`);
  const topics = notes.flatMap((note) => paperTopics(note, note.path, texts.get(note.path) ?? ""));
  const options = { ...DEFAULT_FETCHER_OPTIONS, ...deps.fetcher };
  const fetcher = new Fetcher(deps.transport ?? nodeTransport(options.timeoutMs), deps.clock ?? nodeClock, options);
  const resolutions = await resolvePapers(
    topics.map((t) => t.query),
    { ...settings, fetcher, parseXml },
  );
  const library = buildLibrary(topics, resolutions);
  const reported = new Set<string>();
  for (const { problem } of library.failed) {
    if (reported.has(problem.message)) continue;
    reported.add(problem.message);
    io.err(`session-notes: ${problem.message}`);
  }

  const json = args.flags.has("json");
  let failed = library.failed.length > 0;
  if (args.flags.has("fill")) {
    const language = notes.some((n) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(n.series ?? "")) ? "ja" : "en";
    const summary = fill(dir, folder, library, notes, texts, PAPER_NOTE_LABELS[language], io);
    failed ||= summary.failed > 0;
    (json ? io.err : io.out)(
      `${summary.created} paper notes created, ${summary.updated} updated, ${summary.unchanged} unchanged; ` +
        `${summary.linked} session notes linked; ${library.unresolved.length} topics unresolved` +
        (summary.failed ? `; ${summary.failed} failed` : ""),
    );
  }
  if (json) io.out(JSON.stringify(libraryJson(library), null, 2));
  else io.out(formatLibrary(library));
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}

interface FillSummary {
  created: number;
  updated: number;
  unchanged: number;
  linked: number;
  failed: number;
}

function fill(
  dir: string,
  folder: string,
  library: Library,
  notes: ReturnType<typeof loadVault>["notes"],
  texts: ReadonlyMap<string, string>,
  labels: (typeof PAPER_NOTE_LABELS)["en"],
  io: Io,
): FillSummary {
  const summary: FillSummary = { created: 0, updated: 0, unchanged: 0, linked: 0, failed: 0 };
  const existing: ExistingNote[] = [];
  for (const path of listMarkdown(dir)) {
    if (texts.has(path)) continue;
    try {
      existing.push({ path, properties: readProperties(readNote(join(dir, path))) });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
    }
  }
  const root = resolve(dir);
  const inside = (path: string): string => {
    const full = resolve(root, path);
    if (full !== root && !full.startsWith(root + sep)) throw new CliError(`${path}: outside ${dir}`, EXIT_BAD_INPUT);
    return full;
  };
  const plan = planFill(library, existing, folder, (path) => existsSync(join(dir, path)));
  for (const planned of plan.papers) {
    try {
      const full = inside(planned.path);
      const current = planned.exists ? readNote(full) : null;
      const next = paperNoteText(planned, current, labels);
      if (!next.ok) {
        summary.failed++;
        io.err(`session-notes: ${planned.path}:${(next.problem.line ?? 0) + 1}: ${next.problem.message}`);
      } else if (!next.value.changed) {
        summary.unchanged++;
      } else if (current === null) {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, next.value.text, { encoding: "utf8", flag: "wx" });
        summary.created++;
      } else {
        writeNoteAtomically(full, next.value.text);
        summary.updated++;
      }
    } catch (error) {
      summary.failed++;
      io.err(
        `session-notes: ${error instanceof CliError ? error.message : `${planned.path}: cannot write: ${fsReason(error)}`}`,
      );
    }
  }
  for (const [file, links] of plan.links) {
    const note = notes.find((n) => n.path === file);
    const text = texts.get(file);
    if (!note || text === undefined) continue;
    const result = linkTopics(text, note, links);
    if (!result.ok) {
      summary.failed++;
      io.err(`session-notes: ${file}:${result.problem.line + 1}: ${result.problem.message}`);
      continue;
    }
    if (!result.value.changed) continue;
    try {
      writeNoteAtomically(inside(file), result.value.text);
      summary.linked++;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      summary.failed++;
      io.err(`session-notes: ${error.message}`);
    }
  }
  return summary;
}

function formatLibrary(library: Library): string {
  const out: string[] = [];
  for (const { details, presented } of library.papers) {
    const facts = [details.year, details.venue].filter((v) => v !== null && v !== "").join(", ");
    const id = details.arxiv ? `arXiv ${details.arxiv}` : details.doi ? `DOI ${details.doi}` : (details.url ?? "");
    out.push(`${details.title}${facts ? ` (${facts})` : ""}${id ? `  ${id}` : ""}`);
    if (details.authors.length > 0) out.push(`  ${details.authors.join(", ")}`);
    for (const p of presented)
      out.push(`  ${p.date ?? "????-??-??"}  ${p.presenter ? `@${p.presenter}` : "-"}  ${p.file}:${p.line + 1}`);
    out.push("");
  }
  if (library.unresolved.length > 0) {
    out.push(`Unresolved (${library.unresolved.length}):`);
    for (const u of library.unresolved) out.push(`  ${u.file}:${u.line + 1}  ${u.title}`);
  }
  out.push(`${library.papers.length} papers, ${library.unresolved.length} topics unresolved`);
  return out.join("\n");
}
