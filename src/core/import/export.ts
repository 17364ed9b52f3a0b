/**
 * A whole Notion workspace export (Markdown & CSV, or HTML) into the notes to write: session pages
 * as synced session notes named like new ones, other pages as plain notes named by their title,
 * attachments under unique names, links between pages as wiki links, database properties as
 * frontmatter. Pure: the shell unpacks, writes, and applies SPEC §5's rule for existing targets.
 * May import core/note, core/properties, core/session, result, and fflate and d3-dsv (through zip.ts, csv.ts).
 */
import { parseNote } from "../note/parser";
import { syncFrontmatter } from "../properties/frontmatter";
import { fail, ok, type Result } from "../result";
import { safeFileName, uniqueName } from "../session/file-names";
import { readCsv } from "./csv";
import { escapeTableLinks, propertyLinks, rewriteLinks } from "./export-links";
import { commonSeries, noteText, sessionFileName, sessionShape, type SessionShape } from "./export-note";
import { baseName, parentOf, resolveHref, uniqueAttachmentName } from "./export-paths";
import { readHtmlPage, type HtmlParser } from "./notion-html";
import { readMarkdownPage, textProperty, type Columns, type NotionPage } from "./notion-page";
import { runPhases, type Phase, type PhasedJob, type PhaseProgress } from "./phases";
import type { ExportFile } from "./zip";

export interface ExportOptions {
  /** The file-name setting for session notes (`{{date}} {{series}}`). */
  fileNamePattern: string;
  /** Folder of the attachments, as embeds should name it (`attachments`, or the vault's attachment folder). */
  attachmentFolder: string;
  /** The HTML variant needs a parser; without one, HTML pages are skipped with a reason. */
  parseHtml?: HtmlParser;
}

export interface PlannedNote {
  /** File name (`2024-08-29 機械学習勉強会.md`), unique within the import. */
  name: string;
  text: string;
  session: boolean;
  /** The page's path inside the export, for messages. */
  source: string;
  /** Notion's page id (32 hex), written as `notion-id`: how a re-import recognises its own note. */
  id: string | null;
}

export interface PlannedAttachment {
  name: string;
  bytes: Uint8Array;
  source: string;
}

export interface Skipped {
  source: string;
  reason: string;
}

export interface ExportPlan {
  notes: PlannedNote[];
  attachments: PlannedAttachment[];
  skipped: Skipped[];
}

/** A page: `Title <32-hex id>.md` or `.html`. */
const PAGE = /^(.*?)(?: ([0-9a-f]{32}))?\.(md|html)$/i;
/** A database table: `Title <32-hex id>.csv`, or `…_all.csv` with every column. */
const DATABASE = /^(.*?)(?: ([0-9a-f]{32}))?(_all)?\.csv$/i;

interface PageFile {
  file: ExportFile;
  id: string | null;
  stem: string;
  html: boolean;
}

/** The whole plan at once (the CLI): every phase of an `ExportPlanner`, straight through. */
export function planExport(
  files: readonly ExportFile[],
  options: ExportOptions,
  progress?: PhaseProgress,
): Result<ExportPlan, "not-notion"> {
  const planner = ExportPlanner.open(files, options);
  if (!planner.ok) return planner;
  return ok(runPhases(planner.value, progress));
}

interface ReadPage {
  page: NotionPage;
  file: PageFile;
  shape: SessionShape;
}

interface NamedPage extends ReadPage {
  name: string;
}

/**
 * The plan of an export, page by page: the database tables (their columns), then every page read, then
 * every page converted once all are named (links need every page's name). A `PhasedJob`: the plugin
 * runs it in slices, the CLI straight through.
 */
export class ExportPlanner implements PhasedJob<ExportPlan> {
  readonly #columns = new Map<string, Columns>();
  readonly #byPath: Map<string, ExportFile>;
  readonly #read: ReadPage[] = [];
  readonly #notes: PlannedNote[] = [];
  readonly #skipped: Skipped[] = [];
  readonly #attachments = new Map<string, PlannedAttachment>();
  readonly #attachmentNames = new Set<string>();
  #noteOf = new Map<string, string>();
  #phase = 0;

  readonly #pages: readonly PageFile[];
  readonly #tables: readonly ExportFile[];
  readonly #options: ExportOptions;

  private constructor(
    files: readonly ExportFile[],
    pages: readonly PageFile[],
    tables: readonly ExportFile[],
    options: ExportOptions,
  ) {
    this.#pages = pages;
    this.#tables = tables;
    this.#options = options;
    this.#byPath = new Map(files.map((f) => [f.path, f]));
  }

  /** A planner for `files`, or the problem that they are not a Notion export. */
  static open(files: readonly ExportFile[], options: ExportOptions): Result<ExportPlanner, "not-notion"> {
    const pages: PageFile[] = [];
    const tables: ExportFile[] = [];
    for (const file of files) {
      const name = baseName(file.path);
      const page = PAGE.exec(name);
      if (page && !(file.path === "index.html")) {
        pages.push({
          file,
          id: page[2]?.toLowerCase() ?? null,
          stem: page[1] ?? name,
          html: /html$/i.test(page[3] ?? ""),
        });
        continue;
      }
      if (DATABASE.test(name)) tables.push(file);
    }
    const hasIds = pages.some((p) => p.id !== null) || tables.some((f) => DATABASE.exec(baseName(f.path))?.[2]);
    if (pages.length === 0 || !hasIds) {
      return fail({
        code: "not-notion",
        message:
          "this is not a Notion export: no page named like Notion's (`Title <32-hex id>.md` or `.html`) was found",
      });
    }
    // `_all.csv` (every column) sorts before the plain one and is read first; the other is then passed over.
    tables.sort((a, b) => (a.path < b.path ? 1 : -1));
    pages.sort((a, b) => (a.file.path < b.file.path ? -1 : 1));
    return ok(new ExportPlanner(files, pages, tables, options));
  }

  next(): Phase | null {
    switch (this.#phase++) {
      case 0:
        return { name: "tables", items: this.#tables, step: (csv: ExportFile) => this.#readTable(csv) };
      case 1:
        return { name: "read", items: this.#pages, step: (page: PageFile) => this.#readPage(page) };
      case 2:
        return { name: "convert", items: this.#name(), step: (page: NamedPage) => this.#convert(page) };
      default:
        return null;
    }
  }

  result(): ExportPlan {
    return { notes: this.#notes, attachments: [...this.#attachments.values()], skipped: this.#skipped };
  }

  /** A database's rows live in the folder named like its CSV. */
  #readTable(csv: ExportFile): void {
    const folder = csv.path.replace(/(_all)?\.csv$/i, "");
    if (this.#columns.has(folder)) return;
    const table = readCsv(decode(csv.bytes));
    if (!table.ok) {
      this.#skipped.push({
        source: csv.path,
        reason: `${table.problem.message}; its pages' properties were read without it`,
      });
      return;
    }
    const [header = [], ...rows] = table.value;
    const names = header.map((h) => h.trim());
    if (names.length <= 1) return;
    // A column where some row holds several values is a list in every row (one tag is still a list).
    const lists = new Set(
      names.filter((name, i) => i > 0 && rows.some((r) => textProperty(name, r[i] ?? "").type === "list")),
    );
    this.#columns.set(folder, { names: new Set(names.slice(1)), lists });
  }

  #readPage(file: PageFile): void {
    const fallback = file.stem.trim() || "Untitled";
    try {
      const text = decode(file.file.bytes);
      let page: NotionPage | null;
      if (file.html) {
        if (!this.#options.parseHtml) {
          this.#skipped.push({ source: file.file.path, reason: "HTML pages cannot be read here" });
          return;
        }
        page = readHtmlPage(this.#options.parseHtml(text), fallback);
      } else {
        page = readMarkdownPage(text, fallback, this.#columns.get(parentOf(file.file.path)) ?? null);
      }
      if (!page) this.#skipped.push({ source: file.file.path, reason: "not a Notion page" });
      else this.#read.push({ page, file, shape: sessionShape(page) });
    } catch (error) {
      this.#skipped.push({
        source: file.file.path,
        reason: `unreadable: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  /** Names first (links need every page's), sessions and pages in one name space, in export order. */
  #name(): NamedPage[] {
    const series = commonSeries(this.#read.map((r) => r.shape));
    // Lower-cased: names that differ only in case are one file on macOS and Windows.
    const taken = new Set<string>();
    const isTaken = (name: string): boolean => taken.has(name.toLowerCase());
    const named = this.#read.map((read) => {
      const { page, shape } = read;
      const base = shape.session
        ? sessionFileName(this.#options.fileNamePattern, shape.date, shape.series ?? series) || safeFileName(page.title)
        : safeFileName(page.title);
      const stem = uniqueName(base || "Untitled", isTaken);
      taken.add(stem.toLowerCase());
      return { ...read, name: `${stem}.md` };
    });
    this.#noteOf = new Map(named.map((n) => [n.file.file.path, n.name.replace(/\.md$/, "")]));
    return named;
  }

  #resolveLink(from: string, href: string, embed: boolean): string | null {
    const target = resolveHref(parentOf(from), href);
    if (target === null) return null;
    const note = this.#noteOf.get(target);
    if (note !== undefined) return `[[${note}]]`;
    const file = this.#byPath.get(target);
    if (!file || PAGE.test(baseName(target)) || /\.csv$/i.test(target)) return embed ? null : "";
    let planned = this.#attachments.get(target);
    if (!planned) {
      const name = uniqueAttachmentName(baseName(target), this.#attachmentNames);
      this.#attachmentNames.add(name.toLowerCase());
      planned = { name, bytes: file.bytes, source: target };
      this.#attachments.set(target, planned);
    }
    const folder = this.#options.attachmentFolder;
    return `[[${folder ? `${folder}/${planned.name}` : planned.name}]]`;
  }

  #convert({ page, file, name, shape }: NamedPage): void {
    const source = file.file.path;
    const linked = rewriteLinks(page.body, (href, text, embed) => {
      const link = this.#resolveLink(source, href, embed);
      if (link === null) return null;
      if (link === "") return text;
      const inner = link.slice(2, -2);
      if (embed) return `!${link}`;
      return text === "" || text === inner.split("/").pop() ? link : `[[${inner}|${text.replace(/[[\]|]/g, "")}]]`;
    });
    const body = escapeTableLinks(linked);
    const properties = page.properties.map((p) => ({
      ...p,
      value: propertyLinks(p.value, (href) => this.#resolveLink(source, href, false)),
    }));
    const text = noteText({
      page: { ...page, body, properties },
      id: file.id,
      session: shape.session,
      date: shape.date,
    });
    if (!shape.session) {
      this.#notes.push({ name, text, session: false, source, id: file.id });
      return;
    }
    const synced = syncFrontmatter(text, parseNote(text, { path: name }));
    if (!synced.ok) {
      this.#skipped.push({ source, reason: synced.problem.message });
      return;
    }
    this.#notes.push({ name, text: synced.value.text, session: true, source, id: file.id });
  }
}

function decode(bytes: Uint8Array): string {
  // The decoder is UTF-8 by default and drops a leading BOM itself; the replace drops a second one.
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
}
