/**
 * Words of a topic for relatedness, in Japanese and English. Links, URLs, bare domains and comment
 * handles (`[shima]`) are not words and go first. Then NFKC and case folding, and one scan by script:
 * Latin words (light plural stemming), katakana compounds kept whole (`デザインパターン`), short kanji
 * runs whole plus their overlapping character pairs (n-grams, marked with `HIDDEN_PREFIX`), hiragana dropped (particles and endings). Terms of the glossary become one concept in
 * both languages. ASCII text, and text NFKC would leave as it is, take a fast path with no normalization.
 */
import { GLOSSARY } from "./glossary";
import { FNV_OFFSET, FNV_PRIME, PieceTable, Script, SECOND_OFFSET, SECOND_PRIME, type Piece } from "./piece-table";
import { markShown, termId, termText } from "./term-ids";
import { nfkcStable } from "./folding";

/** Terms that only help matching (character n-grams) start with this; reasons never show them. */
export const HIDDEN_PREFIX = "~";

const EN_STOP = new Set(
  (
    "a an and are as at be but by can do does did done for from has have had how i in into is it its of on or our over so " +
    "than that the their them then there these they this to up us using use used via vs was we were what when which while " +
    "who why will with without you your new based towards toward about more most all any also one two three just like get " +
    "got make made see well good way time date here now only very much many some such each other same first last next may " +
    "might could would should must not no yes out if else per etc e.g i.e let lets its it's been being both between within " +
    "across after before again still even really thing things lot lots ok okay http https www com org net html htm pdf abs " +
    "php io jp co github blob main master tree index"
  ).split(" "),
);

/** Generic Japanese words (two-character kanji and katakana) that name no subject. */
const JA_STOP = new Set(
  (
    "こと もの ため よう これ それ あれ この その あの ここ そこ する した して され される いる ある なる ない です ます " +
    "という として による により において について における に対する など および また さらに ただし " +
    "場合 今回 自分 部分 可能 利用 使用 実際 紹介 必要 方法 以下 以上 前回 今後 全て 意味 我々 段階 現状 対象 " +
    "一方 他の 内容 結果 理由 問題 状態 程度 最近 本当 以前 同様 特に 主に 非常 簡単 便利 一部 全体 具体 個人 " +
    "記事 論文 ブログ サービス リンク ページ サイト 資料 発表 参考 感想 所感 概要 背景 まとめ 以降 今日 昨日 時間 " +
    "良い 作る 思う 感じ 気持 自体 基本 通常 一般 複数 単一 各種 様々 色々 大きい 小さい 高い 低い 多い 少ない " +
    "比較 公開 管理 設定 実行 作成 種類 対応 採用 導入 拡張 理解 可能性 影響 改善 出力 入力 特定 重要 目的 構造 " +
    "機能 情報 提案 手法 表現 変換 一気 自動 正確 計算 考慮 完全 検討 確認 説明 記載 解説 動作 処理 追加 変更 " +
    "作業 活用 提供 向上 発生 存在 実現 適用 判断 選択 指定 取得 定義 結論 効果 全体的 一般的 具体的 基本的 " +
    "効率的 最終的 比較的 直感的 積極的 実際 今回 本論文 本研究 従来 既存 様子 面白 興味 注目 期待 予定 " +
    "メイン トピック テーマ ポイント イメージ ケース パターン ベース タイプ レベル ユーザー ユーザ"
  ).split(" "),
);

// Links are cut out by hand (indexOf with the next closing mark remembered), and the patterns left
// have no repeat before a required match: a hostile megabyte line of `[`, `.` or `](` costs linear time.
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]]*/gi;
const DOMAIN =
  /\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,6}\.(?:com|org|net|io|ai|dev|app|jp|co|me|info|edu|gov|ly)\b(?:\/[^\s)]*)?/gi;
const TLD = /\.(?:com|org|net|io|ai|dev|app|jp|co|me|info|edu|gov|ly)\b/i;
/** `- [shima] …`: a comment's handle at the start of a line or list item. */
const HANDLE = /^([ \t]{0,40}(?:[-*+•‣◦]|\d{1,3}[.)])?[ \t]{0,4})[[［][^\]］\n]{1,40}[\]］]/gm;
const MENTION = /[@＠][\p{L}\p{N}_.-]+/gu;

/** Index of the next `needle` at or after `from`, remembered while `from` stays before it. */
function finder(text: string, needle: string): (from: number) => number {
  let at = -2;
  return (from) => {
    if (at === -1 || (at >= from && at !== -2)) return at;
    at = text.indexOf(needle, from);
    return at;
  };
}

/** `[[target|alias]]` → its alias (or target); `[text](target)` → its text. */
function stripLinks(text: string): string {
  if (!text.includes("[[") && !text.includes("](")) return text;
  const out: string[] = [];
  const nextClose = finder(text, "]]");
  const nextParen = finder(text, ")");
  const nextLine = finder(text, "\n");
  const nextSpace = finder(text, " ");
  const nextWiki = finder(text, "[[");
  const nextMd = finder(text, "](");
  let pos = 0;
  let copied = 0;
  while (pos < text.length) {
    const wiki = nextWiki(pos);
    const md = nextMd(pos);
    if (wiki < 0 && md < 0) break;
    if (wiki >= 0 && (md < 0 || wiki < md)) {
      const close = nextClose(wiki + 2);
      if (close < 0) {
        pos = md >= 0 ? md : text.length;
        continue;
      }
      const line = nextLine(wiki);
      if (line >= 0 && line < close) {
        pos = wiki + 2;
        continue;
      }
      const inner = text.slice(wiki + 2, close);
      const bar = inner.lastIndexOf("|");
      out.push(text.slice(copied, wiki), " ", bar >= 0 ? inner.slice(bar + 1) : inner, " ");
      pos = copied = close + 2;
    } else {
      const close = nextParen(md + 2);
      const space = Math.min(...[nextSpace(md + 2), nextLine(md + 2)].map((i) => (i < 0 ? Infinity : i)));
      if (close < 0 || space < close) {
        pos = md + 2;
        continue;
      }
      out.push(text.slice(copied, md + 1), " ");
      pos = copied = close + 1;
    }
  }
  out.push(text.slice(copied));
  return out.join("");
}

/** URLs, link targets, domains, handles and mentions out; link text stays. */
export function stripNonWords(text: string): string {
  let out = stripLinks(text);
  if (out.includes("://") || out.includes("www.")) out = out.replace(URL, " ");
  if (TLD.test(out)) out = out.replace(DOMAIN, " ");
  if (out.includes("[") || out.includes("［")) out = out.replace(HANDLE, "$1 ");
  if (out.includes("@") || out.includes("＠")) out = out.replace(MENTION, " ");
  return out;
}

/** Words whose final s is no plural. */
const UNSTEMMED = new Set([
  "mlops",
  "devops",
  "llmops",
  "aiops",
  "dataops",
  "news",
  "series",
  "species",
  "kubernetes",
  "pandas",
  "redis",
  "aws",
  "gpus",
  "always",
  "various",
  "previous",
]);

/** English plural and possessive endings, so `annotations` meets `annotation`. */
export function stem(word: string): string {
  if (word.length <= 3 || UNSTEMMED.has(word)) return word;
  const last = word.charCodeAt(word.length - 1);
  if (last !== 0x73 /* s */) return word;
  if (!/^[a-z]+$/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (!word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

/** Character sets as bits, 8 KB each: looked up at every character, they stay in the nearest cache. */
function setBit(bits: Int32Array, code: number): void {
  bits[code >>> 5] = (bits[code >>> 5] ?? 0) | (1 << (code & 31));
}

function hasBit(bits: Int32Array, code: number): boolean {
  return (((bits[code >>> 5] ?? 0) >>> (code & 31)) & 1) === 1;
}

// The glossary, compiled: English single words and phrases by their folded, stemmed words (to term
// ids); Japanese forms by their first character, longest first, matched in place during the scan.
const WORD_CONCEPT = new Map<string, number>();
const PHRASE_CONCEPT = new Map<string, number>();
const PHRASE_ENDS = new Set<string>();
const JA_FORMS = new Map<number, Array<{ form: string; term: number }>>();
const JA_FIRST = new Int32Array(0x10000 >>> 5);
/** Characters that stand second in a Japanese form: a cheap "no form starts here" before the lookup. */
const JA_SECOND = new Int32Array(0x10000 >>> 5);
for (const entry of GLOSSARY) {
  const term = termId(entry.en);
  markShown(term);
  for (const form of entry.forms) {
    const folded = form.normalize("NFKC").toLowerCase();
    if (/[^\0-\x7f]/.test(folded)) {
      const first = folded.charCodeAt(0);
      setBit(JA_FIRST, first);
      // Every Japanese form has two characters or more (a glossary test holds it to that).
      setBit(JA_SECOND, folded.charCodeAt(1));
      const forms = JA_FORMS.get(first) ?? [];
      forms.push({ form: folded, term });
      forms.sort((a, b) => b.form.length - a.form.length);
      JA_FORMS.set(first, forms);
      continue;
    }
    const words = folded
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0)
      .map(stem);
    if (words.length === 1) WORD_CONCEPT.set(words[0] ?? "", term);
    else if (words.length > 1) {
      PHRASE_CONCEPT.set(words.join(" "), term);
      PHRASE_ENDS.add(words[words.length - 1] ?? "");
    }
  }
}

/** Glossary concepts by their term, for showing a concept in the reader's language. */
const CONCEPT_LABELS = new Map(GLOSSARY.map((entry) => [entry.en, entry]));

/** A term as a reader of `language` would write it: a glossary concept in that language, else itself. */
export function termLabel(term: string, language: "en" | "ja"): string {
  const entry = CONCEPT_LABELS.get(term);
  return entry ? entry[language] : term;
}

/** Whether a term stands for a glossary concept. */
export function isConcept(term: string): boolean {
  return CONCEPT_LABELS.has(term);
}

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

const CAMEL_PARTS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

function latinPiece(raw: string): Piece {
  const lower = raw.toLowerCase();
  const word = stem(lower);
  const terms: number[] = [];
  const concept = WORD_CONCEPT.get(word);
  if (concept !== undefined) terms.push(concept);
  else if (word.length >= 2 && !isNumber(word) && !EN_STOP.has(word)) terms.push(termId(word));
  // `AutoMLOps`, `SpreadsheetLLM`: the parts are words too, so they meet `MLOps` and `spreadsheets`.
  const split = lower === raw ? null : raw.match(CAMEL_PARTS);
  if (split && split.length >= 2) {
    for (const part of split) {
      const partWord = stem(part.toLowerCase());
      if (partWord.length >= 2 && partWord !== word && !EN_STOP.has(partWord) && !isNumber(partWord))
        terms.push(WORD_CONCEPT.get(partWord) ?? termId(partWord));
    }
  }
  for (const term of terms) markShown(term);
  return { terms, stem: word, phraseEnd: PHRASE_ENDS.has(word) };
}

function katakanaPiece(run: string): Piece {
  const terms: number[] = [];
  if (run.length >= 2 && !JA_STOP.has(run)) {
    for (let i = 0; i < run.length; i++)
      if (run.charCodeAt(i) !== 0x30fc) {
        terms.push(termId(run));
        markShown(terms[0] ?? 0);
        break;
      }
  }
  return { terms, stem: "", phraseEnd: false };
}

function kanjiPiece(run: string): Piece {
  const terms: number[] = [];
  // A short run is a word as written; every run also gives its character pairs, so `性能` meets
  // `高性能`. Pairs are hidden from reasons unless the text had them standing alone as a word.
  if (run.length >= 2) {
    if (run.length <= 4 && !JA_STOP.has(run)) {
      const id = termId(run);
      markShown(id);
      terms.push(id);
    }
    if (run.length > 2)
      for (let i = 0; i + 1 < run.length; i++) {
        const pair = run.slice(i, i + 2);
        if (!JA_STOP.has(pair)) terms.push(~termId(pair));
      }
  }
  return { terms, stem: "", phraseEnd: false };
}

const pieces = new PieceTable((raw, script) =>
  script === Script.Latin ? latinPiece(raw) : script === Script.Kanji ? kanjiPiece(raw) : katakanaPiece(raw),
);

/** Script of each ASCII code: Latin letters and digits, or other. */
const ASCII_LATIN = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_LATIN[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;

function scriptOf(code: number): Script {
  if (code < 0x80) return ASCII_LATIN[code] === 1 ? Script.Latin : Script.Other;
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return Script.Latin;
  if (code >= 0x3041 && code <= 0x309f) return Script.Hiragana;
  if ((code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc) return Script.Katakana;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3005) return Script.Kanji;
  if (code >= 0xf900 && code <= 0xfaff) return Script.Kanji;
  return Script.Other;
}

/** The glossary term of the Japanese form starting at `at`, and its length; or null. */
function glossaryAt(text: string, at: number): { term: number; length: number } | null {
  for (const { form, term } of JA_FORMS.get(text.charCodeAt(at)) ?? [])
    if (text.startsWith(form, at)) return { term, length: form.length };
  return null;
}

/**
 * Term ids of `text`, in order, repeats kept (term frequency matters), appended to `out`; a hidden
 * term (a character pair) as the complement of its id.
 */
export function tokenIds(text: string, out: number[]): void {
  const cleaned = stripNonWords(text);
  // Case is folded word by word (camel-case parts need it). NFKC copies the whole text, and most text
  // is in the form it gives: read as it is until a character NFKC may change, then again normalized
  // (the pieces read before that character are the same in both, so are their term ids).
  const mark = out.length;
  if (readTerms(cleaned, out, true)) return;
  out.length = mark;
  readTerms(cleaned.normalize("NFKC"), out, false);
}

/** `tokenIds` of a text; with `stableOnly`, false at the first character NFKC may change (the rest unread). */
function readTerms(folded: string, out: number[], stableOnly: boolean): boolean {
  // The last two words' stems, for glossary phrases; "" after a break (punctuation, another script).
  let prev1 = "";
  let prev2 = "";
  let start = 0;
  // The run's two hashes, for the piece table.
  let h1 = FNV_OFFSET;
  let h2 = SECOND_OFFSET;
  let script = Script.Other;
  const length = folded.length;
  for (let i = 0; i <= length;) {
    const code = i < length ? folded.charCodeAt(i) : 0;
    if (stableOnly && code >= 0x80 && !nfkcStable(code)) return false;
    const concept =
      hasBit(JA_FIRST, code) && hasBit(JA_SECOND, folded.charCodeAt(i + 1)) ? glossaryAt(folded, i) : null;
    const next = i < length && concept === null ? scriptOf(code) : Script.Other;
    if (next === script && i < length && concept === null) {
      h1 = Math.imul(h1 ^ code, FNV_PRIME);
      h2 = Math.imul(h2 ^ code, SECOND_PRIME);
      h2 ^= h2 >>> 15;
      i++;
      continue;
    }
    // The run of `script` from `start` ends here.
    if (script === Script.Latin || script === Script.Kanji || script === Script.Katakana) {
      const at = pieces.slot(folded, start, i, h1, h2, script);
      if (script === Script.Latin) {
        const stem = pieces.stem(at);
        if (prev1 !== "" && pieces.phraseEnd(at)) {
          const two = `${prev1} ${stem}`;
          const phrase = (prev2 !== "" ? PHRASE_CONCEPT.get(`${prev2} ${two}`) : undefined) ?? PHRASE_CONCEPT.get(two);
          if (phrase !== undefined) out.push(phrase);
        }
        prev2 = prev1;
        prev1 = stem;
      }
      for (let k = pieces.first(at), end = k + pieces.count(at); k < end; k++) out.push(pieces.term(k));
    }
    // A space or a hyphen between two Latin words keeps a phrase together; anything else breaks it.
    if (script !== Script.Latin && script !== Script.Other) prev1 = prev2 = "";
    else if (next !== Script.Latin && code !== 0x20 && code !== 0x2d) prev1 = prev2 = "";
    if (concept !== null) {
      out.push(concept.term);
      prev1 = prev2 = "";
      script = Script.Other;
      i += concept.length;
      start = i;
      continue;
    }
    script = next;
    start = i;
    h1 = Math.imul(FNV_OFFSET ^ code, FNV_PRIME);
    h2 = Math.imul(SECOND_OFFSET ^ code, SECOND_PRIME);
    h2 ^= h2 >>> 15;
    i++;
  }
  return true;
}

/** Terms of `text`, in order, repeats kept; hidden ones (character pairs) start with `HIDDEN_PREFIX`. */
export function tokenize(text: string): string[] {
  const ids: number[] = [];
  tokenIds(text, ids);
  return ids.map((id) => (id < 0 ? HIDDEN_PREFIX + termText(~id) : termText(id)));
}
