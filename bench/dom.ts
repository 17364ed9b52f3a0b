/** A DOM and an in-memory Obsidian for figures measured in the plugin-shell harness (no browser). */
import { Window } from "happy-dom";

const GLOBALS = [
  "document",
  "Node",
  "Element",
  "HTMLElement",
  "Document",
  "DocumentFragment",
  "SVGElement",
  "Text",
  "Event",
  "KeyboardEvent",
  "MouseEvent",
  "CustomEvent",
  "navigator",
  "getComputedStyle",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "ResizeObserver",
  "IntersectionObserver",
  "HTMLDivElement",
  "HTMLInputElement",
] as const;

export async function installDom(): Promise<void> {
  const window = new Window({ url: "http://localhost/" });
  const target = globalThis as Record<string, unknown>;
  const source = window as unknown as Record<string, unknown>;
  target.window = window;
  // Every DOM class (UIEvent, HTMLElement …) that Node does not already define.
  for (const name of Object.getOwnPropertyNames(window)) {
    if (/^[A-Z]/.test(name) && !(name in target)) target[name] = source[name];
  }
  for (const name of GLOBALS) {
    const value = source[name];
    target[name] =
      typeof value === "function" && /^[a-z]/.test(name) ? (value as (...a: unknown[]) => unknown).bind(window) : value;
  }
  target.activeDocument = window.document;
  target.activeWindow = window;
  const { setup } = await import("obsidian-test-mocks/setup");
  setup();
}
