/**
 * The related-topics quality check: labelled pairs (test/fixtures/related/pairs.json) over the Notion
 * exports and notes written for it, in both languages. Used by the tests (core, CLI, plugin) and the bench.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export interface LabelledPair {
  query: string;
  related: string;
  crossLingual?: boolean;
}

interface Labels {
  pairs: LabelledPair[];
  unrelated: Array<{ query: string; notInTop: string }>;
}

/** From the repository's root (tests and the bench both run there; the bench is bundled, so no __dirname). */
const root = join(process.cwd(), "test", "fixtures");

/** The vault the pairs are labelled on: path → text (the exports as the plugin's harness names them). */
export function qualityVault(): Record<string, string> {
  const out: Record<string, string> = {};
  const exports = join(root, "notion-export");
  for (const name of readdirSync(exports).filter((n) => n.endsWith(".txt")))
    out[`Sessions/${name.replace(/\.txt$/, "")} 機械学習勉強会.md`] = readFileSync(join(exports, name), "utf8");
  const notes = join(root, "related");
  for (const name of readdirSync(notes).filter((n) => n.endsWith(".md")))
    out[`Sessions/${name}`] = readFileSync(join(notes, name), "utf8");
  return out;
}

export function labels(): Labels {
  return JSON.parse(readFileSync(join(root, "related", "pairs.json"), "utf8")) as Labels;
}

export interface Quality {
  hits: number;
  total: number;
  misses: string[];
  /** Labelled-unrelated topics that showed up in the top 3 anyway. */
  intruders: string[];
}

/**
 * hits@3: for each pair, is the related topic among the query topic's top 3? `top3` gives the titles
 * of a topic's three most related, by its title; topics are named by title prefix in the labels.
 */
export function hitsAt3(titles: readonly string[], top3: (title: string) => string[]): Quality {
  const find = (prefix: string): string => {
    const title = titles.find((t) => t === prefix) ?? titles.find((t) => t.startsWith(prefix));
    if (title === undefined) throw new Error(`no topic titled "${prefix}…"`);
    return title;
  };
  const { pairs, unrelated } = labels();
  const misses: string[] = [];
  let hits = 0;
  for (const pair of pairs) {
    const got = top3(find(pair.query));
    if (got.includes(find(pair.related))) hits++;
    else misses.push(`${pair.query} → ${pair.related} (got: ${got.join(" | ")})`);
  }
  const intruders = unrelated
    .filter((u) => top3(find(u.query)).includes(find(u.notInTop)))
    .map((u) => `${u.query} ↛ ${u.notInTop}`);
  return { hits, total: pairs.length, misses, intruders };
}

/** Reason text that betrays the method: URL pieces, or a comment's handle. */
export const LEAKY_REASON = /https?|:\/\/|www|arxiv\.org|\.com|\.io\b|\babs\b|\bpdf\b|shima|kamikawa|qluto|\[/i;
