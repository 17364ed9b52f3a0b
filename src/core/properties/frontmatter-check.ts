/** The checks a frontmatter write passes before it is returned: the values read back, no other key moves. */
import { readFrontmatter } from "./frontmatter-locator";
import { isPlainObject } from "./yaml-emit";

/**
 * Whether `next` (the new frontmatter) is safe: it parses, it is still one block map whose keys the
 * locator finds again, every key the plugin does not own has the same value as before, and the
 * plugin's keys hold what was wanted. Returns null when safe, else what went wrong. Anchors,
 * aliases and odd indentation are all covered by this one check, whatever the edit did.
 */
export function checkWrite(
  before: Record<string, unknown>,
  next: string,
  wanted: ReadonlyMap<string, unknown>,
): string | null {
  const after = readFrontmatter(next);
  if (!after.ok) {
    if (after.problem.code === "malformed-yaml") return after.problem.detail;
    if (after.problem.code === "not-a-mapping") return "not a map any more";
    return after.problem.detail;
  }
  const now = new Map(Object.entries(after.value.data));
  for (const [key, value] of Object.entries(before)) {
    if (wanted.has(key)) continue; // the caller's keys to set; checked below to read back as written
    if (!now.has(key) || !deepEqual(now.get(key), value)) return `"${key}" would change`;
  }
  for (const key of now.keys()) {
    if (Object.hasOwn(before, key) || wanted.has(key)) continue;
    return `"${key}" would appear`;
  }
  for (const [key, value] of wanted)
    if (!deepEqual(now.get(key), value)) return `"${key}" would not read back as written`;
  return null;
}

/** A value about to be written that would not read back as what the user's text held. */
export class Unfaithful extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Throws `Unfaithful` when `value` (to be written under `key`, carrying what the user had) holds
 * something the parser already changed or the emitter cannot give back: a number beyond exact integers
 * or not finite, a map with a prototype (`__proto__`) or a merge key, a value that is not data.
 */
export function unfaithful(key: string, value: unknown, path = key): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value)))
      throw new Unfaithful(key, `"${path}" holds a number that cannot be written back exactly`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => unfaithful(key, item, `${path}[${i}]`));
    return;
  }
  if (!isPlainObject(value)) throw new Unfaithful(key, `"${path}" holds a value that cannot be written back as it is`);
  for (const [k, v] of Object.entries(value)) {
    if (k === "<<") throw new Unfaithful(key, `"${path}" holds a merge key (<<)`);
    unfaithful(key, v, `${path}.${k}`);
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const otherKeys = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => deepEqual(ra[key], rb[key]));
}
