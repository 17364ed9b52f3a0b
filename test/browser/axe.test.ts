/**
 * The shared axe-core runner (axe.ts) itself: it finds what it should and passes clean markup, so a
 * view test that expects `[]` from it means something.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

describe.runIf(existsSync(CHROMIUM))("the axe-core runner", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  it("reports a select without a name and low-contrast text, and passes the same page fixed", async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main>' +
        '<select id="s"><option>a</option></select>' +
        '<p style="color:#aaa;background:#fff">faint</p></main></body></html>',
    );
    const found = await axeViolations(page);
    expect(found.some((v) => v.startsWith("select-name (critical)"))).toBe(true);
    expect(found.some((v) => v.startsWith("color-contrast (serious)"))).toBe(true);
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main>' +
        '<label for="s">Group by</label><select id="s"><option>a</option></select>' +
        '<p style="color:#5c5c5c;background:#fff">muted</p></main></body></html>',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeViolations(page, { include: "main", exclude: ["p"] })).toEqual([]);
    await page.close();
  });
});
