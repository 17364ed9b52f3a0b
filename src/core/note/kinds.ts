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

export interface ResolvedKind {
  kind: string;
  known: boolean;
}

/** Alias (folded) → kind id, built once per set of user aliases. */
export class KindTable {
  private readonly byAlias = new Map<string, string>();

  constructor(userAliases: Readonly<Record<string, string>> = {}) {
    for (const [id, aliases] of Object.entries(BUILTIN_KINDS)) {
      for (const alias of aliases) this.byAlias.set(foldKey(alias), id);
    }
    for (const [alias, id] of Object.entries(userAliases)) {
      const key = foldKey(alias);
      const target = foldKey(id);
      if (key && target) this.byAlias.set(key, this.byAlias.get(target) ?? target);
    }
  }

  resolve(tag: string): ResolvedKind {
    const key = foldKey(tag);
    const id = this.byAlias.get(key);
    if (id !== undefined) return { kind: id, known: true };
    return { kind: key, known: false };
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
