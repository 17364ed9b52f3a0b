/**
 * Words of a topic for relatedness, in Japanese and English: NFKC and case folding, word boundaries
 * from `Intl.Segmenter` (ICU's dictionary segmentation, in Obsidian's Electron and on mobile), CJK
 * character bigrams where no segmenter exists, stop words of both languages, light English stemming.
 */

const EN_STOP = new Set(
  (
    "a an and are as at be but by can do does for from has have how i in into is it its of on or our over so than that the their " +
    "them then there these they this to up us using via vs was we were what when which while who why will with without you your " +
    "new based towards toward about more most all any also one two"
  ).split(" "),
);

const JA_STOP = new Set(
  (
    "こと もの ため よう これ それ あれ この その あの ここ そこ する した して され される いる ある なる なっ られ れる ない です ます " +
    "という として による により において について における に対する など および また さらに ただし 話 的 化 件 ション"
  ).split(" "),
);

type Segmenter = { segment(text: string): Iterable<{ segment: string; isWordLike?: boolean }> };

let segmenter: Segmenter | null | undefined;

function getSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const intl = Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: "word" }) => Segmenter };
    segmenter = intl.Segmenter ? new intl.Segmenter("ja", { granularity: "word" }) : null;
  }
  return segmenter;
}

const HIRAGANA_ONLY = /^[\u3040-\u309f]+$/;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+/g;
const NUMBER = /^[0-9.,%]+$/;

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
]);

/** English plural and possessive endings, so `annotations` meets `annotation`. */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word) || UNSTEMMED.has(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is"))
    return word.slice(0, -1);
  return word;
}

function keep(token: string): boolean {
  if (token.length < 2 || NUMBER.test(token)) return false;
  if (EN_STOP.has(token) || JA_STOP.has(token)) return false;
  // Particles and endings (に, を, って, した): hiragana-only tokens of up to three characters.
  return !(HIRAGANA_ONLY.test(token) && token.length <= 3);
}

/** Tokens of `text`, in order, repeats kept (term frequency matters). */
export function tokenize(text: string, useSegmenter = true): string[] {
  const folded = text.normalize("NFKC").toLowerCase();
  const out: string[] = [];
  const seg = useSegmenter ? getSegmenter() : null;
  if (seg) {
    for (const part of seg.segment(folded)) {
      if (part.isWordLike === false) continue;
      const token = stem(part.segment);
      if (keep(token)) out.push(token);
    }
    return out;
  }
  // No segmenter: Latin words as they are, CJK runs as overlapping character pairs.
  for (const word of folded.replace(CJK_RUN, " ").split(/[^\p{L}\p{N}_-]+/u)) {
    const token = stem(word);
    if (keep(token)) out.push(token);
  }
  for (const run of folded.match(CJK_RUN) ?? []) {
    if (run.length === 1) continue;
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (!HIRAGANA_ONLY.test(pair)) out.push(pair);
    }
  }
  return out;
}
