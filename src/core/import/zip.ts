/**
 * Unpacking a Notion export as downloaded: the zip, the `Export-<uuid>-Part-N.zip` inside it (exports
 * since mid-2024) or the files directly (older ones). Hostile zips are refused whole: an unpacked size
 * past the limit (a zip bomb), a name that climbs out (`../`, `/abs`, `C:`), a corrupt or truncated file.
 */
import { unzipSync } from "fflate";
import { fail, ok, type Problem, type Result } from "../result";
import { runPhases, type Phase, type PhasedJob } from "./phases";

/** One file of the export: its path inside the export (`/`-separated, NFC, the `Export-<uuid>/` root removed). */
export interface ExportFile {
  path: string;
  bytes: Uint8Array;
}

export type UnpackCode = "corrupt-zip" | "too-large" | "unsafe-name" | "too-many-files";

export interface UnpackLimits {
  /** Total bytes unpacked, inner zips and their contents counted both. */
  maxBytes: number;
  maxFiles: number;
}

// Generous for a years-long workspace with images, small enough for a phone's memory.
export const DEFAULT_LIMITS: UnpackLimits = { maxBytes: 1024 * 1024 * 1024, maxFiles: 200_000 };

const NOISE = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$)/;
const INNER_ZIP = /\.zip$/i;

class Refused extends Error {
  constructor(
    readonly code: UnpackCode,
    message: string,
    /** The limit or the name, for messages in other languages. */
    readonly detail: string,
  ) {
    super(message);
  }
}

/** The export's files from the downloaded zip's bytes, all at once (the CLI). */
export function unpackExport(
  bytes: Uint8Array,
  limits: UnpackLimits = DEFAULT_LIMITS,
): Result<ExportFile[], UnpackCode> {
  const unpacker = ExportUnpacker.open(bytes, limits);
  return unpacker.ok ? runPhases(unpacker.value) : unpacker;
}

/** A file of an archive as its central directory names and sizes it. */
interface Entry {
  name: string;
  size: number;
}

/** Some entries of one archive, inflated in one step. */
interface Batch {
  archive: Uint8Array;
  names: ReadonlySet<string>;
}

/** Entries inflated in one step: a few at a time keeps each step short (fflate re-reads the directory per call). */
const BATCH_FILES = 64;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Unpacking as phases (see `phases.ts`): every name and size is checked when an archive is listed, before
 * anything of it is inflated; then the inner `Part-N.zip`s one by one, then the files in small batches.
 * A refusal or a damaged entry ends the work; `result` tells it.
 */
export class ExportUnpacker implements PhasedJob<Result<ExportFile[], UnpackCode>> {
  readonly #budget: { bytes: number; files: number };
  #files: ExportFile[] = [];
  #batches: Batch[] = [];
  #inner: Batch[] = [];
  #problem: Problem<UnpackCode> | null = null;

  readonly #limits: UnpackLimits;

  private constructor(limits: UnpackLimits) {
    this.#limits = limits;
    this.#budget = { bytes: limits.maxBytes, files: limits.maxFiles };
  }

  /** Lists the downloaded zip; refused at once when it is damaged, too large or holds an unsafe name. */
  static open(bytes: Uint8Array, limits: UnpackLimits = DEFAULT_LIMITS): Result<ExportUnpacker, UnpackCode> {
    const unpacker = new ExportUnpacker(limits);
    unpacker.#guard(() => {
      const entries = unpacker.#list(bytes);
      // The download wraps the export in one zip per part; everything is inside those.
      if (entries.length > 0 && entries.every((e) => INNER_ZIP.test(e.name))) {
        unpacker.#inner = entries.map((e) => ({ archive: bytes, names: new Set([e.name]) }));
      } else unpacker.#batches = batchesOf(bytes, entries);
    });
    return unpacker.#problem ? fail(unpacker.#problem) : ok(unpacker);
  }

  next(): Phase | null {
    if (this.#problem) return null;
    if (this.#inner.length > 0) {
      const inner = this.#inner;
      this.#inner = [];
      return { name: "unpack", items: inner, step: (part: Batch) => this.#guard(() => this.#openPart(part)) };
    }
    if (this.#batches.length > 0) {
      const batches = this.#batches;
      this.#batches = [];
      return { name: "unpack", items: batches, step: (batch: Batch) => this.#guard(() => this.#inflate(batch)) };
    }
    return null;
  }

  result(): Result<ExportFile[], UnpackCode> {
    if (this.#problem) return fail(this.#problem);
    return ok(stripExportRoot(this.#files.filter((f) => !NOISE.test(f.path))));
  }

  #openPart(part: Batch): void {
    for (const bytes of Object.values(unzipSync(part.archive, { filter: (e) => part.names.has(e.name) }))) {
      this.#batches.push(...batchesOf(bytes, this.#list(bytes)));
    }
  }

  #inflate(batch: Batch): void {
    const entries = unzipSync(batch.archive, { filter: (e) => batch.names.has(e.name) });
    for (const [name, data] of Object.entries(entries))
      this.#files.push({ path: safeName(utf8Name(name)), bytes: data });
  }

  /** The archive's files but the noise, every name checked and counted against the limits; nothing inflated. */
  #list(archive: Uint8Array): Entry[] {
    const entries: Entry[] = [];
    unzipSync(archive, {
      filter: (entry) => {
        if (entry.name.endsWith("/")) return false;
        safeName(utf8Name(entry.name));
        this.#budget.bytes -= entry.originalSize;
        this.#budget.files -= 1;
        if (this.#budget.bytes < 0) {
          const mb = String(Math.round(this.#limits.maxBytes / 1024 / 1024));
          throw new Refused(
            "too-large",
            `the export would unpack to more than ${mb} MB: refused (a zip bomb, or an export to split into parts)`,
            mb,
          );
        }
        if (this.#budget.files < 0) {
          const max = String(this.#limits.maxFiles);
          throw new Refused("too-many-files", `the export holds more than ${max} files`, max);
        }
        if (!NOISE.test(entry.name)) entries.push({ name: entry.name, size: entry.originalSize });
        return false;
      },
    });
    return entries;
  }

  /** Runs `work`; a refusal or fflate's own error (bad signature, unexpected end, invalid block) ends the job. */
  #guard(work: () => void): void {
    if (this.#problem) return;
    try {
      work();
    } catch (error) {
      if (error instanceof Refused) this.#problem = { code: error.code, message: error.message, detail: error.detail };
      else {
        const reason = error instanceof Error ? error.message : String(error);
        this.#problem = {
          code: "corrupt-zip",
          message: `the zip file is damaged or incomplete (${reason})`,
          detail: reason,
        };
      }
    }
  }
}

function batchesOf(archive: Uint8Array, entries: readonly Entry[]): Batch[] {
  const batches: Batch[] = [];
  let names = new Set<string>();
  let bytes = 0;
  for (const { name, size } of entries) {
    if (names.size > 0 && (names.size >= BATCH_FILES || bytes + size > BATCH_BYTES)) {
      batches.push({ archive, names });
      names = new Set();
      bytes = 0;
    }
    names.add(name);
    bytes += size;
  }
  if (names.size > 0) batches.push({ archive, names });
  return batches;
}

/** The files of an unpacked folder (paths as in the zip), through the same name checks and root stripping. */
export function exportFromFiles(files: readonly ExportFile[]): Result<ExportFile[], UnpackCode> {
  try {
    const checked = files.map((f) => ({ path: safeName(f.path), bytes: f.bytes }));
    return ok(stripExportRoot(checked.filter((f) => !NOISE.test(f.path))));
  } catch (error) {
    if (error instanceof Refused) return fail({ code: error.code, message: error.message, detail: error.detail });
    throw error;
  }
}

/**
 * fflate reads a name as Latin-1 unless the entry flags UTF-8. Notion flags exactly the non-ASCII
 * names, but other zippers (macOS Archive Utility) write UTF-8 without the flag: take UTF-8 when the
 * bytes are valid UTF-8.
 */
function utf8Name(name: string): string {
  const codes = [...name].map((c) => c.codePointAt(0) ?? 0);
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return name;
  const raw = Uint8Array.from(name, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return name;
  }
}

/**
 * A relative, `/`-separated NFC path that stays inside the export, or the whole import is refused.
 * Other odd characters may stay: these names only match links; what is written gets safe names.
 */
function safeName(name: string): string {
  const path = name.replace(/\\/g, "/").normalize("NFC");
  const parts = path.split("/");
  if (path.startsWith("/") || /^[a-zA-Z]:/.test(path) || parts.some((p) => p === ".." || p === ".")) {
    const shown = JSON.stringify(name.slice(0, 120));
    throw new Refused("unsafe-name", `the zip holds an unsafe file name (${shown})`, shown);
  }
  return parts.filter((p) => p !== "").join("/");
}

/** Exports since mid-2024 put everything under `Export-<uuid>/`: drop that root. */
function stripExportRoot(files: ExportFile[]): ExportFile[] {
  const roots = new Set(files.map((f) => f.path.split("/")[0] ?? ""));
  const [root] = roots;
  if (roots.size !== 1 || root === undefined || !/^Export-[0-9a-f-]{8,}$/i.test(root)) return files;
  return files.map((f) => ({ path: f.path.slice(root.length + 1), bytes: f.bytes })).filter((f) => f.path !== "");
}
