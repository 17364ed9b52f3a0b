/**
 * Answers of the paper services kept in the plugin's data (`paperCache` beside the settings), so a
 * refill asks nothing it asked before. "No paper agrees" is kept for a week: services learn papers.
 */
import type { PaperDetails } from "../../core/papers/details";
import type { PaperCache } from "../../core/papers/resolve";

interface Entry {
  details: PaperDetails | null;
  /** When it was asked, ms since the epoch. */
  at: number;
}

const NOT_FOUND_FOR_MS = 7 * 24 * 60 * 60 * 1000;
/** Enough for years of weekly sessions; the oldest answers go first. */
const MAX_ENTRIES = 5000;

export class PaperCacheStore implements PaperCache {
  readonly #entries = new Map<string, Entry>();
  #dirty = false;

  /** From the plugin's saved data; anything unreadable is dropped (it is only a cache). */
  constructor(raw: unknown) {
    const saved = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).paperCache : undefined;
    if (typeof saved !== "object" || saved === null || Array.isArray(saved)) return;
    for (const [key, value] of Object.entries(saved)) {
      if (typeof value !== "object" || value === null) continue;
      const entry = value as Partial<Entry>;
      if (typeof entry.at !== "number") continue;
      const details = entry.details;
      if (details === null || (typeof details === "object" && typeof details?.title === "string"))
        this.#entries.set(key, { details: details ?? null, at: entry.at });
    }
  }

  get(key: string): PaperDetails | null | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.details === null && Date.now() - entry.at > NOT_FOUND_FOR_MS) return undefined;
    return entry.details;
  }

  set(key: string, details: PaperDetails | null): void {
    this.#entries.delete(key);
    this.#entries.set(key, { details, at: Date.now() });
    while (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    this.#dirty = true;
  }

  /** Whether there is something new to save (and forget that there was). */
  takeDirty(): boolean {
    const was = this.#dirty;
    this.#dirty = false;
    return was;
  }

  toJSON(): Record<string, Entry> {
    return Object.fromEntries(this.#entries);
  }
}
