/**
 * Unpacking a Notion export as downloaded: the zip, the `Export-<uuid>-Part-N.zip` inside it (exports
 * since mid-2024) or the files directly (older ones). Hostile zips are refused whole: an unpacked size
 * past the limit (a zip bomb), a name that climbs out (`../`, `/abs`, `C:`), a corrupt or truncated file.
 */
import { unzipSync } from "fflate";
import { fail, ok, type Result } from "../result";

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
  ) {
    super(message);
  }
}

/** The export's files from the downloaded zip's bytes. */
export function unpackExport(
  bytes: Uint8Array,
  limits: UnpackLimits = DEFAULT_LIMITS,
): Result<ExportFile[], UnpackCode> {
  const budget = { bytes: limits.maxBytes, files: limits.maxFiles };
  try {
    let files = unzipChecked(bytes, budget, limits);
    const content = files.filter((f) => !NOISE.test(f.path));
    // The download wraps the export in one zip per part; everything is inside those.
    if (content.length > 0 && content.every((f) => INNER_ZIP.test(f.path))) {
      files = content.flatMap((inner) => unzipChecked(inner.bytes, budget, limits));
    }
    return ok(stripExportRoot(files.filter((f) => !NOISE.test(f.path))));
  } catch (error) {
    if (error instanceof Refused) return fail({ code: error.code, message: error.message });
    // fflate's own errors (bad signature, unexpected end of data, invalid block): the file is damaged.
    const reason = error instanceof Error ? error.message : String(error);
    return fail({ code: "corrupt-zip", message: `the zip file is damaged or incomplete (${reason})` });
  }
}

/** The files of an unpacked folder (paths as in the zip), through the same name checks and root stripping. */
export function exportFromFiles(files: readonly ExportFile[]): Result<ExportFile[], UnpackCode> {
  try {
    const checked = files.map((f) => ({ path: safeName(f.path), bytes: f.bytes }));
    return ok(stripExportRoot(checked.filter((f) => !NOISE.test(f.path))));
  } catch (error) {
    if (error instanceof Refused) return fail({ code: error.code, message: error.message });
    throw error;
  }
}

function unzipChecked(bytes: Uint8Array, budget: { bytes: number; files: number }, limits: UnpackLimits): ExportFile[] {
  const entries = unzipSync(bytes, {
    // Checked before anything is inflated; fflate then never writes past the declared size.
    filter: (entry) => {
      if (entry.name.endsWith("/")) return false;
      budget.bytes -= entry.originalSize;
      budget.files -= 1;
      if (budget.bytes < 0) {
        throw new Refused(
          "too-large",
          `the export would unpack to more than ${Math.round(limits.maxBytes / 1024 / 1024)} MB: refused (a zip bomb, or an export to split into parts)`,
        );
      }
      if (budget.files < 0) throw new Refused("too-many-files", `the export holds more than ${limits.maxFiles} files`);
      return true;
    },
  });
  return Object.entries(entries).map(([name, data]) => ({ path: safeName(utf8Name(name)), bytes: data }));
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
    throw new Refused("unsafe-name", `the zip holds an unsafe file name (${JSON.stringify(name.slice(0, 120))})`);
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
