/** The parsed model of one session note: SPEC §3. Keys may be added, never removed or renamed. */

export interface Presenter {
  name: string;
  aliases: string[];
}

export interface Topic {
  /** Display name of the presenter as written in this note; null for a main topic without one. */
  presenter: string | null;
  /** Normalized kind id (`paper`, `blog`, …), an unknown tag's lowercased NFKC text, or null. */
  kind: string | null;
  /** The tag as the author wrote it (`論文`), or null. */
  kindLabel: string | null;
  title: string;
  url: string | null;
  main: boolean;
  tags: string[];
  /** 0-based line of the title line. */
  line: number;
  /** 0-based last line of the topic's block. */
  endLine: number;
  summary: string;
}

export interface ParseWarning {
  line: number;
  message: string;
  /** Stable machine-readable code, so the app can localize the message. */
  code: WarningCode;
}

export type WarningCode = "presenter-without-topic" | "unknown-kind" | "unclosed-fence" | "unclosed-frontmatter";

export interface ParsedNote {
  path: string;
  date: string | null;
  series: string | null;
  presenters: Presenter[];
  topics: Topic[];
  warnings: ParseWarning[];
  /** Value of frontmatter `type`, if any: `study-session` marks a session note. */
  type: string | null;
  /** How many topics stand under a section marker (今週のTOPIC, メインTOPIC …): SPEC §5's rule reads it. */
  sectionTopics: number;
}

export interface ParseOptions {
  /** Vault-relative path with `/` separators; used for the date in the file name. */
  path?: string;
  /** User-defined kind aliases: alias text → kind id. */
  kindAliases?: Readonly<Record<string, string>>;
}
