/**
 * Long work as phases: each phase a list of items known when it starts, done one item at a time. The
 * CLI runs a job straight through (`runPhases`); the plugin runs each phase through its background work
 * queue, in slices between which the app draws, and may stop between two items.
 */

/** What a phase's items are, for progress messages. */
export type PhaseName = "unpack" | "tables" | "read" | "convert";

export interface Phase<T = unknown> {
  name: PhaseName;
  items: readonly T[];
  /** One item's work. Never throws: a problem is kept by the job and ends it (`next` returns null). */
  step(item: T): void;
}

export interface PhasedJob<R> {
  /** The next phase, or null when the work is done or a problem stopped it. */
  next(): Phase | null;
  /** What the work came to; call once `next` returned null. */
  result(): R;
}

export type PhaseProgress = (phase: PhaseName, done: number, total: number) => void;

/** Every phase of `job`, item after item, without a pause. */
export function runPhases<R>(job: PhasedJob<R>, progress?: PhaseProgress): R {
  for (let phase = job.next(); phase !== null; phase = job.next()) {
    const { name, items } = phase;
    for (let i = 0; i < items.length; i++) {
      phase.step(items[i]);
      progress?.(name, i + 1, items.length);
    }
  }
  return job.result();
}
