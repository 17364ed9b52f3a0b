/** Plugin settings: defaults, and a pure, versioned migration from whatever `data.json` holds. */
import { DEFAULT_EMBEDDINGS, migrateEmbeddings, type EmbeddingSettings } from "./related/embeddings";
import { vaultRelativePath } from "./session/file-names";
import type { Member } from "./session/roster";

export const SETTINGS_VERSION = 2;

export interface Settings {
  version: number;
  /** Where new session notes go (vault path, no leading slash). */
  sessionsFolder: string;
  /** File name of a new session note; variables as in templates. */
  fileNamePattern: string;
  /** Series name (`機械学習勉強会`); empty: the latest session's, else a default. */
  seriesName: string;
  /** Meeting weekday, 0 = Sunday … 6 = Saturday. */
  weekday: number;
  intervalWeeks: 1 | 2;
  /** For every two weeks: one meeting date (`YYYY-MM-DD`); empty when weekly. */
  anchorDate: string;
  /** Members; empty: learned from the four latest session notes. */
  roster: Member[];
  /** Main-topic rotation by name; empty: the roster's order. */
  rotation: string[];
  /** Vault paths of template notes; empty: the built-in templates. */
  sessionTemplate: string;
  paperTemplate: string;
  /** User kind aliases: tag text → kind id (`輪読` → `paper`). */
  kindAliases: Record<string, string>;
  /** Keep topic properties in sync while editing session notes. */
  autoSync: boolean;
  /** Where paper notes go (vault path). */
  papersFolder: string;
  /** Base URLs of the paper services (SPEC §5), so a mirror, a proxy or a test server can stand in. */
  arxivApi: string;
  semanticScholarApi: string;
  crossrefApi: string;
  /** Optional Semantic Scholar API key (sent as `x-api-key`). */
  semanticScholarKey: string;
  /** Optional embeddings endpoint for "similar meaning" in related topics (off by default). */
  relatedEmbeddings: EmbeddingSettings;
  /** Start of a meeting (`HH:MM`) for the exported schedule; empty: all-day events. */
  meetingTime: string;
  /** Length of a meeting in minutes (timed events only). */
  meetingMinutes: number;
  /** Upcoming meetings in the exported schedule and the statistics view's plan. */
  scheduleCount: number;
  /** Write `presenters` as links to people notes (`"[[People/Alice|Alice]]"`) instead of plain names. */
  presenterLinks: boolean;
  /** Where people notes are (vault path, `""` for the root); read for aliases while links are on. */
  peopleFolder: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  sessionsFolder: "Sessions",
  fileNamePattern: "{{date}} {{series}}",
  seriesName: "",
  weekday: 4,
  intervalWeeks: 1,
  anchorDate: "",
  roster: [],
  rotation: [],
  sessionTemplate: "",
  paperTemplate: "",
  kindAliases: {},
  autoSync: true,
  papersFolder: "Papers",
  arxivApi: "https://export.arxiv.org/api/query",
  semanticScholarApi: "https://api.semanticscholar.org/graph/v1",
  crossrefApi: "https://api.crossref.org",
  semanticScholarKey: "",
  relatedEmbeddings: DEFAULT_EMBEDDINGS,
  meetingTime: "",
  meetingMinutes: 90,
  scheduleCount: 8,
  presenterLinks: false,
  peopleFolder: "People",
});

/** What `loadData()` failed with (a `data.json` that is not JSON), handed to `migrateSettings`. */
export class UnreadableData {
  constructor(readonly cause: unknown) {}
}

export interface Migrated {
  settings: Settings;
  /** Set when the saved data was unusable and defaults were taken: what was wrong. */
  problem: string | null;
  /** Fields of the wrong type or shape, each replaced by its default: to be reported once, never silently. */
  fieldProblems: FieldProblem[];
}

export interface FieldProblem {
  field: keyof Settings;
  /** English sentence naming the field, what it held and what is used instead. */
  message: string;
}

/** A fresh, mutable copy of the defaults (nothing shared with `DEFAULT_SETTINGS` or another copy). */
export function defaultSettings(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    roster: [],
    rotation: [],
    kindAliases: {},
    relatedEmbeddings: { ...DEFAULT_EMBEDDINGS },
  };
}

/**
 * Never throws. Missing data gives defaults; garbage gives defaults and a problem to report; each
 * known field is taken when it has the right shape, so one bad field never costs the others, and
 * each bad one is listed in `fieldProblems`. Version 1 (the first release) had only `kindAliases`
 * and `autoSync`: the rest is new in 2.
 */
export function migrateSettings(raw: unknown): Migrated {
  if (raw === null || raw === undefined) return { settings: defaultSettings(), problem: null, fieldProblems: [] };
  if (raw instanceof UnreadableData) {
    return {
      settings: defaultSettings(),
      problem: raw.cause instanceof Error ? raw.cause.message : "unreadable data.json",
      fieldProblems: [],
    };
  }
  if (typeof raw !== "object" || Array.isArray(raw))
    return { settings: defaultSettings(), problem: "not an object", fieldProblems: [] };
  const data = raw as Record<string, unknown>;
  const s = defaultSettings();
  const fieldProblems: FieldProblem[] = [];
  const wrong = (field: keyof Settings, expected: string): void => {
    fieldProblems.push({
      field,
      message: `"${field}" should be ${expected}, not ${describeValue(data[field])}; the default ${JSON.stringify(DEFAULT_SETTINGS[field])} is used`,
    });
  };
  const textField = (
    field: "sessionsFolder" | "fileNamePattern" | "seriesName" | "anchorDate" | "sessionTemplate" | "paperTemplate",
  ): string => {
    const value = data[field];
    if (value === undefined) return s[field];
    if (typeof value === "string") return value.trim();
    wrong(field, "text");
    return s[field];
  };
  // Folders and templates are paths inside the vault: one leading outside (`../x`, `C:`) is refused.
  const inVault = (field: "sessionsFolder" | "sessionTemplate" | "paperTemplate" | "papersFolder", text: string) => {
    const path = vaultRelativePath(text);
    if (path.ok) return path.value;
    fieldProblems.push({
      field,
      message: `"${field}": ${path.problem.message} The default ${JSON.stringify(DEFAULT_SETTINGS[field])} is used.`,
    });
    return DEFAULT_SETTINGS[field];
  };
  s.sessionsFolder = inVault("sessionsFolder", textField("sessionsFolder"));
  s.fileNamePattern = textField("fileNamePattern") || DEFAULT_SETTINGS.fileNamePattern;
  s.seriesName = textField("seriesName");
  if (data.weekday !== undefined) {
    if (typeof data.weekday === "number" && Number.isInteger(data.weekday) && data.weekday >= 0 && data.weekday <= 6)
      s.weekday = data.weekday;
    else wrong("weekday", "a whole number from 0 (Sunday) to 6 (Saturday)");
  }
  if (data.intervalWeeks !== undefined) {
    if (data.intervalWeeks === 1 || data.intervalWeeks === 2) s.intervalWeeks = data.intervalWeeks;
    else wrong("intervalWeeks", "1 or 2");
  }
  // Kept as written even when it is no date: the settings tab shows it as invalid rather than drop it,
  // and the schedule ignores an anchor that is no date.
  s.anchorDate = textField("anchorDate").slice(0, 100);
  if (data.roster !== undefined && !Array.isArray(data.roster)) wrong("roster", "a list of members");
  s.roster = members(data.roster);
  if (Array.isArray(data.rotation))
    s.rotation = data.rotation.filter((n): n is string => typeof n === "string" && n.trim() !== "");
  else if (data.rotation !== undefined) wrong("rotation", "a list of names");
  s.sessionTemplate = inVault("sessionTemplate", textField("sessionTemplate"));
  s.paperTemplate = inVault("paperTemplate", textField("paperTemplate"));
  if (
    data.kindAliases !== undefined &&
    (typeof data.kindAliases !== "object" || data.kindAliases === null || Array.isArray(data.kindAliases))
  )
    wrong("kindAliases", "a map of alias to kind");
  s.kindAliases = stringRecord(data.kindAliases);
  if (typeof data.autoSync === "boolean") s.autoSync = data.autoSync;
  else if (data.autoSync !== undefined) wrong("autoSync", "true or false");
  if (data.meetingTime !== undefined) {
    const time = typeof data.meetingTime === "string" ? data.meetingTime.trim() : null;
    if (time !== null && (time === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(time))) s.meetingTime = time;
    else wrong("meetingTime", "a time HH:MM or empty");
  }
  for (const [field, max] of [
    ["meetingMinutes", 24 * 60],
    ["scheduleCount", 520],
  ] as const) {
    if (data[field] === undefined) continue;
    const value = wholeNumber(data[field], 1, max);
    if (value === null) wrong(field, `a whole number from 1 to ${max}`);
    else s[field] = value;
  }
  s.papersFolder =
    inVault("papersFolder", stringOr(data.papersFolder, s.papersFolder)) || DEFAULT_SETTINGS.papersFolder;
  s.arxivApi = apiUrl(data.arxivApi, s.arxivApi);
  s.semanticScholarApi = apiUrl(data.semanticScholarApi, s.semanticScholarApi);
  s.crossrefApi = apiUrl(data.crossrefApi, s.crossrefApi);
  s.semanticScholarKey = stringOr(data.semanticScholarKey, "");
  s.relatedEmbeddings = migrateEmbeddings(data.relatedEmbeddings);
  if (typeof data.presenterLinks === "boolean") s.presenterLinks = data.presenterLinks;
  else if (data.presenterLinks !== undefined) wrong("presenterLinks", "true or false");
  if (data.peopleFolder !== undefined) {
    const folder = typeof data.peopleFolder === "string" ? vaultRelativePath(data.peopleFolder) : null;
    if (folder?.ok) s.peopleFolder = folder.value;
    else wrong("peopleFolder", "a folder inside the vault");
  }
  return { settings: s, problem: null, fieldProblems };
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  const shown = JSON.stringify(value) ?? typeof value;
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}

/** An http(s) base URL without a trailing slash; anything else keeps the default. */
function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value.trim() : fallback;
}

export function apiUrl(value: unknown, fallback: string): string {
  const url = stringOr(value, "").replace(/\/+$/, "");
  return /^https?:\/\/[^\s/?#]+/i.test(url) && !/\s/.test(url) ? url : fallback;
}

function wholeNumber(value: unknown, min: number, max: number): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

function members(value: unknown): Member[] {
  if (!Array.isArray(value)) return [];
  const out: Member[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue;
    const m = item as Record<string, unknown>;
    if (typeof m.name !== "string" || m.name.trim() === "") continue;
    const aliases = Array.isArray(m.aliases)
      ? m.aliases.filter((a): a is string => typeof a === "string" && a.trim() !== "")
      : [];
    out.push({ name: m.name.trim(), aliases, active: m.active !== false });
  }
  return out;
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === "string" && key.trim() !== "" && item.trim() !== "") out[key] = item;
  }
  return out;
}

/** `alias = kind` lines (the settings tab's text form of kind aliases). */
export function parseKindAliases(textValue: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of textValue.split(/\r?\n/)) {
    const match = /^\s*\[?([^=\]]+?)\]?\s*[=＝:：]\s*(\S.*?)\s*$/.exec(line);
    if (match?.[1] && match[2]) out[match[1]] = match[2];
  }
  return out;
}

export function formatKindAliases(aliases: Readonly<Record<string, string>>): string {
  return Object.entries(aliases)
    .map(([alias, kind]) => `${alias} = ${kind}`)
    .join("\n");
}
