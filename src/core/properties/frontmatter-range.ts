/** A note's simple top-level frontmatter scalars (`date`, `type`, `series`), without a YAML parse. */

/** `key: value` at the top level of frontmatter lines, unquoted; null when absent or not scalar. */
export function readTopLevelScalar(lines: readonly string[], key: string): string | null {
  const prefix = `${key}:`;
  for (const line of lines) {
    if (!line.startsWith(prefix)) continue;
    let value = line.slice(prefix.length).trim();
    if (
      value === "" ||
      value.startsWith("[") ||
      value.startsWith("{") ||
      value.startsWith("|") ||
      value.startsWith(">")
    ) {
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
