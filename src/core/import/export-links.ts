/** Links in an export's pages: relative Markdown links found and rewritten (as wiki links), in text and properties. */
import type { PropertyValue } from "./notion-page";

export function propertyLinks(value: PropertyValue, resolve: (href: string) => string | null): PropertyValue {
  const one = (v: string): string =>
    rewriteLinks(v, (href, text) => {
      const link = resolve(href);
      return link === null ? null : link === "" ? text : link;
    });
  if (typeof value === "string") return one(value);
  if (Array.isArray(value)) return value.map(one);
  return value;
}

/**
 * Every `[text](href)` and `![alt](href)` whose href is relative, handed to `replace` (null keeps it).
 * One pass, no regex over the line: a link's text may hold brackets (`[[blog] Title](…)`).
 */
export function rewriteLinks(
  text: string,
  replace: (href: string, text: string, embed: boolean) => string | null,
): string {
  let out = "";
  let from = 0;
  let searchFrom = 0;
  for (;;) {
    const mid = text.indexOf("](", searchFrom);
    if (mid < 0) break;
    const close = text.indexOf(")", mid + 2);
    const newline = text.indexOf("\n", mid + 2);
    if (close < 0) break;
    const href = text.slice(mid + 2, close);
    searchFrom = mid + 2;
    if (
      (newline >= 0 && newline < close) ||
      /\s/.test(href) ||
      /^[a-z][a-z0-9+.-]*:/i.test(href) ||
      href.startsWith("#")
    ) {
      continue;
    }
    // The link text's opening bracket: balanced, on the same line, after the previous link.
    let depth = 0;
    let open = -1;
    for (let i = mid - 1; i >= from; i--) {
      const c = text[i];
      if (c === "\n") break;
      if (c === "]") depth++;
      else if (c === "[") {
        if (depth === 0) {
          open = i;
          break;
        }
        depth--;
      }
    }
    if (open < 0) continue;
    const embed = open > 0 && text[open - 1] === "!";
    const replacement = replace(href, text.slice(open + 1, mid), embed);
    if (replacement === null) continue;
    out += text.slice(from, embed ? open - 1 : open) + replacement;
    from = close + 1;
    searchFrom = from;
  }
  return out + text.slice(from);
}

/** In a table row a wiki link's `|` (before its alias or size) would end the cell: Obsidian reads `\|` there. */
export function escapeTableLinks(text: string): string {
  return text.replace(/^[ \t]*\|.*\|[ \t]*$/gm, (row) =>
    row.replace(/\[\[[^\]\n]*\]\]/g, (link) => link.replace(/(?<!\\)\|/g, "\\|")),
  );
}
