/**
 * The session statistics view in Chromium: zero WCAG 2.1 A/AA violations (axe-core) in both themes and
 * languages, a keyboard walk through filters and charts, and the layout on a phone-wide pane.
 * Screenshots go to test-results/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import esbuild from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
const root = join(__dirname, "..", "..");
const results = join(root, "test-results");

function vaultNotes(): Record<string, string> {
  const notes: Record<string, string> = {};
  const exports = join(root, "test", "fixtures", "notion-export");
  for (const name of readdirSync(exports).filter((n) => n.endsWith(".txt")))
    notes[`Sessions/${name.replace(/\.txt$/, "")} 機械学習勉強会.md`] = readFileSync(join(exports, name), "utf8");
  for (const name of readdirSync(join(root, "demo", "notes")))
    notes[`Sessions/${name}`] = readFileSync(join(root, "demo", "notes", name), "utf8");
  return notes;
}

async function buildPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ssn-stats-"));
  await esbuild.build({
    entryPoints: [join(__dirname, "stats-page.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    outfile: join(dir, "page.js"),
    alias: { obsidian: "obsidian-test-mocks/obsidian" },
    define: { __NOTES__: JSON.stringify(vaultNotes()), "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  writeFileSync(join(dir, "theme.css"), readFileSync(join(__dirname, "theme.css")));
  writeFileSync(join(dir, "styles.css"), readFileSync(join(root, "styles.css")));
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Session statistics</title><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css"><style>.stats-pane{background:var(--background-primary);padding:16px;box-sizing:border-box}</style></head><body><script src="page.js"></script></body></html>',
  );
  return pathToFileURL(join(dir, "index.html")).href;
}

describe.runIf(available)("session statistics view in Chromium", () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    mkdirSync(results, { recursive: true });
    url = await buildPage();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(query: string, width = 960): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${url}${query}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    expect(errors).toEqual([]);
    return page;
  }

  it("has no WCAG 2.1 A/AA violations in light and dark, English and Japanese", async () => {
    for (const theme of ["light", "dark"])
      for (const lang of ["en", "ja"]) {
        const page = await open(`?theme=${theme}&lang=${lang}`);
        expect(await page.$$eval("figure svg", (els) => els.length)).toBe(3);
        // The tables behind the charts are checked too.
        await page.$$eval("details", (els) => els.forEach((el) => el.setAttribute("open", "")));
        expect(await axeViolations(page), `${theme} ${lang}`).toEqual([]);
        await page.$$eval("details", (els) => els.forEach((el) => el.removeAttribute("open")));
        await page.screenshot({ path: join(results, `stats-${theme}-${lang}.png`), fullPage: true });
        await page.close();
      }
  }, 120000);

  it("walks by keyboard from the filters into a chart, showing each point's numbers", async () => {
    const page = await open("?theme=light&lang=en");
    const focused = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent ?? ""}` : "";
      });
    // Tab through the filters (a date input has a stop for each of its fields) into the first chart.
    const walk: string[] = [];
    for (let i = 0; i < 20 && !walk.at(-1)?.startsWith("g "); i++) {
      await page.keyboard.press("Tab");
      const now = await focused();
      if (walk.at(-1) !== now) walk.push(now);
    }
    expect(walk.filter((w) => !w.startsWith("input"))).toEqual([
      "select All seriesML study group機械学習勉強会",
      "button Export schedule (.ics)",
      "div Upcoming meetings",
      "g 2024-05: 5 topics (Paper 1, Blog 1, Article 1, Repository 1, Untagged 1)",
    ]);
    await page.keyboard.press("ArrowRight");
    expect(await focused()).toMatch(/^g 2024-07: 7 topics/);
    expect(await page.$eval(".study-session-notes-tooltip:not(.is-hidden)", (el) => el.textContent)).toMatch(
      /^2024-07: 7 topics/,
    );
    await page.screenshot({ path: join(results, "stats-keyboard.png") });
    // One tab stop a chart: the next Tab goes to its table's toggle.
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("summary Show as table");
    await page.keyboard.press("Enter");
    expect(await page.$eval("details", (el) => el.hasAttribute("open"))).toBe(true);
    await page.close();
  }, 60000);

  it("reflows on a phone-wide pane: nothing wider than the pane but the scrolling charts", async () => {
    for (const theme of ["light", "dark"]) {
      const page = await open(`?theme=${theme}&lang=ja&width=360`, 360);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(results, `stats-narrow-${theme}-ja.png`), fullPage: true });
      await page.close();
    }
  }, 60000);
});
