/**
 * The YAML the plugin writes (SPEC §4's shape): lists of scalars in flow style, lists holding maps as
 * block sequences, `title` double-quoted, other strings plain only when every YAML reader (1.1 and 1.2)
 * reads them back as the same string, else double-quoted. Data only: anything else throws.
 */

/** A block map of `data`'s keys, one `key: value` entry after another, each ending in `\n`; `{}` is "". */
export function emitYaml(data: Readonly<Record<string, unknown>>): string {
  return Object.entries(data)
    .map(([key, value]) => emitEntry(key, value))
    .join("");
}

/** One top-level entry, `key: value\n` (a block value continues on the lines below). */
export function emitEntry(key: string, value: unknown): string {
  return `${emitKey(key)}:${blockValue(key, value, 0)}\n`;
}

/** A string as a YAML scalar: plain when safe everywhere, else double-quoted. */
export function emitString(text: string, inFlow = false): string {
  return isPlainSafe(text, inFlow) ? text : quoted(text);
}

function emitKey(key: string): string {
  return isPlainSafe(key, false) && !DATE.test(key) ? key : quoted(key);
}

/** The text after `key:` — ` value` on the same line, or `\n` and the block below at `indent + 2`. */
function blockValue(key: string, value: unknown, indent: number): string {
  if (isFlowable(value)) return ` ${key === "title" && typeof value === "string" ? quoted(value) : flow(value)}`;
  const pad = " ".repeat(indent + 2);
  if (Array.isArray(value)) return value.map((item) => `\n${pad}- ${seqItem(item, indent + 4)}`).join("");
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `\n${pad}${emitKey(k)}:${blockValue(k, v, indent + 2)}`)
    .join("");
}

/** A block sequence item whose content starts at column `column` (after `- `). */
function seqItem(item: unknown, column: number): string {
  if (isFlowable(item)) return flow(item);
  const pad = " ".repeat(column);
  if (Array.isArray(item))
    return item.map((inner, i) => `${i === 0 ? "" : `\n${pad}`}- ${seqItem(inner, column + 2)}`).join("");
  return Object.entries(item as Record<string, unknown>)
    .map(([k, v], i) => `${i === 0 ? "" : `\n${pad}`}${emitKey(k)}:${blockValue(k, v, column)}`)
    .join("");
}

/** Scalars, empty maps, and lists of those (however nested) are written on one line. */
function isFlowable(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isFlowable);
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return true;
}

function flow(value: unknown, inFlow = false): string {
  if (value === null) return "null";
  if (typeof value === "string") return emitString(value, inFlow);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return emitNumber(value);
  if (Array.isArray(value)) return `[${value.map((item) => flow(item, true)).join(", ")}]`;
  if (isPlainObject(value) && Object.keys(value).length === 0) return "{}";
  throw new Error(`emitYaml: cannot write ${describe(value)} as YAML`);
}

/** A finite number that YAML 1.1 and 1.2 both read back: a float keeps a dot before its exponent. */
function emitNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`emitYaml: cannot write ${String(value)} as YAML`);
  if (Object.is(value, -0)) return "-0.0";
  const text = String(value);
  const [mantissa = text, exponent] = text.split("e");
  if (exponent === undefined) return text;
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}e${exponent}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === "object" && value !== null) return value.constructor?.name ?? "an object";
  return typeof value;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** What YAML 1.1 reads as null or a boolean (any case): never plain. */
const SPECIAL = /^(?:~|null|y|n|yes|no|on|off|true|false)$/i;
/** Characters no YAML reader takes literally in a plain scalar, or that are not printable. */
function hasUnsafeChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c >= 0xfffe || c === 0xfeff)
      return true;
  }
  return false;
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A plain scalar starts with a letter, a digit (checked below), or a character that is never an indicator. */
const SAFE_FIRST = /^[\p{L}\p{N}_/(\u0080-\u{10ffff}]/u;

function isPlainSafe(text: string, inFlow: boolean): boolean {
  if (text === "" || text !== text.trim()) return false;
  if (DATE.test(text)) return isRealDate(text);
  if (!SAFE_FIRST.test(text) || /^[0-9]/.test(text)) return false;
  if (SPECIAL.test(text) || hasUnsafeChar(text) || LONE_SURROGATE.test(text)) return false;
  if (text.includes(": ") || text.endsWith(":") || text.includes(" #")) return false;
  if (inFlow && /[,[\]{}:#]/.test(text)) return false;
  return true;
}

/** `YYYY-MM-DD` naming a real day: both readers give it back as the same day (a 1.1 reader as a date). */
function isRealDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** JSON's double quotes (valid YAML), with what YAML treats as a break or a BOM escaped too. */
function quoted(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
