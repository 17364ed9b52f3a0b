/**
 * Planning the next session note: its date, number, presenters, main-topic presenter by rotation,
 * link to the previous session, file path and text. Pure: the vault's sessions and the settings in,
 * a plan out; the plugin and the CLI write it. May import core/note, core/index, core/properties,
 * settings and result.
 */
import { DEFAULT_SERIES, EMPTY_TOPIC_LINE, type Language } from "../note/vocabulary";
import { PAPER_TEMPLATES, SESSION_TEMPLATES, presenterBlock } from "./builtin-templates";
import { PeopleMerger } from "../index/people";
import { learnRoster, type Member } from "./roster";
import { followingMeeting, type Schedule } from "./schedule";
import type { Settings } from "../settings";
import { renderTemplate } from "./template";
import { safeFileName } from "./file-names";
import { emitString } from "../properties/yaml-emit";
import { readYaml } from "../properties/yaml-parser";
import type { SessionEntry } from "../index/topic-index";

export interface PlanInput {
  sessions: readonly SessionEntry[];
  settings: Settings;
  /** The meeting date (`YYYY-MM-DD`). */
  date: string;
  language: Language;
  /** A link to a note, in the user's link format (the plugin) or as a wiki link (the CLI). */
  link: (file: string) => string;
  /** The user's session or paper template text, when the settings name one. */
  sessionTemplate?: string;
  paperTemplate?: string;
}

export interface SessionPlan {
  date: string;
  number: number;
  series: string;
  presenters: Member[];
  mainPresenter: string | null;
  previous: SessionEntry | null;
  path: string;
  text: string;
  /** Where to put the cursor: the first empty topic heading (0-based line and column). */
  cursor: { line: number; ch: number };
  unknown: string[];
  /** Date formats with letters that are no moment token (`{{date:YYYY T}}: T`). */
  unknownTokens: string[];
}

export function scheduleOf(settings: Settings): Schedule {
  return { weekday: settings.weekday, intervalWeeks: settings.intervalWeeks, anchor: settings.anchorDate || null };
}

export function planSession(input: PlanInput): SessionPlan {
  const { settings, date, language } = input;
  const before = input.sessions
    .filter((s) => s.date !== null && s.date < date)
    .sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? 1 : -1));
  const previous = before[0] ?? null;
  const presenters = presentersOf(input.sessions, settings);
  const series =
    settings.seriesName.trim() || previous?.series || latestSeries(input.sessions) || DEFAULT_SERIES[language];
  const number = before.length + 1;
  const mainPresenter = mainRotation(before, settings, presenters).next;
  const paper = renderTemplate(input.paperTemplate ?? PAPER_TEMPLATES[language], { values: { title: "", url: "" } });
  const values: Record<string, string> = {
    series,
    number: String(number),
    presenters: presenters.map((m) => presenterBlock(m.name)).join("\n"),
    main_presenter: mainPresenter ?? "",
    prev: previous ? input.link(previous.file) : "",
    paper: paper.text,
    title: "",
    url: "",
  };
  const dates = { date, next_date: followingMeeting(date, scheduleOf(settings)) };
  const template = quoteWholeValues(input.sessionTemplate ?? SESSION_TEMPLATES[language], values);
  const rendered = renderTemplate(template.text, { values: template.values, dates, language });
  const name = renderTemplate(settings.fileNamePattern || "{{date}} {{series}}", {
    values: { series, number: String(number) },
    dates,
    language,
  });
  const folder = settings.sessionsFolder.replace(/^\/+|\/+$/g, "");
  const fileName = safeFileName(name.text) || date;
  return {
    date,
    number,
    series,
    presenters,
    mainPresenter,
    previous,
    path: `${folder ? `${folder}/` : ""}${fileName}.md`,
    text: rendered.text,
    cursor: cursorOf(rendered.text),
    unknown: [...new Set([...rendered.unknown, ...name.unknown, ...paper.unknown])],
    unknownTokens: [...new Set([...rendered.unknownTokens, ...name.unknownTokens, ...paper.unknownTokens])],
  };
}

/** The main-topic rotation at a point in time: its order, who gave the last main topic, who is next. */
export interface MainRotation {
  /** The rotation's names, those not presenting for now left out. */
  order: string[];
  /** The latest session's main presenter (merged name), or null. */
  last: string | null;
  next: string | null;
  /** Names in the rotation who are not presenting for now, so their turn passes. */
  skipped: string[];
}

/** Who presents, as "New session note" takes them: the active members, else learned from the vault. */
export function presentersOf(sessions: readonly SessionEntry[], settings: Settings): Member[] {
  return settings.roster.length > 0 ? settings.roster.filter((m) => m.active) : learnRoster(sessions);
}

/**
 * The one after the last session's main presenter in the rotation, skipping those not presenting.
 * `before` holds the sessions before the meeting, newest first.
 */
export function mainRotation(
  before: readonly SessionEntry[],
  settings: Settings,
  presenters: readonly Member[],
): MainRotation {
  const people = new PeopleMerger(settings.roster);
  const canonical = (name: string): string => people.resolve(name).name;
  const active = new Set(presenters.map((m) => canonical(m.name)));
  const full =
    settings.rotation.length > 0
      ? settings.rotation
      : (settings.roster.length > 0 ? settings.roster : presenters).map((m) => m.name);
  const order = full.filter((name) => active.has(canonical(name)));
  const skipped = full.filter((name) => !active.has(canonical(name)));
  let last: string | null = null;
  for (const session of before) {
    const main = session.topics.find((t) => t.main && t.presenter !== null);
    if (main?.presenter) {
      last = canonical(main.presenter);
      break;
    }
  }
  if (order.length === 0) return { order, last, next: null, skipped };
  const at = last === null ? -1 : order.findIndex((name) => canonical(name) === last);
  return { order, last, next: order[(at + 1) % order.length] ?? null, skipped };
}

function latestSeries(sessions: readonly SessionEntry[]): string | null {
  let best: SessionEntry | null = null;
  for (const s of sessions) if (s.series && (!best || (s.date ?? "") > (best.date ?? ""))) best = s;
  return best?.series ?? null;
}

/** The import of pasted pages names its notes the same way (kept under this name for it). */
export const sanitizeFileName = safeFileName;

/**
 * In the template's frontmatter, a variable that is a key's whole value (`series: {{series}}`) is
 * written as a YAML scalar that reads back as the text: `ML: 勉強会`, `[draft] x`, `#1 x` or `*ML`
 * are quoted, plain words stay plain. It goes through a variable of its own, so a value that holds
 * `{{…}}` is never rendered twice.
 */
function quoteWholeValues(
  template: string,
  values: Readonly<Record<string, string>>,
): { text: string; values: Record<string, string> } {
  const out: Record<string, string> = { ...values };
  const lines = template.split("\n");
  if (lines[0]?.trimEnd() !== "---") return { text: template, values: out };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trimEnd() === "---" || line.trimEnd() === "...") break;
    const match = /^(\s*[^\s#][^:]*:[ \t]+)\{\{\s*([a-zA-Z_]\w*)\s*\}\}[ \t]*$/.exec(line);
    const name = match?.[2];
    if (!match || name === undefined || !Object.hasOwn(values, name)) continue;
    out[`__yaml_${name}`] = yamlScalar(values[name] ?? "");
    lines[i] = `${match[1] ?? ""}{{__yaml_${name}}}`;
  }
  return { text: lines.join("\n"), values: out };
}

/**
 * `text` as a YAML value: plain when it reads back as itself (a number-like name stays as written),
 * else as the emitter writes it (double-quoted when any YAML reader could read it otherwise).
 */
export function yamlScalar(text: string): string {
  if (text === "") return text;
  const written = emitString(text);
  if (written === text || /[\r\n]/.test(text)) return written;
  const read = readYaml(`k: ${text}`);
  const value =
    read.ok && read.value !== null && typeof read.value === "object"
      ? (read.value as Record<string, unknown>).k
      : undefined;
  return typeof value === "number" && String(value) === text ? text : written;
}

function cursorOf(text: string): { line: number; ch: number } {
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l === EMPTY_TOPIC_LINE);
  if (line >= 0) return { line, ch: EMPTY_TOPIC_LINE.length };
  return { line: lines.length - 1, ch: (lines[lines.length - 1] ?? "").length };
}
