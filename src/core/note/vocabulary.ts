/**
 * The note's own words, in one place: the session type, the section headings in each language and
 * the default series name. The grammar recognises these; every writer (built-in templates, import,
 * new notes) writes from them, so a new heading form is one edit here.
 */

export type Language = "ja" | "en";

/** Frontmatter `type` of a session note. */
export const SESSION_TYPE = "study-session";

/** The headings the plugin writes, per language. */
export const HEADINGS: Readonly<Record<Language, { readonly topics: string; readonly main: string }>> = {
  ja: { topics: "今週のTOPIC", main: "メインTOPIC" },
  en: { topics: "This week's topics", main: "Main topic" },
};

/** Every form a topic section marker may take (matched case- and width-insensitively). */
export const TOPIC_MARKER_FORMS: readonly string[] = [
  HEADINGS.ja.topics,
  `${HEADINGS.ja.topics}S`,
  "今週のトピック",
  HEADINGS.en.topics,
  "This week's topic",
  "Topics",
];

/** Every form a main-topic marker may take (matched case- and width-insensitively). */
export const MAIN_MARKER_FORMS: readonly string[] = [HEADINGS.ja.main, "メイントピック", HEADINGS.en.main];

/** The series name when neither the settings nor any earlier session give one. */
export const DEFAULT_SERIES: Readonly<Record<Language, string>> = { ja: "勉強会", en: "Study session" };

/** Heading written for a topic block with no title yet: holds a place, and is no topic. */
export const EMPTY_TOPIC_LINE = "#### ";
