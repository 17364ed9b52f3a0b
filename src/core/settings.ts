/** Plugin settings: defaults, and a pure, versioned migration from whatever `data.json` holds. */

export const SETTINGS_VERSION = 1;

export interface Settings {
  version: number;
  /** User kind aliases: tag text → kind id (`輪読` → `paper`). */
  kindAliases: Record<string, string>;
  /** Keep topic properties in sync while editing session notes. */
  autoSync: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  kindAliases: {},
  autoSync: true,
});

export interface Migrated {
  settings: Settings;
  /** Set when the saved data was unusable and defaults were taken: what was wrong. */
  problem: string | null;
}

/** What `loadData()` failed with (a `data.json` that is not JSON), handed to `migrateSettings`. */
export class UnreadableData {
  constructor(readonly cause: unknown) {}
}

/** Never throws: missing data gives defaults, garbage gives defaults plus a problem to report. */
export function migrateSettings(raw: unknown): Migrated {
  const fresh = (): Settings => ({ ...DEFAULT_SETTINGS, kindAliases: {} });
  if (raw === null || raw === undefined) return { settings: fresh(), problem: null };
  if (raw instanceof UnreadableData) {
    return { settings: fresh(), problem: raw.cause instanceof Error ? raw.cause.message : "unreadable data.json" };
  }
  if (typeof raw !== "object" || Array.isArray(raw)) return { settings: fresh(), problem: "not an object" };
  const data = raw as Record<string, unknown>;
  const settings = fresh();
  settings.kindAliases = stringRecord(data.kindAliases);
  if (typeof data.autoSync === "boolean") settings.autoSync = data.autoSync;
  return { settings, problem: null };
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === "string" && key.trim() !== "" && item.trim() !== "") out[key] = item;
  }
  return out;
}
