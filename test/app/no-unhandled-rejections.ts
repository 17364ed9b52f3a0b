/**
 * Setup for the app tests: a promise that rejected with nobody listening fails the test it happened
 * in (background work must catch what it starts), instead of surfacing as a stray error after the run.
 */
import { afterEach, expect } from "vitest";

const unhandled: unknown[] = [];
// Taken before any test can install fake timers: the check must wait for real.
const realSetTimeout = globalThis.setTimeout;

process.on("unhandledRejection", (reason) => unhandled.push(reason));

afterEach(async () => {
  // Node reports an unhandled rejection once the microtasks have drained: give it one macrotask.
  await new Promise((resolve) => realSetTimeout(resolve, 0));
  const seen = unhandled.splice(0).map((reason) => (reason instanceof Error ? reason.message : String(reason)));
  expect(seen, "promises rejected with no handler during this test").toEqual([]);
});
