/**
 * The sidebar in a real Chromium (Debian's /usr/bin/chromium, driven by playwright-core): layout,
 * themes, search, and virtualization with real scrolling. Screenshots go to test-results/.
 * Without Chromium these tests are skipped with a warning, except in CI, where they must run.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import esbuild from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM} (apt-get install chromium)`);
if (!available)
  process.stderr.write(
    `Skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).\n`,
  );

const root = join(__dirname, "..", "..");
const results = join(root, "test-results");

function vaultNotes(): Record<string, string> {
  const notes: Record<string, string> = {};
  const exports = join(root, "test", "fixtures", "notion-export");
  for (const name of readdirSync(exports).filter((n) => n.endsWith(".txt"))) {
    notes[`Sessions/${name.replace(/\.txt$/, "")} 機械学習勉強会.md`] = readFileSync(join(exports, name), "utf8");
  }
  for (const name of readdirSync(join(root, "demo", "notes")))
    notes[`Sessions/${name}`] = readFileSync(join(root, "demo", "notes", name), "utf8");
  return notes;
}

async function buildPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ssn-browser-"));
  await esbuild.build({
    entryPoints: [join(__dirname, "page.ts")],
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
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css"></head><body><script src="page.js"></script></body></html>',
  );
  return pathToFileURL(join(dir, "index.html")).href;
}

describe.runIf(available)("topic index view in Chromium", () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    mkdirSync(results, { recursive: true });
    url = await buildPage();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(query = ""): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 360, height: 600 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${url}${query}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    expect(errors).toEqual([]);
    return page;
  }

  const rows = (page: Page): Promise<string[]> =>
    page.$$eval(".study-session-notes-row", (els) => els.map((el) => el.textContent ?? ""));
  const status = (page: Page): Promise<string> =>
    page.$eval(".study-session-notes-status", (el) => el.textContent ?? "");

  it("lays out every topic of the vault, in light and dark themes", async () => {
    for (const theme of ["light", "dark"]) {
      const page = await open(`?theme=${theme}`);
      expect(await status(page)).toBe("29 of 29 topics");
      const first = await page.$eval(".study-session-notes-topic", (el) => {
        const box = el.getBoundingClientRect();
        const title = el.querySelector(".study-session-notes-title")?.getBoundingClientRect();
        return { height: box.height, width: box.width, titleRight: title?.right ?? 0 };
      });
      expect(first.height).toBe(46);
      expect(first.titleRight).toBeLessThanOrEqual(first.width + 1);
      await page.screenshot({ path: join(results, `topic-index-${theme}.png`) });
      await page.close();
    }
  }, 60000);

  it("narrows as the user types, in Japanese too", async () => {
    const page = await open("?lang=ja");
    await page.fill(".study-session-notes-search", "アノテーション");
    await page.waitForFunction(
      () => document.querySelector(".study-session-notes-status")?.textContent !== "29 件中 29 件",
    );
    expect(await status(page)).toMatch(/^29 件中 \d+ 件$/);
    await page.fill(".study-session-notes-search", "bounding box");
    await page.waitForFunction(
      () => document.querySelector(".study-session-notes-status")?.textContent === "29 件中 3 件",
    );
    expect((await rows(page)).filter((r) => /ounding/i.test(r))).toHaveLength(3);
    await page.screenshot({ path: join(results, "topic-index-search-ja.png") });
    await page.close();
  }, 60000);

  it("shows related topics under the list when a topic is selected", async () => {
    const page = await open();
    await page.evaluate(() => {
      const open = (
        window as unknown as {
          ssn: { view: { app: { workspace: { getLeaf: () => { openFile: () => Promise<void> } } } } };
        }
      ).ssn.view.app.workspace;
      // Clicking also opens the note; the harness has no editor to open it in.
      open.getLeaf = () => ({ openFile: async () => undefined });
    });
    await page.fill(".study-session-notes-search", "Learning Intelligent Dialogs");
    await page.waitForFunction(
      () => document.querySelector(".study-session-notes-status")?.textContent === "2 of 29 topics",
    );
    await page.click(".study-session-notes-topic");
    await page.waitForSelector(".study-session-notes-related-row");
    expect(await page.$eval(".study-session-notes-same-paper", (el) => el.textContent)).toBe(
      "Presented before: 2024-07-24 (Shun Ito)",
    );
    const related = await page.$$eval(".study-session-notes-related-row .study-session-notes-title", (els) =>
      els.map((el) => el.textContent),
    );
    expect(related).toContain("Can we trust bounding box annotations for object detection?");
    await page.screenshot({ path: join(results, "topic-index-related.png") });
    await page.close();
  }, 60000);

  it("keeps at most 600 DOM nodes with 80,000 topics while scrolling to the end", async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as { ssn: { fill: (n: number) => void } }).ssn.fill(10000));
    await page.waitForFunction(() =>
      document.querySelector(".study-session-notes-status")?.textContent?.startsWith("80029"),
    );
    const count = (): Promise<number> => page.$$eval(".study-session-notes-view *", (els) => els.length);
    expect(await count()).toBeLessThanOrEqual(600);
    await page.$eval(".study-session-notes-list", (el) => el.scrollTo(0, el.scrollHeight));
    // After the scroll, the rows drawn are the last ones: the untagged group at the very end.
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".study-session-notes-row")].some((r) => r.textContent?.includes("Untagged")),
    );
    expect(await count()).toBeLessThanOrEqual(600);
    await page.screenshot({ path: join(results, "topic-index-80k-bottom.png") });
    await page.close();
  }, 60000);
});
