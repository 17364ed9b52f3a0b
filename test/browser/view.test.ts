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
import { axeViolations } from "./axe";

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
    page.on("pageerror", (error) => process.stderr.write(`PAGEERROR ${error.stack ?? error.message}\n`));
    await page.goto(`${url}${query}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    expect(errors).toEqual([]);
    return page;
  }

  /** The view's part of the page, for axe (the page around it is this test's scaffolding). */
  const VIEW = ".workspace-leaf-content";

  /** What a screen reader is told about an element: Chromium's own computed role and name. */
  async function announced(page: Page, selector: string): Promise<{ role: string; name: string }> {
    const client = await page.context().newCDPSession(page);
    const { root } = await client.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await client.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`nothing matches ${selector}`);
    const { nodes } = await client.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    await client.detach();
    return { role: String(nodes[0]?.role?.value ?? ""), name: String(nodes[0]?.name?.value ?? "") };
  }

  /** The element the tree names as active (`aria-activedescendant`), as announced. */
  async function activeRow(page: Page): Promise<{ role: string; name: string; exists: boolean }> {
    const id = await page.$eval("[role=tree]", (el) => el.getAttribute("aria-activedescendant") ?? "");
    const exists = id !== "" && (await page.$(`[id="${id}"]`)) !== null;
    return exists ? { ...(await announced(page, `[id="${id}"]`)), exists } : { role: "", name: "", exists };
  }

  /** The element with keyboard focus, as announced. */
  async function focused(page: Page): Promise<{ role: string; name: string }> {
    await page.evaluate(() => document.activeElement?.setAttribute("data-focused", "true"));
    const result = await announced(page, "[data-focused=true]");
    await page.evaluate(() => document.activeElement?.removeAttribute("data-focused"));
    return result;
  }

  const stubOpening = (page: Page): Promise<void> =>
    page.evaluate(() => {
      const open = (
        window as unknown as {
          ssn: { view: { app: { workspace: { getLeaf: () => { openFile: () => Promise<void> } } } } };
        }
      ).ssn.view.app.workspace;
      // Clicking also opens the note; the harness has no editor to open it in.
      open.getLeaf = () => ({ openFile: async () => undefined });
    });

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
        return { width: box.width, right: box.right, titleRight: title?.right ?? 0 };
      });
      expect(first.titleRight).toBeLessThanOrEqual(first.right + 1);
      await page.screenshot({ path: join(results, `topic-index-${theme}.png`) });
      await page.close();
    }
  }, 60000);

  it("narrows as the user types, in Japanese too", async () => {
    const page = await open("?lang=ja");
    await page.fill(".study-session-notes-search input", "アノテーション");
    await page.waitForFunction(
      () => document.querySelector(".study-session-notes-status")?.textContent !== "29 件中 29 件",
    );
    expect(await status(page)).toMatch(/^29 件中 \d+ 件$/);
    await page.fill(".study-session-notes-search input", "bounding box");
    await page.waitForFunction(
      () => document.querySelector(".study-session-notes-status")?.textContent === "29 件中 3 件",
    );
    expect((await rows(page)).filter((r) => /ounding/i.test(r))).toHaveLength(3);
    await page.screenshot({ path: join(results, "topic-index-search-ja.png") });
    await page.close();
  }, 60000);

  it("shows related topics under the list when a topic is selected", async () => {
    const page = await open();
    await stubOpening(page);
    await page.fill(".study-session-notes-search input", "Learning Intelligent Dialogs");
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
    // What was found is said once (a polite live region), not the whole list.
    expect(
      await page.$eval(".study-session-notes-related [role=status]", (el) => [
        el.getAttribute("aria-live") ?? "polite",
        el.textContent,
      ]),
    ).toEqual(["polite", `${related.length} related topics. Presented before: 2024-07-24 (Shun Ito)`]);
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
  it("groups 80,000 topics by 3,000 tags, each topic in two, in Japanese at 24px: any row reached, an edit moves it in place", async () => {
    const page = await open("?lang=ja&font=24");
    await stubOpening(page);
    await page.evaluate(() =>
      (window as unknown as { ssn: { fill: (n: number, t: number) => void } }).ssn.fill(10000, 3000),
    );
    await page.selectOption("select", "tag");
    await page.waitForFunction(() =>
      document.querySelector(".study-session-notes-group-name")?.textContent?.startsWith("#"),
    );
    const count = (): Promise<number> => page.$$eval(".study-session-notes-view *", (els) => els.length);
    expect(await count()).toBeLessThanOrEqual(600);
    // Halfway down the list: tag groups and their topics, drawn where the scroll put them.
    await page.$eval(".study-session-notes-list", (el) => el.scrollTo(0, el.scrollHeight / 2));
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".study-session-notes-row")].some((r) =>
        /Synthetic topic/.test(r.textContent ?? ""),
      ),
    );
    expect(await count()).toBeLessThanOrEqual(600);
    // At the end: the demo's topics, which have no tags, in the "no tag" group last.
    const bottom = async (): Promise<string[]> => {
      await page.$eval(".study-session-notes-list", (el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForFunction(() =>
        /LLMエージェント/.test([...document.querySelectorAll(".study-session-notes-row")].at(-1)?.textContent ?? ""),
      );
      return rows(page);
    };
    expect((await bottom()).some((row) => /Synthetic/.test(row))).toBe(false);
    // One note edited: its eight topics leave their tags for a new one. The new group of eight takes its
    // place by size: below every synthetic tag group (about 53 topics each), above the demo's smaller
    // tag groups and its "no tag" group, which fill the last few dozen rows.
    await page.evaluate(() => {
      const { service, view } = (
        window as unknown as {
          ssn: {
            service: {
              index: { get: (file: string) => unknown; upsert: (entry: unknown) => void };
              events: { trigger: (...args: unknown[]) => void };
            };
            view: { flush: () => void };
          };
        }
      ).ssn;
      const entry = service.index.get("Synthetic/0.md") as { file: string; topics: Array<{ tags: string[] }> };
      const edited = { ...entry, topics: entry.topics.map((topic) => ({ ...topic, tags: ["a-brand-new-tag"] })) };
      service.index.upsert(edited);
      service.events.trigger("session", edited.file, edited);
      service.events.trigger("changed");
      view.flush();
    });
    await bottom();
    await page.$eval(".study-session-notes-list", (el) => {
      const topic = el.querySelector(".study-session-notes-topic")?.getBoundingClientRect().height ?? 0;
      el.scrollBy(0, -(31 * topic));
    });
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".study-session-notes-group-name")].some(
        (el) => el.textContent === "#a-brand-new-tag",
      ),
    );
    const counts = await page.$$eval(".study-session-notes-group", (els) =>
      els.map((el) => [
        el.querySelector(".study-session-notes-group-name")?.textContent,
        el.querySelector(".study-session-notes-group-count")?.textContent,
      ]),
    );
    expect(counts).toContainEqual(["#a-brand-new-tag", "8"]);
    expect(await count()).toBeLessThanOrEqual(600);
    await page.screenshot({ path: join(results, "topic-index-80k-tags-24px-ja.png") });
    await page.close();
  }, 60000);

  it("passes axe-core's WCAG 2.1 A/AA rules in both themes and languages, with the related panel open", async () => {
    for (const theme of ["light", "dark"]) {
      for (const lang of ["en", "ja"]) {
        const page = await open(`?theme=${theme}&lang=${lang}`);
        await stubOpening(page);
        expect(await axeViolations(page, { include: VIEW }), `${theme} ${lang}`).toEqual([]);
        // A topic presented before: the related panel shows the notice and the badge shows in the list.
        await page.fill(".study-session-notes-search input", "Learning Intelligent Dialogs");
        await page.waitForFunction(() => document.querySelectorAll(".study-session-notes-topic").length === 2);
        await page.click(".study-session-notes-topic");
        await page.waitForSelector(".study-session-notes-related-row");
        await page.waitForSelector(".study-session-notes-chip.is-again");
        expect(await axeViolations(page, { include: VIEW }), `${theme} ${lang} related`).toEqual([]);
        await page.keyboard.press("End");
        await page.close();
      }
    }
  }, 120000);

  it("passes axe-core with 80,000 topics scrolled to the middle, the active row kept while scrolling", async () => {
    const page = await open("?theme=dark");
    await page.evaluate(() => (window as unknown as { ssn: { fill: (n: number) => void } }).ssn.fill(10000));
    await page.waitForFunction(() =>
      document.querySelector(".study-session-notes-status")?.textContent?.startsWith("80029"),
    );
    await page.focus("[role=tree]");
    await page.keyboard.press("ArrowDown");
    const before = await activeRow(page);
    expect(before.exists).toBe(true);
    await page.$eval(".study-session-notes-list", (el) => el.scrollTo(0, el.scrollHeight / 2));
    await page.waitForFunction(
      () => Number(document.querySelector(".study-session-notes-row:last-child")?.getAttribute("data-index")) > 1000,
    );
    // Scrolled 40,000 rows away, the active row is still there under the same id, with the same name.
    expect(await activeRow(page)).toEqual(before);
    expect(await axeViolations(page, { include: VIEW })).toEqual([]);
    const middle = await page.$$eval(".study-session-notes-topic", (els) =>
      els.map((el) => [el.getAttribute("aria-posinset"), el.getAttribute("aria-setsize")]),
    );
    expect(middle.some(([pos]) => Number(pos) > 1000)).toBe(true);
    expect(middle.every(([pos, size]) => Number(pos) <= Number(size))).toBe(true);
    await page.screenshot({ path: join(results, "topic-index-80k-middle-dark.png") });
    await page.close();
  }, 60000);

  it("walks by Tab and arrows, announcing each control and the active row", async () => {
    const page = await open();
    await stubOpening(page);
    await page.focus(".study-session-notes-search input");
    expect(await focused(page)).toEqual({ role: "searchbox", name: "Search topics" });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ role: "combobox", name: "Group topics" });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toEqual({ role: "button", name: "Show only the topics of the open note" });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toEqual({ role: "button", name: "Open session statistics" });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toEqual({ role: "tree", name: "Topics" });
    const firstGroup = await announced(page, ".study-session-notes-group");
    expect(firstGroup.name).toMatch(/^\w+ \d+ topics$/);
    expect(await activeRow(page)).toEqual({ ...firstGroup, exists: true });
    await page.keyboard.press("ArrowDown");
    const first = await activeRow(page);
    expect(first.role).toBe("treeitem");
    const title = await page.$eval(".study-session-notes-topic .study-session-notes-title", (el) => el.textContent);
    expect(first.name.startsWith(title ?? "?")).toBe(true);
    await page.keyboard.press("ArrowLeft");
    expect(await activeRow(page)).toMatchObject({ name: firstGroup.name });
    await page.keyboard.press("ArrowLeft");
    expect(await announced(page, "[aria-expanded=false]")).toEqual(firstGroup);
    await page.keyboard.press("ArrowDown");
    const second = await activeRow(page);
    expect(second.name).not.toBe(firstGroup.name);
    expect(second.name).toMatch(/^\w+ \d+ topics$/);
    await page.keyboard.press("End");
    const last = await activeRow(page);
    expect(last.exists).toBe(true);
    await page.keyboard.press("Home");
    expect(await activeRow(page)).toMatchObject({ name: firstGroup.name });
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    // Enter on a topic opens it and shows its related topics; Tab then reaches the panel.
    await page.keyboard.press("Enter");
    await page.waitForSelector(".study-session-notes-related:not(.is-hidden)");
    const found = await page.waitForSelector(".study-session-notes-related [role=status]:not(.is-loading)");
    expect(await found.textContent()).toMatch(/^(\d+ related topics|No related topics in other sessions yet\.)/);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toEqual({ role: "button", name: "Close related topics" });
    await page.keyboard.press("Enter");
    expect(await page.$(".study-session-notes-related.is-hidden")).not.toBeNull();
    expect(await focused(page)).toEqual({ role: "tree", name: "Topics" });
    await page.close();
  }, 60000);

  it("keeps rows whole and apart with the interface zoomed (body zoom 150%) and a large font", async () => {
    for (const lang of ["en", "ja"]) {
      const page = await open(`?theme=light&lang=${lang}&font=20&zoom=1.5`);
      await page.screenshot({ path: join(results, `topic-index-zoom-${lang}.png`) });
      const layout = await page.$$eval(".study-session-notes-row", (els) => {
        const whole = els.every((el) => {
          const row = el.getBoundingClientRect();
          return [...el.querySelectorAll(".study-session-notes-title, .study-session-notes-meta")].every((child) => {
            const box = child.getBoundingClientRect();
            return box.top >= row.top - 0.5 && box.bottom <= row.bottom + 0.5;
          });
        });
        const boxes = els.map((el) => el.getBoundingClientRect()).sort((a, b) => a.top - b.top);
        const gaps = boxes.slice(1).map((box, i) => box.top - (boxes[i]?.bottom ?? box.top));
        // A row is as tall as what it shows: the room under its last line is its padding, as above the first.
        const slack = [...document.querySelectorAll(".study-session-notes-topic")].map((el) => {
          const row = el.getBoundingClientRect();
          const title = el.querySelector(".study-session-notes-title")?.getBoundingClientRect();
          const meta = el.querySelector(".study-session-notes-meta")?.getBoundingClientRect();
          return title && meta ? row.bottom - meta.bottom - (title.top - row.top) : 0;
        });
        return { whole, gaps, slack };
      });
      expect(Math.max(...layout.slack.map(Math.abs)), lang).toBeLessThanOrEqual(3);
      expect(layout.whole, lang).toBe(true);
      // Rows sit one right under the other: no overlap, no gap.
      expect(Math.min(...layout.gaps), lang).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...layout.gaps), lang).toBeLessThanOrEqual(1);
      await page.close();
    }
  }, 60000);

  it("grows its rows with a large font, in both languages and themes, without clipping", async () => {
    for (const font of [20, 24]) {
      for (const lang of ["en", "ja"]) {
        for (const theme of ["light", "dark"]) {
          const page = await open(`?theme=${theme}&lang=${lang}&font=${font}`);
          await stubOpening(page);
          await page.selectOption("select", "month");
          await page.waitForFunction(() =>
            /2024/.test(document.querySelector(".study-session-notes-group-name")?.textContent ?? ""),
          );
          const month = await page.$eval(".study-session-notes-group-name", (el) => el.textContent);
          expect(month).toBe(lang === "ja" ? "2024年9月" : "September 2024");
          // Every line of every row fits inside its row, and rows do not overlap.
          const fits = await page.$$eval(".study-session-notes-row", (els) =>
            els.map((el) => {
              const row = el.getBoundingClientRect();
              const inner = [...el.querySelectorAll(".study-session-notes-title, .study-session-notes-meta")];
              return inner.every((child) => {
                const box = child.getBoundingClientRect();
                return box.top >= row.top - 0.5 && box.bottom <= row.bottom + 0.5 && box.height >= 1;
              });
            }),
          );
          expect(fits.every(Boolean), `${font}px ${lang} ${theme}`).toBe(true);
          const placeholder = await page.$eval(".study-session-notes-search input", (el) => {
            const input = el as HTMLInputElement;
            const probe = document.body.createSpan({ text: input.placeholder });
            probe.style.font = getComputedStyle(input).font;
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            const style = getComputedStyle(input);
            return {
              text: width,
              room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
            };
          });
          expect(placeholder.text, `placeholder fits at ${font}px ${lang}`).toBeLessThanOrEqual(placeholder.room);
          await page.click(".study-session-notes-topic");
          await page.waitForSelector(
            ".study-session-notes-related-row, .study-session-notes-related-status:not(.is-loading)",
          );
          expect(await axeViolations(page, { include: VIEW }), `${font}px ${lang} ${theme}`).toEqual([]);
          await page.screenshot({ path: join(results, `topic-index-${font}px-${lang}-${theme}.png`) });
          await page.close();
        }
      }
    }
  }, 180000);
});
