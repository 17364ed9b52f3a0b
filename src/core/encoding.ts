/** Turning a file's bytes into note text, or a clear reason why it is not one. */
import { fail, ok, type Result } from "./result";

export const MAX_NOTE_BYTES = 20 * 1024 * 1024;

export type NoteEncoding = "utf-8" | "utf-16le" | "utf-16be";

export type Decoded = Result<{ text: string; encoding: NoteEncoding }, "too-large" | "binary" | "bad-encoding">;

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; binary data and other encodings are refused. */
export function decodeNote(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_NOTE_BYTES) {
    return fail({
      code: "too-large",
      message: `is ${Math.round(bytes.length / 1024 / 1024)} MB; notes over ${MAX_NOTE_BYTES / 1024 / 1024} MB are not read`,
    });
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith("utf-16le", bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith("utf-16be", bytes.subarray(2));
  const decoded = decodeWith("utf-8", bytes);
  if (decoded.ok && decoded.value.text.includes("\u0000"))
    return fail({ code: "binary", message: "looks like a binary file (it holds NUL bytes)" });
  return decoded;
}

function decodeWith(encoding: NoteEncoding, bytes: Uint8Array): Decoded {
  try {
    // `ignoreBOM` keeps a UTF-8 BOM in the text, so a write puts it back (SPEC §4); UTF-16's was cut above.
    return ok({ encoding, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) });
  } catch {
    return fail({ code: "bad-encoding", message: `is not valid ${encoding.toUpperCase()} text` });
  }
}
