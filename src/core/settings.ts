/** Plugin settings: defaults, and a pure, versioned migration from whatever `data.json` holds. */
import { DEFAULT_EMBEDDINGS, migrateEmbeddings, type EmbeddingSettings } from "./related/embeddings";
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
  /** Optional embeddings endpoint for "similar meaning" in related topics (off by default). */
  relatedEmbeddings: EmbeddingSettings;
  /** Start of a meeting (`HH:MM`) for the exported schedule; empty: all-day events. */
  meetingTime: string;
  /** Length of a meeting in minutes (timed events only). */
  meetingMinutes: number;
  /** Upcoming meetings in the exported schedule and the statistics view's plan. */
  scheduleCount: number;
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
  relatedEmbeddings: DEFAULT_EMBEDDINGS,
  meetingTime: "",
  meetingMinutes: 90,
  scheduleCount: 8,
});

/** What `loadData()` failed with (a `data.json` that is not JSON), handed to `migrateSettings`. */
export class UnreadableData {
  constructor(readonly cause: unknown) {}
}

export interface Migrated {
  settings: Settings;
  /** Set when the saved data was unusable and defaults were taken: what was wrong. */
  problem: string | null;
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
 * known field is taken when it has the right shape, so one bad field never costs the others.
 * Version 1 (the first release) had only `kindAliases` and `autoSync`: the rest is new in 2.
 */
export function migrateSettings(raw: unknown): Migrated {
  if (raw === null || raw === undefined) return { settings: defaultSettings(), problem: null };
  if (raw instanceof UnreadableData) {
    return {
      settings: defaultSettings(),
      problem: raw.cause instanceof Error ? raw.cause.message : "unreadable data.json",
    };
  }
  if (typeof raw !== "object" || Array.isArray(raw)) return { settings: defaultSettings(), problem: "not an object" };
  const data = raw as Record<string, unknown>;
  const s = defaultSettings();
  s.sessionsFolder = text(data.sessionsFolder, s.sessionsFolder).replace(/^\/+|\/+$/g, "");
  s.fileNamePattern = text(data.fileNamePattern, s.fileNamePattern) || DEFAULT_SETTINGS.fileNamePattern;
  s.seriesName = text(data.seriesName, s.seriesName);
  if (typeof data.weekday === "number" && Number.isInteger(data.weekday) && data.weekday >= 0 && data.weekday <= 6)
    s.weekday = data.weekday;
  if (data.intervalWeeks === 1 || data.intervalWeeks === 2) s.intervalWeeks = data.intervalWeeks;
  s.anchorDate = /^\d{4}-\d{2}-\d{2}$/.test(text(data.anchorDate, "")) ? text(data.anchorDate, "") : "";
  s.roster = members(data.roster);
  s.rotation = Array.isArray(data.rotation)
    ? data.rotation.filter((n): n is string => typeof n === "string" && n.trim() !== "")
    : [];
  s.sessionTemplate = text(data.sessionTemplate, "");
  s.paperTemplate = text(data.paperTemplate, "");
  s.kindAliases = stringRecord(data.kindAliases);
  if (typeof data.autoSync === "boolean") s.autoSync = data.autoSync;
  s.relatedEmbeddings = migrateEmbeddings(data.relatedEmbeddings);
  const time = text(data.meetingTime, "");
  s.meetingTime = /^([01]\d|2[0-3]):[0-5]\d$/.test(time) ? time : "";
  s.meetingMinutes = wholeNumber(data.meetingMinutes, 1, 24 * 60) ?? s.meetingMinutes;
  s.scheduleCount = wholeNumber(data.scheduleCount, 1, 520) ?? s.scheduleCount;
  return { settings: s, problem: null };
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" ? value.trim() : fallback;
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
