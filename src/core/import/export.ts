/**
 * A whole Notion workspace export (Markdown & CSV, or HTML) into the notes to write: session pages
 * as synced session notes named like new ones, other pages as plain notes named by their title,
 * attachments under unique names, links between pages as wiki links, database properties as
 * frontmatter. Pure: the shell unpacks, writes, and applies SPEC §5's rule for existing targets.
 * May import core/note, core/properties, core/session, result, and fflate and d3-dsv (through zip.ts, csv.ts).
 */
import { parseNote } from "../note/parser";
import { readMarker, stripHeading } from "../note/grammar";
import { SESSION_TYPE } from "../note/vocabulary";
import { syncFrontmatter } from "../properties/frontmatter";
import { emitYaml } from "../properties/yaml-emit";
import { fail, ok, type Result } from "../result";
import { renderTemplate } from "../session/template";
import { safeFileName, uniqueName } from "../session/file-names";
import { readCsv } from "./csv";
import { readHtmlPage, type HtmlParser } from "./notion-html";
import {
  notionDate,
  readMarkdownPage,
  textProperty,
  type Columns,
  type NotionPage,
  type PageProperty,
  type PropertyValue,
} from "./notion-page";
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

export const NOTION_ID_KEY = "notion-id";

const PAGE = /^(.*?)(?: ([0-9a-f]{32}))?\.(md|html)$/i;
const DATABASE = /^(.*?)(?: ([0-9a-f]{32}))?(_all)?\.csv$/i;
const DATE_NAMES = /^(date|day|when|日付|日時|開催日|実施日|日程)$/i;
const AUTOMATIC_DATES = /created|edited|作成|更新|編集/i;
/** Keys the plugin owns (SPEC §4): a Notion property of that name keeps its value under another key. */
const OWNED = new Set(["type", "presenters", "topics", "date", "series", NOTION_ID_KEY]);

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

interface SessionShape {
  session: boolean;
  date: string | null;
  series: string | null;
}

/** A session page (SPEC §5): a topic section marker with at least one topic under it. */
function sessionShape(page: NotionPage): SessionShape {
  const date = dateProperty(page.properties)?.iso ?? null;
  const text = `# ${page.title}\n\n${page.body}\n`;
  const hasMarker = text.split("\n").some((line) => readMarker(stripHeading(line.trim()).text) !== null);
  const note = parseNote(text, { path: "page.md" });
  return { session: hasMarker && note.topics.length > 0, date: date ?? note.date, series: note.series };
}

/** The series most session pages of the export name: for the pages whose title names none. */
function commonSeries(shapes: readonly SessionShape[]): string | null {
  const counts = new Map<string, number>();
  for (const s of shapes) if (s.session && s.series) counts.set(s.series, (counts.get(s.series) ?? 0) + 1);
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = name;
  return best;
}

function sessionFileName(pattern: string, date: string | null, series: string | null): string {
  if (date === null) return "";
  const rendered = renderTemplate(pattern || "{{date}} {{series}}", {
    values: { series: series ?? "", number: "" },
    dates: { date },
  });
  return safeFileName(rendered.text);
}

/** `image.png`, `image-2.png` …: the extension kept, the stem made safe and unique (`taken`: lower-cased). */
function uniqueAttachmentName(name: string, taken: ReadonlySet<string>): string {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? safeFileName(name.slice(dot + 1), 16) : "";
  const stem = safeFileName(dot > 0 ? name.slice(0, dot) : name) || "attachment";
  const suffix = ext ? `.${ext}` : "";
  const unique = uniqueName(stem, (candidate) => taken.has(`${candidate}${suffix}`.toLowerCase()));
  return `${unique}${suffix}`;
}

/** The session's date: the property named like a date, else the first date that is not a timestamp. */
function dateProperty(properties: readonly PageProperty[]): { name: string; iso: string } | null {
  const dated = properties
    .filter((p) => p.type === "date" && typeof p.value === "string")
    .map((p) => ({ name: p.name, iso: notionDate(p.value as string) }))
    .filter((p): p is { name: string; iso: string } => p.iso !== null);
  return dated.find((p) => DATE_NAMES.test(p.name)) ?? dated.find((p) => !AUTOMATIC_DATES.test(p.name)) ?? null;
}

function noteText(input: { page: NotionPage; id: string | null; session: boolean; date: string | null }): string {
  const { page, id, session, date } = input;
  const dateProp = session ? dateProperty(page.properties) : null;
  const data: Record<string, unknown> = {};
  if (session) data.type = SESSION_TYPE;
  if (session && date) data.date = date;
  // Obsidian's property names ignore case: a Notion `Presenters` beside the plugin's `presenters` is one property.
  const used = new Set<string>();
  const taken = (key: string): boolean => OWNED.has(key.toLowerCase()) || used.has(key.toLowerCase());
  for (const p of page.properties) {
    if (dateProp && p.name === dateProp.name) continue;
    let key = p.name;
    while (taken(key)) key = `${key} (Notion)`;
    used.add(key.toLowerCase());
    data[key] = propertyValue(p);
  }
  if (id) data[NOTION_ID_KEY] = id;
  const yaml = Object.keys(data).length > 0 ? emitYaml(data) : "";
  const front = yaml ? `---\n${yaml}---\n` : "";
  return `${front}# ${page.title}\n\n${page.body}\n`.replace(/\n{3,}$/, "\n");
}

function propertyValue(p: PageProperty): unknown {
  if (p.type !== "date" || typeof p.value !== "string") return p.value;
  const day = notionDate(p.value);
  if (day === null) return p.value;
  // `December 4, 2024 8:45 AM`: a date and time as Obsidian's date-time property writes it.
  const time = /\b(\d{1,2}):(\d{2})\s*(AM|PM)?/i.exec(p.value.slice(p.value.search(/\d{4}/) + 4));
  if (!time || p.value.includes("→")) return day;
  let hour = Number(time[1]) % (time[3] ? 12 : 24);
  if (time[3]?.toUpperCase() === "PM") hour += 12;
  return `${day}T${String(hour).padStart(2, "0")}:${time[2]}`;
}

function propertyLinks(value: PropertyValue, resolve: (href: string) => string | null): PropertyValue {
  const one = (v: string): string =>
    rewriteLinks(v, (href, text) => {
      const link = resolve(href);
      return link === null ? null : link === "" ? text : link;
    });
  if (typeof value === "string") return one(value);
  if (Array.isArray(value)) return value.map(one);
  return value;
}

/**
 * Every `[text](href)` and `![alt](href)` whose href is relative, handed to `replace` (null keeps it).
 * One pass, no regex over the line: a link's text may hold brackets (`[[blog] Title](…)`).
 */
export function rewriteLinks(
  text: string,
  replace: (href: string, text: string, embed: boolean) => string | null,
): string {
  let out = "";
  let from = 0;
  let searchFrom = 0;
  for (;;) {
    const mid = text.indexOf("](", searchFrom);
    if (mid < 0) break;
    const close = text.indexOf(")", mid + 2);
    const newline = text.indexOf("\n", mid + 2);
    if (close < 0) break;
    const href = text.slice(mid + 2, close);
    searchFrom = mid + 2;
    if (
      (newline >= 0 && newline < close) ||
      /\s/.test(href) ||
      /^[a-z][a-z0-9+.-]*:/i.test(href) ||
      href.startsWith("#")
    ) {
      continue;
    }
    // The link text's opening bracket: balanced, on the same line, after the previous link.
    let depth = 0;
    let open = -1;
    for (let i = mid - 1; i >= from; i--) {
      const c = text[i];
      if (c === "\n") break;
      if (c === "]") depth++;
      else if (c === "[") {
        if (depth === 0) {
          open = i;
          break;
        }
        depth--;
      }
    }
    if (open < 0) continue;
    const embed = open > 0 && text[open - 1] === "!";
    const replacement = replace(href, text.slice(open + 1, mid), embed);
    if (replacement === null) continue;
    out += text.slice(from, embed ? open - 1 : open) + replacement;
    from = close + 1;
    searchFrom = from;
  }
  return out + text.slice(from);
}

/** In a table row a wiki link's `|` (before its alias or size) would end the cell: Obsidian reads `\|` there. */
function escapeTableLinks(text: string): string {
  return text.replace(/^[ \t]*\|.*\|[ \t]*$/gm, (row) =>
    row.replace(/\[\[[^\]\n]*\]\]/g, (link) => link.replace(/(?<!\\)\|/g, "\\|")),
  );
}

/** A relative href of the export (percent-encoded, `../` allowed within the export) to an export path. */
function resolveHref(folder: string, href: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split("#")[0] ?? "");
  } catch {
    return null;
  }
  const parts = folder === "" ? [] : folder.split("/");
  for (const part of decoded.normalize("NFC").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}
