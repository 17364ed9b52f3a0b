/** Kind tags (`[論文]`, `[blog]` …) normalized to ids: SPEC §2. */
import { foldKey } from "../text";

export const BUILTIN_KINDS: Readonly<Record<string, readonly string[]>> = {
  paper: ["論文", "paper", "論文紹介"],
  blog: ["blog", "ブログ"],
  article: ["記事", "article", "news", "ニュース"],
  library: ["library", "lib", "ライブラリ", "oss"],
  repo: ["repo", "repository", "リポジトリ", "github"],
  service: ["サービス", "service", "product", "プロダクト"],
  talk: ["発表", "talk", "slides", "スライド"],
  book: ["書籍", "本", "book"],
  video: ["動画", "video"],
};

const RECENT_SLOTS = 32;

export interface ResolvedKind {
  readonly kind: string;
  readonly known: boolean;
}

/** Alias (folded) → kind id, built once per set of user aliases. */
export class KindTable {
  readonly #byAlias = new Map<string, string>();

  constructor(userAliases: Readonly<Record<string, string>> = {}) {
    for (const [id, aliases] of Object.entries(BUILTIN_KINDS)) {
      for (const alias of aliases) this.#byAlias.set(foldKey(alias), id);
    }
    for (const [alias, id] of Object.entries(userAliases)) {
      const key = foldKey(alias);
      const target = foldKey(id);
      if (key && target) this.#byAlias.set(key, this.#byAlias.get(target) ?? target);
    }
  }

  /**
   * The last tag resolved in each of a few slots (by length and first character): a vault's notes
   * use a handful of tags, and one comparison of two short strings is cheaper than hashing one.
   */
  readonly #recent: Array<{ tag: string; resolved: ResolvedKind } | undefined> = [];

  resolve(tag: string): ResolvedKind {
    const slot = (tag.length * 31 + tag.charCodeAt(0)) & (RECENT_SLOTS - 1);
    const recent = this.#recent[slot];
    if (recent?.tag === tag) return recent.resolved;
    const key = foldKey(tag);
    const id = this.#byAlias.get(key);
    const resolved = id !== undefined ? { kind: id, known: true } : { kind: key, known: false };
    this.#recent[slot] = { tag, resolved };
    return resolved;
  }
}

const defaultTable = new KindTable();
const tableCache = new WeakMap<Readonly<Record<string, string>>, KindTable>();

/** The table for these user aliases; cached so parsing many notes builds it once. */
export function kindTableFor(userAliases?: Readonly<Record<string, string>>): KindTable {
  if (!userAliases || Object.keys(userAliases).length === 0) return defaultTable;
  let table = tableCache.get(userAliases);
  if (!table) {
    table = new KindTable(userAliases);
    tableCache.set(userAliases, table);
  }
  return table;
}
