/**
 * The plugin's CSS classes (styles.css) all start with `study-session-notes-`; `css("row", "group")` is
 * `"study-session-notes-row study-session-notes-group"`. Written once here rather than in every class name
 * of the views, which keeps main.js smaller (SPEC §6). May import nothing.
 */
export function css(...names: string[]): string {
  return names.map((name) => `study-session-notes-${name}`).join(" ");
}
