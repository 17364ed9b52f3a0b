/** A clock whose waits pass at once and are written down; timeouts stay real (short in tests). */
import type { Clock } from "../../../src/core/papers/http";

export interface FakeClock extends Clock {
  slept: number[];
}

export function fakeClock(): FakeClock {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    timer: (ms) => {
      let handle: ReturnType<typeof setTimeout> | undefined;
      const done = new Promise<void>((resolve) => (handle = globalThis.setTimeout(resolve, ms)));
      return { done, cancel: () => globalThis.clearTimeout(handle) };
    },
  };
}
