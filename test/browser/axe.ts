/**
 * axe-core (the standard accessibility engine) run inside a playwright page, for every view and
 * dialog test: `expect(await axeViolations(page)).toEqual([])`. Judged by WCAG 2.1 A and AA rules;
 * a failure lists each violation with its rule, impact, help text and the offending elements, so
 * the test output says what to fix.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The rule sets the project is judged by. */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

export interface AxeOptions {
  /** CSS selector of the part of the page to check (default: the whole document). */
  include?: string;
  /** CSS selectors to leave out (e.g. the test harness's own scaffolding). */
  exclude?: readonly string[];
}

/** One line per violation and element: `rule (impact): help — target: failure summary`. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  const injected = await page.evaluate(() => "axe" in window);
  if (!injected) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(
    async ({ include, exclude, tags }) => {
      const axe = (window as unknown as { axe: AxeGlobal }).axe;
      const context = { include: include ? [include] : [["html"]], exclude: exclude.map((s) => [s]) };
      const result = await axe.run(context, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? "",
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary ?? "" })),
      }));
    },
    { include: options.include ?? null, exclude: [...(options.exclude ?? [])], tags: [...WCAG_21_AA] },
  );
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target}: ${n.summary.replace(/\s+/g, " ")}`),
  );
}

/** The slice of axe-core's API used above (its types describe the Node entry, not the page global). */
interface AxeGlobal {
  run: (
    context: unknown,
    options: unknown,
  ) => Promise<{
    violations: Array<{
      id: string;
      impact?: string | null;
      help: string;
      nodes: Array<{ target: string[]; failureSummary?: string }>;
    }>;
  }>;
}
