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

const JAPANESE_SCRIPT = /[\u3040-\u30ff\u4e00-\u9fff]/;

/**
 * The language a note is written in: that of its section headings, else Japanese when it has any
 * kana or kanji (a title or a summary), else English.
 */
export function noteLanguage(text: string): Language {
  const ja = [HEADINGS.ja.topics, "今週のトピック", ...MAIN_MARKER_FORMS.slice(0, 2)];
  if (ja.some((heading) => text.includes(heading))) return "ja";
  const lower = text.toLowerCase();
  if (lower.includes(HEADINGS.en.topics.toLowerCase()) || lower.includes(HEADINGS.en.main.toLowerCase())) return "en";
  return JAPANESE_SCRIPT.test(text) ? "ja" : "en";
}
