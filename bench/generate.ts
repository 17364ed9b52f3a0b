/**
 * A deterministic synthetic vault shaped like the study group's real notes: Japanese and English
 * sessions, 7 presenters with alias spellings, 1–2 tagged topics each with bullets, comments, #tags
 * and URLs (some shared across sessions), and a main topic with paper-summary sections. 5–30 KB a note.
 */

export interface GeneratedNote {
  path: string;
  text: string;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRESENTERS = [
  ["@Naoto Shimakoshi", "@Naoto Shimakoshi / shima"],
  ["@Yuya Matsumura", "@Yuya Matsumura"],
  ["@Tomoaki Kitaoka", "@Tomoaki Kitaoka"],
  ["@Yuta Kamikawa", "@Yuta Kamikawa / kamikawa"],
  ["@Shun Ito", "@Shun Ito"],
  ["@Ryosuke Fukazawa / qluto", "@qluto (Ryosuke Fukazawa)"],
  ["@Masamune Ishihara", "@Masamune Ishihara"],
] as const;

const TAGS = [
  "[blog]",
  "[論文]",
  "[library]",
  "[repo]",
  "[記事]",
  "[サービス]",
  "[paper]",
  "[ブログ]",
  "[OSS]",
  "[発表]",
];
/** The field's most frequent words: they take the top ranks of the Zipf vocabulary. */
const EN_CORE = [
  "the",
  "of",
  "and",
  "to",
  "a",
  "in",
  "is",
  "for",
  "with",
  "on",
  "model",
  "data",
  "learning",
  "language",
  "layout",
  "aware",
  "document",
  "understanding",
  "retrieval",
  "augmented",
  "generation",
  "bounding",
  "box",
  "annotation",
  "active",
  "pipeline",
  "MLOps",
  "evaluation",
  "spreadsheet",
  "encoding",
  "transformer",
  "attention",
  "diffusion",
  "editing",
  "recommendation",
  "platform",
  "agent",
  "design",
  "patterns",
  "noise",
  "labels",
  "training",
  "inference",
  "benchmark",
  "dataset",
  "embedding",
  "fine-tuning",
  "prompt",
  "reasoning",
];
const JA_CORE = [
  "の",
  "を",
  "に",
  "は",
  "が",
  "と",
  "で",
  "する",
  "こと",
  "ため",
  "機械学習",
  "推薦",
  "評価",
  "実験",
  "文書理解",
  "アノテーション",
  "効率化",
  "基盤",
  "検索",
  "生成",
  "大規模言語モデル",
  "データ品質",
  "パイプライン",
  "設計",
  "運用",
  "可視化",
  "分類",
  "物体検出",
  "強化学習",
  "事前学習",
  "手法",
  "精度",
];
const SECTIONS_JA = ["概要", "背景・課題", "提案手法", "実験", "結果", "所感・議論"];
const SECTIONS_EN = ["Summary", "Background", "Method", "Experiments", "Results", "Discussion"];
const BULLETS = ["- ", "  - ", "  • ", "    • ", "* ", "1. "];
const DOMAINS = [
  "paperswithcode.com/paper",
  "github.com",
  "zenn.dev",
  "qiita.com",
  "huggingface.co",
  "aclanthology.org",
  "openreview.net/forum?id=",
  "speakerdeck.com",
  "techblog.example.co.jp/entry",
  "medium.com/@",
];

const EN_ONSETS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "tr",
  "st",
  "pl",
  "gr",
  "sh",
];
const EN_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
const EN_CODAS = ["", "", "n", "r", "s", "t", "l", "x", "nd", "rk"];
const KATAKANA =
  "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダデドバビブベボパピプペポ";
const KANJI =
  "学習機械言語処理文書解析検索推定最適化評価実験結果手法提案改善効率精度性能構造理解生成変換表現特徴分類予測識別強化探索計画制御設計運用基盤統合分散並列確率統計線形行列勾配損失関数層重";

/** Word `rank` of a language's vocabulary: real field words first, then made-up but stable words. */
function makeWord(rank: number, ja: boolean): string {
  const core = ja ? JA_CORE : EN_CORE;
  if (rank < core.length) return core[rank] ?? "";
  let r = rank - core.length;
  if (!ja) {
    let word = "";
    const syllables = 2 + (r % 3);
    for (let i = 0; i < syllables; i++) {
      word += (EN_ONSETS[r % EN_ONSETS.length] ?? "") + (EN_VOWELS[(r >> 2) % EN_VOWELS.length] ?? "");
      r = Math.floor(r / 7) + i * 13 + syllables;
    }
    return word + (EN_CODAS[rank % EN_CODAS.length] ?? "") + (rank % 5 === 0 ? "ing" : "");
  }
  // Katakana loanwords and kanji compounds, as in real Japanese technical text.
  const katakana = rank % 3 !== 0;
  const alphabet = katakana ? KATAKANA : KANJI;
  const length = katakana ? 3 + (r % 4) : 2 + (r % 3);
  let word = "";
  for (let i = 0; i < length; i++) {
    word += alphabet[r % alphabet.length] ?? "";
    r = Math.floor(r / alphabet.length) + (i + 1) * 31 + rank;
  }
  return katakana && rank % 4 === 1 ? `${word}ー` : word;
}

/** Cumulative Zipf weights (s = 1.05) of ranks 0…max-1, for sampling by binary search. */
function zipfTable(max: number): Float64Array {
  const table = new Float64Array(max);
  let sum = 0;
  for (let k = 0; k < max; k++) {
    sum += 1 / Math.pow(k + 1, 1.05);
    table[k] = sum;
  }
  return table;
}

function sampleRank(table: Float64Array, size: number, u: number): number {
  const x = u * (table[size - 1] ?? 1);
  let lo = 0;
  let hi = size - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** UTF-8 size of lines from `from` on, without an encoder: Japanese characters take three bytes. */
function utf8Bytes(lines: readonly string[], from = 0): number {
  let bytes = 0;
  for (let l = from; l < lines.length; l++) {
    const line = lines[l] ?? "";
    bytes += line.length + 1;
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) > 0x7f) bytes += 2;
  }
  return bytes;
}

/** Most ranks a language's vocabulary can reach; the reachable part grows with the vault. */
const MAX_RANK = 120_000;

export interface GeneratedCorpus {
  notes: GeneratedNote[];
  /** Distinct words used (both languages, hashtags and code identifiers included). */
  vocabulary: number;
}

export function generateVault(count: number, seed = 20240829): GeneratedNote[] {
  return generateCorpus(count, seed).notes;
}

export function generateCorpus(count: number, seed = 20240829): GeneratedCorpus {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const table = zipfTable(MAX_RANK);
  const used = [new Uint8Array(MAX_RANK), new Uint8Array(MAX_RANK)];
  const cache = [new Map<number, string>(), new Map<number, string>()];
  let reach = 0;
  const word = (ja: boolean): string => {
    const rank = sampleRank(table, reach, random());
    const lang = ja ? 1 : 0;
    (used[lang] as Uint8Array)[rank] = 1;
    const memo = cache[lang] as Map<number, string>;
    let w = memo.get(rank);
    if (w === undefined) memo.set(rank, (w = makeWord(rank, ja)));
    return w;
  };
  const words = (n: number, ja: boolean): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(word(ja));
    return ja ? out.join("") : out.join(" ");
  };
  const arxiv = (): string =>
    `https://arxiv.org/abs/${String(15 + Math.floor(random() * 10))}${String(1 + Math.floor(random() * 12)).padStart(2, "0")}.${String(Math.floor(random() * 20000)).padStart(5, "0")}${random() < 0.3 ? "v2" : ""}`;
  const link = (): string => {
    if (random() < 0.35) return arxiv();
    const domain = pick(DOMAINS);
    const slug = `${word(false)}-${word(false)}${random() < 0.5 ? `-${word(false)}` : ""}`;
    return domain.endsWith("=") || domain.endsWith("@")
      ? `https://${domain}${slug}`
      : `https://${domain}/${slug}${random() < 0.3 ? `?utm_source=${word(false)}` : ""}`;
  };
  /** An inline extra that real bullets carry: a hashtag, a code span, a link or nothing. */
  const extra = (): string => {
    const r = random();
    if (r < 0.08) return ` #${word(random() < 0.7 ? false : true)}`;
    if (r < 0.14) return ` \`${word(false)}.${word(false)}()\``;
    if (r < 0.19) return ` ${link()}`;
    return "";
  };
  const notes: GeneratedNote[] = [];
  const start = Date.UTC(2020, 0, 2);
  for (let n = 0; n < count; n++) {
    // The vocabulary a vault can reach grows with it (Heaps' law), as in a real group's notes.
    reach = Math.min(MAX_RANK, 3000 + 12 * n);
    const ja = random() < 0.6;
    const date = new Date(start + n * 7 * 86400000).toISOString().slice(0, 10);
    const series = ja ? "機械学習勉強会" : "ML study group";
    const target = 5000 + Math.floor(random() * 25000);
    const lines: string[] = [`${date} ${series}`, "", ja ? "今週のTOPIC" : "## This week's topics", ""];
    for (const spellings of PRESENTERS) {
      lines.push(pick(spellings), "");
      const topics = random() < 0.7 ? 1 : 2;
      for (let t = 0; t < topics; t++) {
        const titleJa = random() < 0.5;
        const title = titleJa ? `${words(3, true)}の話` : words(5, false).replace(/^./, (c) => c.toUpperCase());
        const url = link();
        lines.push(`${pick(TAGS)} ${title}${random() < 0.2 ? ` ${url}` : ""}`, "");
        const bullets = 3 + Math.floor(random() * 8);
        for (let b = 0; b < bullets; b++) {
          const comment = random() < 0.1 ? "[shima] " : "";
          lines.push(`${pick(BULLETS)}${comment}${words(4 + Math.floor(random() * 10), random() < 0.6)}${extra()}`);
        }
        if (random() < 0.3) lines.push(`- ${url}`);
        lines.push("");
      }
    }
    lines.push(
      `${ja ? "メインTOPIC" : "Main topic"}: ${words(6, false)} (${pick(["ACL", "CVPR", "NeurIPS", "ICML"])} 2024)`,
      "",
    );
    let section = 0;
    let size = utf8Bytes(lines);
    while (size < target) {
      const mark = lines.length;
      lines.push((ja ? SECTIONS_JA : SECTIONS_EN)[section % 6] ?? "", "");
      section++;
      for (let p = 0; p < 6; p++) lines.push(`${words(12 + Math.floor(random() * 20), ja)}${extra()}`);
      for (let b = 0; b < 6; b++) lines.push(`${pick(BULLETS)}${words(6 + Math.floor(random() * 12), ja)}${extra()}`);
      if (random() < 0.15) lines.push("```python", `${word(false)} = ${word(false)}.${word(false)}(x)`, "```");
      lines.push("");
      size += utf8Bytes(lines, mark);
    }
    notes.push({ path: `Sessions/${date} ${series}.md`, text: lines.join("\n") });
  }
  let vocabulary = 0;
  for (const flags of used) for (let k = 0; k < flags.length; k++) vocabulary += flags[k] ?? 0;
  return { notes, vocabulary };
}
