/**
 * File names from titles (new notes, imported pages) and paths from settings: what may reach the
 * vault. Pure: the plugin and the CLI both use it; nothing here touches a file system.
 */
import { fail, ok, type Result } from "../result";

/** Bytes a file name may take in UTF-8: under every common file system's 255, with room for `-NN.md`. */
export const MAX_NAME_BYTES = 200;

/** SPEC §7: `\ / : * ? " < > | # ^ [ ]` never reach a file name. */
const FORBIDDEN = /[\\/:*?"<>|#^[\]]/g;
/** C0 and C1 controls, DEL, and the bidirectional controls that can disguise a name (`‮gpj.md`). */
const INVISIBLE_CHARS = "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff";
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, "g");
const HAS_INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`);

/**
 * A file name (without extension) from a title: forbidden characters become `-`, controls and bidi
 * marks are removed, whitespace collapsed, leading dots dropped (no hidden files), and the result
 * cut to `maxBytes` of UTF-8 without splitting a character. May return "" (the caller picks a fallback).
 */
export function safeFileName(title: string, maxBytes: number = MAX_NAME_BYTES): string {
  const cleaned = title
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .replace(INVISIBLE, "")
    .replace(FORBIDDEN, "-")
    .replace(/^[\s.-]+|[\s.]+$/g, "");
  return trimEndOfName(truncateUtf8(cleaned, maxBytes));
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, never cutting a code point. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += code > 0xffff ? 2 : 1;
  }
  return text.slice(0, i);
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * `name`, or `name-2`, `name-3` … : the first not in `taken` (compared without case, as macOS and
 * Windows do). The suffix stays inside `maxBytes` by shortening the name, never the suffix.
 */
export function uniqueName(
  name: string,
  taken: ReadonlySet<string> | ((candidate: string) => boolean),
  maxBytes: number = MAX_NAME_BYTES,
): string {
  const isTaken = typeof taken === "function" ? taken : caseInsensitive(taken);
  if (!isTaken(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${trimEndOfName(truncateUtf8(name, maxBytes - suffix.length))}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

function caseInsensitive(taken: ReadonlySet<string>): (candidate: string) => boolean {
  const folded = new Set([...taken].map((name) => name.toLowerCase()));
  return (candidate) => folded.has(candidate.toLowerCase());
}

function trimEndOfName(name: string): string {
  return name.replace(/[\s.]+$/, "");
}

export type PathCode = "outside-vault" | "bad-path";

/**
 * A folder or note path from the settings, as a clean vault-relative path (`a/b`, `""` for the
 * root): separators unified, `.` and empty segments dropped. A `..` segment, an absolute path or a
 * drive letter would leave the vault: refused, never resolved.
 */
export function vaultRelativePath(path: string): Result<string, PathCode> {
  const unified = path.trim().replace(/\\/g, "/");
  if (/^[a-zA-Z]:/.test(unified) || unified.startsWith("//")) return fail(outside(path));
  if (HAS_INVISIBLE.test(unified)) {
    return fail({ code: "bad-path", message: `The path "${path}" holds control characters.` });
  }
  const segments = unified.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) return fail(outside(path));
  return ok(segments.join("/"));
}

function outside(path: string): { code: PathCode; message: string } {
  return {
    code: "outside-vault",
    message: `The path "${path}" leads outside the vault; it must be a folder or note inside it.`,
  };
}
