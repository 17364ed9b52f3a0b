/**
 * The settings tab and the dialogs ("New session note for date…", "Import Notion export…") in Chromium,
 * built from Obsidian's DOM (obsidian-ui.ts): zero WCAG 2.1 A/AA violations (axe-core) in light and
 * dark, English and Japanese, and keyboard walks that check what a screen reader is told at each stop.
 * Screenshots go to test-results/.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe";
import { announced, buildPage, focused, type Announced } from "./build-page";
import { en } from "../../src/i18n/en";
import { ja } from "../../src/i18n/ja";
import type { Settings } from "../../src/core/settings";
import type { MessageKey } from "../../src/i18n";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const root = join(__dirname, "..", "..");
const results = join(root, "test-results");
const THEMES = ["light", "dark"] as const;
type Table = Readonly<Record<MessageKey, string>>;
const LANGS: Record<"en" | "ja", Table> = { en, ja };

interface PageState {
  settings: Settings;
  saves: number;
  created: string[];
  imported: Array<{ name: string; folder: string }>;
}

/** The settings tab's controls in order: the setting's name, and the role it is announced with. */
function settingControls(table: Table): Array<[string, string]> {
  const text = (key: MessageKey): [string, string] => [table[key], "textbox"];
  return [
    text("settings.folder.name"),
    text("settings.fileName.name"),
    text("settings.series.name"),
    [table["settings.weekday.name"], "combobox"],
    [table["settings.interval.name"], "combobox"],
    text("settings.anchor.name"),
    text("settings.sessionTemplate.name"),
    text("settings.paperTemplate.name"),
    text("settings.roster.name"),
    text("settings.rotation.name"),
    text("stats.settings.time.name"),
    text("stats.settings.minutes.name"),
    text("stats.settings.count.name"),
    text("settings.kindAliases.name"),
    [table["settings.autoSync.name"], "checkbox"],
    [table["people.settings.links.name"], "checkbox"],
    text("people.settings.folder.name"),
    text("settings.papersFolder.name"),
    text("settings.s2Key.name"),
    text("settings.arxivApi.name"),
    text("settings.s2Api.name"),
    text("settings.crossrefApi.name"),
  ];
}

describe.runIf(existsSync(CHROMIUM))("settings tab and dialogs in Chromium", () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    mkdirSync(results, { recursive: true });
    url = await buildPage({
      entry: join(__dirname, "ui-page.ts"),
      obsidianModule: join(__dirname, "obsidian-ui.ts"),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(query: string, viewport = { width: 900, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${url}${query}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
    expect(errors).toEqual([]);
    return page;
  }

  const state = (page: Page): Promise<PageState> => page.evaluate(() => (window as unknown as { ssn: PageState }).ssn);

  /** A settings field found as a screen reader user finds it: by its role and name. */
  const field = (page: Page, name: string): Locator => page.getByRole("textbox", { name, exact: true });

  /** Press Tab `count` times, recording what is announced at each stop. */
  async function tabs(page: Page, count: number): Promise<Announced[]> {
    const stops: Announced[] = [];
    for (let i = 0; i < count; i++) {
      await page.keyboard.press("Tab");
      stops.push(await focused(page));
    }
    return stops;
  }

  /** Open a dialog as from the command palette: the command runs, focus was on the opener. */
  async function openDialog(page: Page): Promise<void> {
    await page.focus(".test-opener");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".modal");
  }

  describe("settings tab", () => {
    it("has no WCAG 2.1 A/AA violations in light and dark, English and Japanese, with a field's error shown", async () => {
      for (const theme of THEMES)
        for (const lang of ["en", "ja"] as const) {
          const page = await open(`?view=settings&theme=${theme}&lang=${lang}`);
          expect(await page.$$eval(".setting-item", (els) => els.length)).toBeGreaterThan(20);
          expect(await axeViolations(page), `${theme} ${lang}`).toEqual([]);
          await page.screenshot({ path: join(results, `settings-${theme}-${lang}.png`), fullPage: true });
          // A meeting date that is no date: the error under the field, in the theme's error colour.
          await field(page, LANGS[lang]["settings.anchor.name"]).fill("2024-02-30");
          await page.waitForSelector(".study-session-notes-setting-error:not(:empty)");
          expect(await axeViolations(page), `${theme} ${lang} with an error`).toEqual([]);
          await page.locator(".study-session-notes-setting-error:not(:empty)").scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(results, `settings-error-${theme}-${lang}.png`) });
          await page.close();
        }
    }, 120000);

    it("names every control by its setting and reads its description, in the order shown", async () => {
      for (const [lang, table] of Object.entries(LANGS)) {
        const page = await open(`?view=settings&lang=${lang}`);
        await page.focus(".test-opener");
        const expected = settingControls(table);
        const stops = await tabs(page, expected.length);
        expect(
          stops.map((s) => [s.name, s.role]),
          lang,
        ).toEqual(expected);
        // Descriptions are read after the name (the folder: where new notes go).
        expect(stops[0]?.description).toBe(table["settings.folder.desc"]);
        expect(stops[3]?.description).toBe("");
        // Section names are headings.
        const heading = await announced(page, ".setting-item-heading .setting-item-name");
        expect(heading).toMatchObject({ role: "heading", name: table["settings.heading.newNotes"] });
        await page.close();
      }
    }, 60000);

    it("announces an invalid meeting date when it appears and does not save it", async () => {
      const page = await open("?view=settings&lang=en");
      const anchor = field(page, en["settings.anchor.name"]);
      await anchor.focus();
      expect(await focused(page)).toMatchObject({ role: "textbox", name: en["settings.anchor.name"] });
      await page.keyboard.type("2024-02-30");
      const error = ".study-session-notes-setting-error:not(:empty)";
      await page.waitForSelector(error);
      expect(await page.$eval(error, (el) => [el.getAttribute("aria-live"), el.textContent])).toEqual([
        "polite",
        en["settings.anchor.invalid"],
      ]);
      const now = await focused(page);
      expect(now.states.invalid).toBe("true");
      expect(now.description).toBe(`${en["settings.anchor.desc"]} ${en["settings.anchor.invalid"]}`);
      expect((await state(page)).settings.anchorDate).toBe("");
      // Corrected: the error goes, the date is saved.
      await anchor.fill("2024-08-29");
      await page.waitForSelector(error, { state: "detached" });
      expect((await focused(page)).states.invalid).toBe("false");
      expect((await state(page)).settings.anchorDate).toBe("2024-08-29");
      await page.close();
    }, 60000);

    it("offers folders and notes under the path fields, taken with the arrows and Enter", async () => {
      for (const theme of THEMES) {
        const page = await open(`?view=settings&theme=${theme}&lang=ja`);
        const folder = field(page, ja["settings.folder.name"]);
        await folder.fill("");
        await folder.focus();
        await page.keyboard.type("arch");
        await page.waitForSelector(".suggestion-item");
        expect(await page.$$eval(".suggestion-item", (els) => els.map((el) => el.textContent))).toEqual([
          "Sessions/Archive",
        ]);
        expect(await axeViolations(page), `${theme} suggestions`).toEqual([]);
        await page.screenshot({ path: join(results, `settings-suggest-${theme}-ja.png`) });
        await page.keyboard.press("Enter");
        expect(await page.locator(".suggestion-container").count()).toBe(0);
        expect(await folder.inputValue()).toBe("Sessions/Archive");
        expect((await state(page)).settings.sessionsFolder).toBe("Sessions/Archive");
        // A template note: Markdown notes only, the arrows move through them.
        await field(page, ja["settings.sessionTemplate.name"]).focus();
        await page.keyboard.type("templates/");
        await page.waitForSelector(".suggestion-item");
        expect(await page.$$eval(".suggestion-item", (els) => els.map((el) => el.textContent))).toEqual([
          "Templates/Paper.md",
          "Templates/Session.md",
        ]);
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
        expect((await state(page)).settings.sessionTemplate).toBe("Templates/Session.md");
        await page.close();
      }
    }, 60000);

    it("switches automatic sync with the keyboard, announcing the new state", async () => {
      const page = await open("?view=settings&lang=en");
      await page.focus("input[type=checkbox]");
      const before = await focused(page);
      expect(before).toMatchObject({ role: "checkbox", name: en["settings.autoSync.name"] });
      expect(before.description).toBe(en["settings.autoSync.desc"]);
      expect(before.states.checked).toBe("true");
      await page.keyboard.press("Space");
      expect((await focused(page)).states.checked).toBe("false");
      expect((await state(page)).settings.autoSync).toBe(false);
      await page.close();
    }, 60000);
  });

  describe("New session note for date…", () => {
    it("has no WCAG 2.1 A/AA violations in light and dark, English and Japanese, with its error shown", async () => {
      for (const theme of THEMES)
        for (const lang of ["en", "ja"] as const) {
          const page = await open(`?view=date&theme=${theme}&lang=${lang}`, { width: 700, height: 500 });
          await openDialog(page);
          expect(await axeViolations(page), `${theme} ${lang}`).toEqual([]);
          await page.screenshot({ path: join(results, `date-dialog-${theme}-${lang}.png`) });
          await page.fill(".modal input", "");
          await page.keyboard.press("Enter");
          await page.waitForSelector(".modal .study-session-notes-setting-error:not(:empty)");
          expect(await axeViolations(page), `${theme} ${lang} with the error`).toEqual([]);
          await page.screenshot({ path: join(results, `date-dialog-error-${theme}-${lang}.png`) });
          await page.close();
        }
    }, 120000);

    it("opens on the date, named; Tab reaches Create; Enter creates; Escape closes back to where it was", async () => {
      for (const [lang, table] of Object.entries(LANGS)) {
        const page = await open(`?view=date&lang=${lang}`, { width: 700, height: 500 });
        await openDialog(page);
        expect(await announced(page, ".modal")).toMatchObject({ role: "dialog", name: table["dateModal.title"] });
        const date = await focused(page);
        expect(date.name).toBe(table["dateModal.date"]);
        expect(await page.inputValue(".modal input")).toBe("2024-09-05");
        // A date field has a stop for each of its parts (Chromium: three and its picker); then the button.
        const stops = await tabs(page, 5);
        const after = stops.findIndex((s) => s.name !== table["dateModal.date"]);
        expect(after).toBeGreaterThan(0);
        expect(stops[after]).toMatchObject({ role: "button", name: table["dateModal.create"] });
        // No date: nothing is created, the field says why and is read out.
        await page.fill(".modal input", "");
        await page.keyboard.press("Enter");
        const error = ".modal .study-session-notes-setting-error";
        expect(await page.$eval(error, (el) => [el.getAttribute("aria-live"), el.textContent])).toEqual([
          "polite",
          table["dateModal.invalid"],
        ]);
        const field = await focused(page);
        expect(field.states.invalid).toBe("true");
        expect(field.description).toBe(table["dateModal.invalid"]);
        expect((await state(page)).created).toEqual([]);
        // A date: Enter creates that note, the dialog is gone.
        await page.fill(".modal input", "2024-10-03");
        await page.keyboard.press("Enter");
        expect(await page.locator(".modal").count()).toBe(0);
        expect((await state(page)).created).toEqual(["2024-10-03"]);
        // Opened again and left with Escape: nothing created, focus back on what opened it.
        await openDialog(page);
        await page.keyboard.press("Escape");
        expect(await page.locator(".modal").count()).toBe(0);
        expect((await focused(page)).name).toBe("Open");
        expect((await state(page)).created).toEqual(["2024-10-03"]);
        await page.close();
      }
    }, 60000);
  });

  it("keeps settings and dialogs whole with a large font (24px), in Japanese, light and dark", async () => {
    for (const theme of THEMES)
      for (const view of ["settings", "date", "notion"]) {
        const page = await open(`?view=${view}&theme=${theme}&lang=ja&font=24`, { width: 900, height: 900 });
        if (view !== "settings") await openDialog(page);
        expect(await axeViolations(page), `${view} ${theme}`).toEqual([]);
        // Every setting's name and description stays inside its row.
        const cut = await page.$$eval(".setting-item-name, .setting-item-description", (els) =>
          els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
        );
        expect(cut, `${view} ${theme}`).toEqual([]);
        await page.screenshot({ path: join(results, `${view}-24px-${theme}-ja.png`) });
        await page.close();
      }
  }, 120000);

  describe("Import Notion export…", () => {
    const zip = readFileSync(join(root, "test", "fixtures", "notion-export", "2024-08-29.txt"));

    it("has no WCAG 2.1 A/AA violations in light and dark, English and Japanese, before and after a file is picked", async () => {
      for (const theme of THEMES)
        for (const lang of ["en", "ja"] as const) {
          const page = await open(`?view=notion&theme=${theme}&lang=${lang}`, { width: 700, height: 600 });
          await openDialog(page);
          expect(await axeViolations(page), `${theme} ${lang}`).toEqual([]);
          await page.setInputFiles(".modal input[type=file]", {
            name: "Export.zip",
            mimeType: "application/zip",
            buffer: zip,
          });
          expect(await axeViolations(page), `${theme} ${lang} picked`).toEqual([]);
          await page.screenshot({ path: join(results, `notion-dialog-${theme}-${lang}.png`) });
          await page.close();
        }
    }, 120000);

    it("walks folder, file and Import by keyboard, each named, and imports the picked file", async () => {
      for (const [lang, table] of Object.entries(LANGS)) {
        const page = await open(`?view=notion&lang=${lang}`, { width: 700, height: 600 });
        await openDialog(page);
        const dialog = await announced(page, ".modal");
        expect(dialog).toMatchObject({ role: "dialog", name: table["notionImport.title"] });
        expect(dialog.description).toBe(table["notionImport.help"]);
        const folder = await focused(page);
        expect(folder).toMatchObject({ role: "textbox", name: table["notionImport.folder"] });
        expect(folder.description).toBe(table["notionImport.folderDesc"]);
        const [file] = await tabs(page, 1);
        expect(file).toMatchObject({ role: "button", name: table["notionImport.file"] });
        // Nothing picked: Import is announced as unavailable and is no tab stop.
        expect((await announced(page, ".modal button")).states.disabled).toBe("true");
        await page.setInputFiles(".modal input[type=file]", {
          name: "Export.zip",
          mimeType: "application/zip",
          buffer: zip,
        });
        const [start] = await tabs(page, 1);
        expect(start).toMatchObject({ role: "button", name: table["notionImport.start"] });
        await page.keyboard.press("Enter");
        expect(await page.locator(".modal").count()).toBe(0);
        expect((await state(page)).imported).toEqual([{ name: "Export.zip", folder: "Sessions" }]);
        await page.close();
      }
    }, 60000);
  });
});
