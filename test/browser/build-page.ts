/**
 * A browser test page: `entry` bundled for Chromium with the theme (theme.css) and the plugin's
 * styles.css, `obsidian` resolved to `obsidianModule` (the in-memory App, or it with Obsidian's DOM for
 * settings and dialogs). Returns the page's file URL. And what a screen reader is told about an element.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import esbuild from "esbuild";
import type { Page } from "playwright-core";

const root = join(__dirname, "..", "..");

export async function buildPage(options: {
  entry: string;
  obsidianModule: string;
  define?: Record<string, string>;
}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ssn-page-"));
  await esbuild.build({
    entryPoints: [options.entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    outfile: join(dir, "page.js"),
    alias: { obsidian: options.obsidianModule },
    define: { "process.env.NODE_ENV": '"production"', ...options.define },
    logLevel: "error",
  });
  writeFileSync(join(dir, "theme.css"), readFileSync(join(__dirname, "theme.css")));
  writeFileSync(join(dir, "styles.css"), readFileSync(join(root, "styles.css")));
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Study Session Notes</title><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css"></head><body><script src="page.js"></script></body></html>',
  );
  return pathToFileURL(join(dir, "index.html")).href;
}

export interface Announced {
  role: string;
  name: string;
  description: string;
  /** `checked`, `invalid`, `disabled`… as Chromium reports them (only those set). */
  states: Record<string, string>;
}

/** What a screen reader is told about the element `selector` matches: Chromium's computed role, name, description and states. */
export async function announced(page: Page, selector: string): Promise<Announced> {
  const client = await page.context().newCDPSession(page);
  try {
    const { root: doc } = await client.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await client.send("DOM.querySelector", { nodeId: doc.nodeId, selector });
    if (!nodeId) throw new Error(`nothing matches ${selector}`);
    const { nodes } = await client.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    const node = nodes[0];
    const states: Record<string, string> = {};
    for (const p of node?.properties ?? []) {
      if (["checked", "invalid", "disabled", "expanded", "required"].includes(p.name))
        states[p.name] = String(p.value.value);
    }
    return {
      role: String(node?.role?.value ?? ""),
      name: String(node?.name?.value ?? ""),
      description: String(node?.description?.value ?? ""),
      states,
    };
  } finally {
    await client.detach();
  }
}

/** The element with keyboard focus, as announced. */
export async function focused(page: Page): Promise<Announced> {
  await page.evaluate(() => document.activeElement?.setAttribute("data-focused", "true"));
  try {
    return await announced(page, "[data-focused=true]");
  } finally {
    await page.evaluate(() => document.querySelector("[data-focused]")?.removeAttribute("data-focused"));
  }
}
