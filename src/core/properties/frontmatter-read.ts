/** Reading a note's frontmatter without editing it: where its block is, its properties, its entries' link memory. */
import { isMap } from "./frontmatter-locator";
import { readYaml } from "./yaml-parser";

export interface Block {
  /** Offset where the frontmatter's content starts (after the opening `---` line). */
  contentStart: number;
  /** Offset of the closing `---` line. */
  contentEnd: number;
  /** 0-based note line of the first content line. */
  firstLine: number;
}

/** The note's properties as plain data; null without (readable) frontmatter. */
export function readProperties(text: string): Record<string, unknown> | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const block = findBlock(body);
  if (block === null || block === "unclosed") return null;
  const read = readYaml(body.slice(block.contentStart, block.contentEnd));
  return read.ok && isMap(read.value) ? read.value : null;
}

/** The `linked` / `unlinked` memory of each topic entry in a note's frontmatter, by title. */
export function entryMemory(text: string): Map<string, { linked: string[]; unlinked: string[] }> {
  const out = new Map<string, { linked: string[]; unlinked: string[] }>();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const block = findBlock(body);
  if (block === null || block === "unclosed") return out;
  const read = readYaml(body.slice(block.contentStart, block.contentEnd));
  const topics = read.ok && isMap(read.value) ? read.value.topics : undefined;
  if (!Array.isArray(topics)) return out;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  for (const entry of topics) {
    if (typeof entry !== "object" || entry === null) continue;
    const record = entry as Record<string, unknown>;
    if (typeof record.title === "string")
      out.set(record.title, { linked: strings(record.linked), unlinked: strings(record.unlinked) });
  }
  return out;
}

/** Where the frontmatter's content is: after an opening `---` line, up to the closing `---` or `...`. */
export function findBlock(body: string): Block | "unclosed" | null {
  const firstBreak = body.indexOf("\n");
  const opening = (firstBreak < 0 ? body : body.slice(0, firstBreak)).replace(/\r$/, "").trimEnd();
  if (opening !== "---" || firstBreak < 0) return opening === "---" ? "unclosed" : null;
  const contentStart = firstBreak + 1;
  let offset = contentStart;
  while (offset <= body.length) {
    const end = body.indexOf("\n", offset);
    const line = body
      .slice(offset, end < 0 ? body.length : end)
      .replace(/\r$/, "")
      .trimEnd();
    if (line === "---" || line === "...") return { contentStart, contentEnd: offset, firstLine: 1 };
    if (end < 0) break;
    offset = end + 1;
  }
  return "unclosed";
}
