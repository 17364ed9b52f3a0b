/**
 * Helpers for tests of the plugin's background work: its services, notes that arrive late, a clock the
 * test controls, and a watch on how long the app went without a turn of its event loop.
 */
import { Notice } from "obsidian-test-mocks/obsidian";
import { vi } from "vitest";
import { IndexService } from "../../src/app/index/index-service";
import { TopicSync } from "../../src/app/properties/topic-sync";
import { BackgroundWork } from "../../src/app/work/background-work";
import type { Harness } from "./harness";

function childOf<T>(h: Harness, type: abstract new (...args: never[]) => T): T {
  const children = (h.plugin as unknown as { children__: unknown[] }).children__;
  const found = children.find((c): c is T => c instanceof type);
  if (!found) throw new Error(`no ${type.name}`);
  return found;
}

export const indexOf = (h: Harness): IndexService => childOf(h, IndexService);
export const syncOf = (h: Harness): TopicSync => childOf(h, TopicSync);
export const workOf = (h: Harness): BackgroundWork => childOf(h, BackgroundWork);

/** A promise the test settles when it wants to. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** `count` unsynced session notes of a few topics each, in `Sessions/`. */
export function sessionVault(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2020, 0, 2) + i * 7 * 86400000).toISOString().slice(0, 10);
    files[`Sessions/${day}.md`] = `今週のTOPIC\n@Alice\n[blog] Topic ${i}\n- summary ${i}\n@Bob\n[論文] Paper ${i}\n`;
  }
  return files;
}

/**
 * A clock only the test moves: `performance.now()` (what the plugin measures its slices by) reads it,
 * and `cost(method, ms)` makes each call of a vault method take that long on it.
 */
export function virtualClock(h: Harness): {
  now: () => number;
  advance: (ms: number) => void;
  cost: (method: "process" | "cachedRead", ms: number) => void;
} {
  let now = 0;
  vi.spyOn(performance, "now").mockImplementation(() => now);
  return {
    now: () => now,
    advance: (ms) => void (now += ms),
    cost: (method, ms) => {
      const vault = h.app.vault as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const original = vault[method]?.bind(h.app.vault);
      if (!original) throw new Error(`no vault.${method}`);
      vi.spyOn(h.app.vault, method).mockImplementation(((...args: unknown[]) => {
        now += ms;
        return original(...args);
      }) as never);
    },
  };
}

/**
 * The longest stretch of clock time between two turns of the event loop, as a timer that keeps
 * rescheduling itself sees it: what the user would feel as the app freezing.
 */
export function watchEventLoop(now: () => number): { longest: () => number; stop: () => void } {
  let last = now();
  let longest = 0;
  let stopped = false;
  const tick = (): void => {
    const t = now();
    longest = Math.max(longest, t - last);
    last = t;
    if (!stopped) window.setTimeout(tick, 0);
  };
  window.setTimeout(tick, 0);
  return {
    longest: () => Math.max(longest, now() - last),
    stop: () => (stopped = true),
  };
}

/** Every notice shown since `spy` was made, as the objects (for their buttons). */
export function noticeSpy(): () => Array<{ message: string; el: HTMLElement }> {
  const spy = vi.spyOn(Notice.prototype, "constructor__");
  return () =>
    // The mocks' Notice keeps the real one's `messageEl`; its declared type does not reach here.
    (spy.mock.contexts as Array<{ messageEl: HTMLElement }>).map(({ messageEl: el }) => ({
      message: el.textContent ?? "",
      el,
    }));
}
