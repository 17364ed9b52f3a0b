/**
 * One page of a Notion export, read into plain parts: title, database properties and a Markdown body
 * whose links still point into the export. The Markdown variant is read here; the HTML variant in
 * `notion-html.ts` gives the same parts.
 */
import { findDate } from "../note/dates";
import { readMarker, readPresenter, stripHeading } from "../note/grammar";

export type PropertyValue = string | string[] | boolean;

export interface PageProperty {
  name: string;
  value: PropertyValue;
  /** What the export says the value is, when it says (HTML does, Markdown does not). */
  type: "date" | "list" | "text";
}

export interface NotionPage {
  title: string;
  properties: PageProperty[];
  /** Markdown; links and embeds to files of the export are `[text](relative%20href)` as Notion writes them. */
  body: string;
}

/** A database's columns from its CSV: every property name, and those holding lists. */
export interface Columns {
  names: ReadonlySet<string>;
  lists: ReadonlySet<string>;
}

const PROPERTY_LINE = /^([^:\n]{1,80}): (.*)$/;

/**
 * A Markdown page: `# Title`, a blank line, `Property: value` lines (database rows only), then the body.
 * `properties`: the database's column names when its CSV is known; otherwise the leading block of
 * `Name: value` lines right under the title is taken as properties.
 */
export function readMarkdownPage(source: string, fallbackTitle: string, properties: Columns | null): NotionPage {
  const lines = source
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  let at = 0;
  let title = fallbackTitle;
  const first = lines[0] ?? "";
  if (first.startsWith("# ")) {
    title = first.slice(2).trim();
    at = 1;
  }
  while (at < lines.length && (lines[at] ?? "").trim() === "") at++;
  const props: PageProperty[] = [];
  const start = at;
  while (at < lines.length) {
    const match = PROPERTY_LINE.exec(lines[at] ?? "");
    if (!match) break;
    const name = (match[1] ?? "").trim();
    if (properties ? !properties.names.has(name) : !looksLikePropertyName(name)) break;
    const property = textProperty(name, match[2] ?? "");
    if (properties?.lists.has(name) && typeof property.value === "string" && property.value !== "") {
      props.push({ name, value: [property.value], type: "list" });
    } else props.push(property);
    at++;
  }
  // Without the database's columns, only a block that ends the way Notion ends it counts as properties.
  if (!properties && props.length > 0 && (lines[at] ?? "").trim() !== "") {
    props.length = 0;
    at = start;
  }
  const body = convertAsides(lines.slice(at)).join("\n").replace(/^\n+/, "").trimEnd();
  return { title, properties: props, body };
}

function looksLikePropertyName(name: string): boolean {
  return !/[[\]()*`#>|]/.test(name) && !name.startsWith("-") && readPresenter(name) === null;
}

/** A property as Markdown writes it: text, a date, or values joined by `, `. */
export function textProperty(name: string, raw: string): PageProperty {
  const value = raw.trim();
  if (notionDate(value) !== null) return { name, value, type: "date" };
  const parts = value.split(", ");
  // Multi-selects, people and relations are joined by ", "; a sentence with commas is not a list.
  if (parts.length > 1 && parts.every((p) => p.trim() !== "" && p.length <= 60 && !/[.。!?！？]$/.test(p))) {
    return { name, value: parts.map((p) => p.trim()), type: "list" };
  }
  return { name, value, type: "text" };
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const ENGLISH_DATE = /^@?([A-Za-z]+)\.? (\d{1,2}), (\d{4})(?:\s|$)/;

/** `July 11, 2024`, `@July 11, 2024 8:45 AM`, `2024/07/11`, `2024年7月11日` (a range: its start) → ISO day. */
export function notionDate(text: string): string | null {
  const value = text.trim();
  const english = ENGLISH_DATE.exec(value);
  if (english) {
    const month = MONTHS.findIndex(
      (m) => m.startsWith((english[1] ?? "").toLowerCase()) && (english[1] ?? "").length >= 3,
    );
    const day = Number(english[2]);
    if (month >= 0 && day >= 1 && day <= 31)
      return `${english[3]}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    return null;
  }
  const found = findDate(value.replace(/^@/, ""));
  return found && found.index === (value.startsWith("@") ? 1 : 0) ? found.iso : null;
}

/**
 * Notion's callouts come as `<aside>` … `</aside>`: an Obsidian callout, unless the callout holds
 * presenter or topic lines (a quote hides them from the parser), then its lines stay as they are.
 */
function convertAsides(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() !== "<aside>") {
      out.push(line);
      continue;
    }
    let end = i + 1;
    while (end < lines.length && (lines[end] ?? "").trim() !== "</aside>") end++;
    if (end >= lines.length) {
      out.push(line);
      continue;
    }
    out.push(...calloutLines(lines.slice(i + 1, end)));
    if ((lines[end + 1] ?? "").trim() !== "") out.push("");
    i = end;
  }
  return out;
}

/** Lines as an Obsidian callout (`> [!note]`), or as they are when quoting would hide topics. */
export function calloutLines(inner: readonly string[], summary?: string): string[] {
  const content = [...inner];
  while (content.length > 0 && (content[0] ?? "").trim() === "") content.shift();
  while (content.length > 0 && (content[content.length - 1] ?? "").trim() === "") content.pop();
  if (content.some(holdsStructure))
    return summary === undefined ? content : [`- ${summary}`, ...content.map((l) => `    ${l}`)];
  const head = summary === undefined ? "> [!note]" : `> [!note]- ${summary}`;
  return [head, ...content.map((l) => (l.trim() === "" ? ">" : `> ${l}`))];
}

function holdsStructure(line: string): boolean {
  const text = stripHeading(line.trim()).text;
  return readPresenter(text) !== null || readMarker(text) !== null;
}
