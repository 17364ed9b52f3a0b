import { join } from "node:path";
import esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { ja } from "../../src/i18n/ja";
// @ts-expect-error: a build script in plain JavaScript, without types
import { i18nKeysOnce, jaModule, runModule } from "../../scripts/i18n-keys-once.mjs";

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

  it("and gives back every string of both languages, as the source has them", async () => {
    const { createTranslator } = await builtI18n();
    const [english, japanese] = [createTranslator("en"), createTranslator("ja")];
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(english(key), key).toBe(en[key]);
      expect(japanese(key), key).toBe(ja[key]);
    }
  });
});
