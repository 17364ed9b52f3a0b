import { join } from "node:path";
import esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { ja } from "../../src/i18n/ja";
// @ts-expect-error: a build script in plain JavaScript, without types
import * as keysOnce from "../../scripts/i18n-keys-once.mjs";

const { i18nKeysOnce, jaModule, runModule, shortKeys, shortKeyTable, shortenKeys } = keysOnce as Record<
  string,
  unknown
>;

const i18nDir = join(__dirname, "..", "..", "src", "i18n");

/** src/i18n/index.ts built as main.js builds it, loaded as a module. */
async function builtI18n(): Promise<typeof import("../../src/i18n")> {
  const built = await esbuild.build({
    entryPoints: [join(i18nDir, "index.ts")],
    bundle: true,
    format: "cjs",
    platform: "browser",
    charset: "utf8",
    minify: true,
    plugins: [i18nKeysOnce as esbuild.Plugin],
    write: false,
    logLevel: "silent",
  });
  const run = runModule as (code: string) => typeof import("../../src/i18n");
  return run(built.outputFiles[0]?.text ?? "");
}

describe("main.js carries the message keys once", () => {
  it("holds ja.ts's strings without its keys", async () => {
    const module = await (jaModule as (dir: string) => Promise<string>)(i18nDir);
    expect(module).not.toContain('"settings.corrupt"');
    expect(module).toContain(JSON.stringify(ja["settings.corrupt"]));
  });

  it("and gives back every string of both languages, as the source has them, by the keys main.js uses", async () => {
    const { createTranslator } = await builtI18n();
    const [english, japanese] = [createTranslator("en"), createTranslator("ja")];
    const short = await (shortKeyTable as (dir: string) => Promise<Map<string, string>>)(join(i18nDir, ".."));
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const used = (short.get(key) ?? key) as keyof typeof en;
      expect(english(used), key).toBe(en[key]);
      expect(japanese(used), key).toBe(ja[key]);
    }
    // Keys the source builds from a prefix keep their names: a made-up kind tag still reads as itself.
    expect(short.has("kind.paper")).toBe(false);
    expect(english("kind.paper")).toBe(en["kind.paper"]);
    expect(english("kind.made-up" as keyof typeof en)).toBe("kind.made-up");
  });
});

describe("message keys as short names", () => {
  const short = shortKeys as (keys: string[], texts: string[]) => Map<string, string>;
  const shorten = shortenKeys as (code: string, table: Map<string, string>) => string;
  const keys = ["a.one", "a.two", "kind.paper", "kind.blog", "view.none.tag"];

  it.each([
    ["written whole", 't("a.one")', ["a.one", "a.two", "kind.paper", "kind.blog", "view.none.tag"]],
    ["built from a prefix in a template", "t(`kind.${k}`)", ["a.one", "a.two", "view.none.tag"]],
    ["built from a prefix in a sum", 't("view.none." + g)', ["a.one", "a.two", "kind.paper", "kind.blog"]],
  ])("%s: the keys that get short names", (_, text, shortened) => {
    expect([...short(keys, [text]).keys()]).toEqual(shortened);
  });

  it("gives each key its own name of letters, so objects keep the keys' order", () => {
    const many = Array.from({ length: 3000 }, (_, i) => `k.n${i}`);
    const names = [...short(many, []).values()];
    expect(new Set(names).size).toBe(many.length);
    for (const name of names) expect(name).toMatch(/^[a-zA-Z]+$/);
    const table = Object.fromEntries(names.map((name, i) => [name, i]));
    expect(Object.values(table)).toEqual(many.map((_, i) => i));
  });

  it.each([
    ["a key built from its end", "t(`${group}.one`)", /built from its end/],
    ["a key in single quotes", "t('a.two')", /double quotes/],
    ["a key in a plain template", "t(`a.two`)", /double quotes/],
  ])("refuses %s, which it would miss", (_, text, message) => {
    expect(() => short(keys, [text])).toThrow(message);
  });

  it("replaces only a whole key in double quotes", () => {
    const table = short(keys, []);
    const code = 't("a.one"); t("a.one.more"); x("a.on"); "kind.paper"';
    expect(shorten(code, table)).toBe(
      `t("${table.get("a.one")}"); t("a.one.more"); x("a.on"); "${table.get("kind.paper")}"`,
    );
  });
});
