/** Where a note's frontmatter is, and its simple top-level scalars, without a YAML parse. */

export interface LineRange {
  /** Line of the opening `---`. */
  start: number;
  /** Line of the closing `---` (or `...`). */
  end: number;
}

/** Obsidian's rule: `---` on the very first line, closed by a later `---` line. */
export function frontmatterRange(lines: readonly string[]): LineRange | null {
  const first = lines[0];
  if (first === undefined || first.trimEnd() !== "---") return null;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? "").trimEnd();
    if (line === "---" || line === "...") return { start: 0, end: i };
  }
  return null;
}

/** `key: value` at the top level of frontmatter lines, unquoted; null when absent or not scalar. */
export function readTopLevelScalar(lines: readonly string[], key: string): string | null {
  const prefix = `${key}:`;
  for (const line of lines) {
    if (!line.startsWith(prefix)) continue;
    let value = line.slice(prefix.length).trim();
    if (value === "" || value.startsWith("[") || value.startsWith("{") || value.startsWith("|") || value.startsWith(">")) {
      return null;
    }
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) {
      value = value.slice(1, value.lastIndexOf(quote));
    } else {
      const comment = value.search(/\s#/);
      if (comment >= 0) value = value.slice(0, comment).trim();
    }
    return value;
  }
  return null;
}
