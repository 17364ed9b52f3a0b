/**
 * A Notion page as a note: whether it is a session (SPEC §5), its date and file name, and its text with
 * the database properties as frontmatter beside the plugin's own keys.
 */
import { parseNote } from "../note/parser";
import { readMarker, stripHeading } from "../note/grammar";
import { SESSION_TYPE } from "../note/vocabulary";
import { emitYaml } from "../properties/yaml-emit";
import { renderTemplate } from "../session/template";
import { safeFileName } from "../session/file-names";
import { notionDate, type NotionPage, type PageProperty } from "./notion-page";

export const NOTION_ID_KEY = "notion-id";

const DATE_NAMES = /^(date|day|when|日付|日時|開催日|実施日|日程)$/i;
const AUTOMATIC_DATES = /created|edited|作成|更新|編集/i;
/** Keys the plugin owns (SPEC §4): a Notion property of that name keeps its value under another key. */
const OWNED = new Set(["type", "presenters", "topics", "date", "series", NOTION_ID_KEY]);

export interface SessionShape {
  session: boolean;
  date: string | null;
  series: string | null;
}

/** A session page (SPEC §5): a topic section marker with at least one topic under it. */
export function sessionShape(page: NotionPage): SessionShape {
  const date = dateProperty(page.properties)?.iso ?? null;
  const text = `# ${page.title}\n\n${page.body}\n`;
  const hasMarker = text.split("\n").some((line) => readMarker(stripHeading(line.trim()).text) !== null);
  const note = parseNote(text, { path: "page.md" });
  return { session: hasMarker && note.topics.length > 0, date: date ?? note.date, series: note.series };
}

/** The series most session pages of the export name: for the pages whose title names none. */
export function commonSeries(shapes: readonly SessionShape[]): string | null {
  const counts = new Map<string, number>();
  for (const s of shapes) if (s.session && s.series) counts.set(s.series, (counts.get(s.series) ?? 0) + 1);
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = name;
  return best;
}

/** A session note's file name from the file-name setting; empty without a date. */
export function sessionFileName(pattern: string, date: string | null, series: string | null): string {
  if (date === null) return "";
  const rendered = renderTemplate(pattern || "{{date}} {{series}}", {
    values: { series: series ?? "", number: "" },
    dates: { date },
  });
  return safeFileName(rendered.text);
}

/** The session's date: the property named like a date, else the first date that is not a timestamp. */
function dateProperty(properties: readonly PageProperty[]): { name: string; iso: string } | null {
  const dated = properties
    .filter((p) => p.type === "date" && typeof p.value === "string")
    .map((p) => ({ name: p.name, iso: notionDate(p.value as string) }))
    .filter((p): p is { name: string; iso: string } => p.iso !== null);
  return dated.find((p) => DATE_NAMES.test(p.name)) ?? dated.find((p) => !AUTOMATIC_DATES.test(p.name)) ?? null;
}

/** The note: the plugin's keys and the page's properties (renamed off the plugin's) as frontmatter, then the page. */
export function noteText(input: {
  page: NotionPage;
  id: string | null;
  session: boolean;
  date: string | null;
}): string {
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
