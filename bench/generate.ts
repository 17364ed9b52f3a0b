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
const EN_WORDS = [
  "layout",
  "aware",
  "language",
  "model",
  "document",
  "understanding",
  "retrieval",
  "augmented",
  "generation",
  "bounding",
  "box",
  "annotation",
  "active",
  "learning",
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
];
const JA_WORDS = [
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
];
const SECTIONS_JA = ["概要", "背景・課題", "提案手法", "実験", "結果", "所感・議論"];
const SECTIONS_EN = ["Summary", "Background", "Method", "Experiments", "Results", "Discussion"];
const HASHTAGS = ["#mlops", "#RAG", "#document-ai", "#annotation", "#llm", "#推薦", "#評価"];
const BULLETS = ["- ", "  - ", "  • ", "    • ", "* ", "1. "];

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

export function generateVault(count: number, seed = 20240829): GeneratedNote[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = (n: number, ja: boolean): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pick(ja ? JA_WORDS : EN_WORDS));
    return ja ? out.join("") : out.join(" ");
  };
  const arxiv = (): string =>
    `https://arxiv.org/abs/24${String(1 + Math.floor(random() * 12)).padStart(2, "0")}.${String(Math.floor(random() * 400)).padStart(5, "0")}`;
  const notes: GeneratedNote[] = [];
  const start = Date.UTC(2020, 0, 2);
  for (let n = 0; n < count; n++) {
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
        const url = random() < 0.4 ? arxiv() : `https://example.com/${n}/${t}`;
        lines.push(`${pick(TAGS)} ${title}${random() < 0.2 ? ` ${url}` : ""}`, "");
        const bullets = 3 + Math.floor(random() * 8);
        for (let b = 0; b < bullets; b++) {
          const comment = random() < 0.1 ? "[shima] " : "";
          const tag = random() < 0.15 ? ` ${pick(HASHTAGS)}` : "";
          lines.push(`${pick(BULLETS)}${comment}${words(4 + Math.floor(random() * 10), random() < 0.6)}${tag}`);
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
      for (let p = 0; p < 6; p++) lines.push(words(12 + Math.floor(random() * 20), ja));
      for (let b = 0; b < 6; b++) lines.push(`${pick(BULLETS)}${words(6 + Math.floor(random() * 12), ja)}`);
      lines.push("");
      size += utf8Bytes(lines, mark);
    }
    notes.push({ path: `Sessions/${date} ${series}.md`, text: lines.join("\n") });
  }
  return notes;
}
