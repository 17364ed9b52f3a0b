/** Turning a file's bytes into note text, or a clear reason why it is not one. */

export const MAX_NOTE_BYTES = 20 * 1024 * 1024;

export type NoteEncoding = "utf-8" | "utf-16le" | "utf-16be";

export type Decoded = { ok: true; text: string; encoding: NoteEncoding } | { ok: false; reason: string };

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; binary data and other encodings are refused. */
export function decodeNote(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_NOTE_BYTES) {
    return {
      ok: false,
      reason: `is ${Math.round(bytes.length / 1024 / 1024)} MB; notes over ${MAX_NOTE_BYTES / 1024 / 1024} MB are not read`,
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith("utf-16le", bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith("utf-16be", bytes.subarray(2));
  const decoded = decodeWith("utf-8", bytes);
  if (decoded.ok && decoded.text.includes("\u0000"))
    return { ok: false, reason: "looks like a binary file (it holds NUL bytes)" };
  return decoded;
}

function decodeWith(encoding: NoteEncoding, bytes: Uint8Array): Decoded {
  try {
    return { ok: true, encoding, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: `is not valid ${encoding.toUpperCase()} text` };
  }
}
