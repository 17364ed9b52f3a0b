/**
 * The field's terms that people write in either language. Each entry is one concept: the tokenizer
 * turns every form into the same term (the English name), so `評価` in one note meets `evaluation`
 * in another, and reasons show the concept in the reader's language.
 *
 * To extend it, add an entry (or forms to one): `en` and `ja` are what reasons show, `forms` are
 * matched after NFKC and lower-casing — English forms as whole words (plural `s` stripped first),
 * Japanese forms anywhere inside Japanese text, so `オープンソースで` and `推薦システム` match.
 */
export interface GlossaryEntry {
  en: string;
  ja: string;
  forms: readonly string[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    en: "open source",
    ja: "オープンソース",
    forms: ["open source", "open-source", "opensource", "oss", "オープンソース"],
  },
  { en: "open", ja: "オープン", forms: ["open", "openness", "オープン"] },
  { en: "transparency", ja: "透明性", forms: ["transparency", "transparent", "透明性"] },
  { en: "weights", ja: "重み", forms: ["weights", "weight", "重み"] },
  { en: "license", ja: "ライセンス", forms: ["license", "licence", "licensing", "ライセンス"] },
  { en: "reproducibility", ja: "再現性", forms: ["reproducibility", "reproducible", "再現性"] },
  { en: "evaluation", ja: "評価", forms: ["evaluation", "evaluate", "eval", "評価"] },
  { en: "agent", ja: "エージェント", forms: ["agent", "agentic", "エージェント"] },
  {
    en: "annotation",
    ja: "アノテーション",
    forms: [
      "annotation",
      "annotate",
      "annotator",
      "labeling",
      "labelling",
      "アノテーション",
      "アノテータ",
      "ラベル付け",
      "ラベリング",
    ],
  },
  {
    en: "recommendation",
    ja: "推薦",
    forms: ["recommendation", "recommender", "recommend", "recsys", "推薦", "レコメンド", "レコメンデーション"],
  },
  { en: "retrieval", ja: "検索", forms: ["retrieval", "search", "検索"] },
  {
    en: "fine-tuning",
    ja: "ファインチューニング",
    forms: ["fine-tuning", "fine tuning", "finetuning", "ファインチューニング"],
  },
  { en: "pre-training", ja: "事前学習", forms: ["pre-training", "pretraining", "pre training", "事前学習"] },
  { en: "inference", ja: "推論", forms: ["inference", "推論"] },
  {
    en: "bounding box",
    ja: "バウンディングボックス",
    forms: ["bounding box", "bbox", "バウンディングボックス", "矩形"],
  },
  { en: "pipeline", ja: "パイプライン", forms: ["pipeline", "パイプライン"] },
  { en: "dataset", ja: "データセット", forms: ["dataset", "データセット"] },
  { en: "object detection", ja: "物体検出", forms: ["object detection", "物体検出"] },
  { en: "classification", ja: "分類", forms: ["classification", "classifier", "分類"] },
  { en: "image", ja: "画像", forms: ["image", "画像"] },
  { en: "document", ja: "文書", forms: ["document", "文書", "ドキュメント"] },
  { en: "spreadsheet", ja: "スプレッドシート", forms: ["spreadsheet", "スプレッドシート"] },
  { en: "layout", ja: "レイアウト", forms: ["layout", "レイアウト"] },
  { en: "embedding", ja: "埋め込み", forms: ["embedding", "埋め込み", "エンベディング"] },
  { en: "prompt", ja: "プロンプト", forms: ["prompt", "プロンプト"] },
  { en: "experiment", ja: "実験", forms: ["experiment", "実験"] },
  { en: "benchmark", ja: "ベンチマーク", forms: ["benchmark", "ベンチマーク"] },
  { en: "workflow", ja: "ワークフロー", forms: ["workflow", "ワークフロー"] },
  { en: "accuracy", ja: "精度", forms: ["accuracy", "精度"] },
  { en: "translation", ja: "翻訳", forms: ["translation", "翻訳"] },
  { en: "speech", ja: "音声", forms: ["speech", "音声"] },
  {
    en: "visualization",
    ja: "可視化",
    forms: ["visualization", "visualisation", "dashboard", "可視化", "ダッシュボード"],
  },
  { en: "reinforcement learning", ja: "強化学習", forms: ["reinforcement learning", "強化学習"] },
  { en: "machine learning", ja: "機械学習", forms: ["machine learning", "機械学習"] },
  { en: "deep learning", ja: "深層学習", forms: ["deep learning", "深層学習", "ディープラーニング"] },
  { en: "language model", ja: "言語モデル", forms: ["language model", "llm", "言語モデル"] },
  { en: "named entity recognition", ja: "固有表現認識", forms: ["named entity recognition", "ner", "固有表現認識"] },
  { en: "question answering", ja: "質問応答", forms: ["question answering", "質問応答"] },
  { en: "active learning", ja: "能動学習", forms: ["active learning", "能動学習"] },
  {
    en: "label noise",
    ja: "ラベルノイズ",
    forms: ["label noise", "noisy label", "ラベルノイズ", "ラベル誤り", "ラベルミス"],
  },
  { en: "domain adaptation", ja: "ドメイン適応", forms: ["domain adaptation", "ドメイン適応"] },
  { en: "chain of thought", ja: "思考の連鎖", forms: ["chain of thought", "chain-of-thought", "cot"] },
  { en: "knowledge graph", ja: "知識グラフ", forms: ["knowledge graph", "知識グラフ"] },
  { en: "summarization", ja: "要約", forms: ["summarization", "summarisation", "要約"] },
  { en: "diffusion model", ja: "拡散モデル", forms: ["diffusion model", "拡散モデル"] },
  { en: "ci/cd", ja: "CI/CD", forms: ["ci/cd", "cicd", "継続的インテグレーション"] },
];
