/** Timing and reporting for `npm run bench`: medians after warm-up, figures judged by ratios. */
import { setTimeout as sleep } from "node:timers/promises";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the value is compared with, in words and number (null when judged on its own). */
  baseline: { name: string; value: number } | null;
  /** value ÷ baseline (or the value itself when there is no baseline), the number the target judges. */
  ratio: number;
  target: string;
  pass: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median wall time in ms of `fn` over `runs` runs, after `warmup` unmeasured runs. */
export function time(fn: () => unknown, runs = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Like `time`, with a full collection before each run: the figure is the work itself, not garbage
 * left by whatever ran before it (as at Obsidian's start-up, where the index is built first).
 */
export function timeCollected(fn: () => unknown, runs = 7, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function timeAsync(fn: () => Promise<unknown>, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Two timings taken interleaved (a, b, a, b …) so that a noisy neighbour slows both alike; the
 * ratio of medians is what holds on a busy machine.
 */
export function timePair(a: () => unknown, b: () => unknown, runs = 7, warmup = 2): [number, number] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    a();
    sa.push(performance.now() - start);
    start = performance.now();
    b();
    sb.push(performance.now() - start);
  }
  return [median(sa), median(sb)];
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
}

/**
 * A full collection, then time for the collector to finish sweeping the heap it left on its helper
 * threads: a clock started at once would count the sweep the first allocations wait for (tens of
 * milliseconds on a heap of a few hundred megabytes), a pause no plugin meets, since none forces a
 * collection before its work.
 */
export async function settledGc(): Promise<void> {
  gc();
  await sleep(300);
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.pass ? "pass" : "FAIL",
    f.name,
    `${round(f.value)} ${f.unit}`,
    f.baseline ? `${f.baseline.name}: ${round(f.baseline.value)} ${f.unit}` : "",
    f.baseline ? `${round(f.ratio)}×` : "",
    f.target,
  ]);
  const header = ["", "figure", "value", "baseline", "ratio", "target"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function round(n: number): string {
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(2);
}
