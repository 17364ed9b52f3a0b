// An esbuild plugin for main.js: the message keys go into the bundle once. People edit `ja.ts` as a table
// keyed like `en.ts`; the bundle carries its strings in en.ts's key order, joined to en's keys at load.
// Both languages stay whole in main.js (mobile reads no file of ours). Checked by test/scripts/i18n-keys-once.test.ts.
import { dirname, join } from "node:path";
import { runInNewContext } from "node:vm";
import esbuild from "esbuild";

const JA = /[\\/]src[\\/]i18n[\\/]ja\.ts$/;

/** A module bundled by esbuild as CommonJS text, run: its exports. */
export function runModule(code) {
  const module = { exports: {} };
  runInNewContext(code, { module, exports: module.exports });
  return module.exports;
}

/** `en` and `ja` as the source defines them. */
export async function loadTables(i18nDir) {
  const built = await esbuild.build({
    stdin: { contents: 'export { en } from "./en"; export { ja } from "./ja";', resolveDir: i18nDir, loader: "ts" },
    bundle: true,
    format: "cjs",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  return runModule(built.outputFiles[0].text);
}

/** The module main.js gets for ja.ts: its strings in en's key order, and the same table at run time. */
export async function jaModule(i18nDir) {
  const { en, ja } = await loadTables(i18nDir);
  const keys = Object.keys(en);
  const extra = Object.keys(ja).filter((key) => !Object.hasOwn(en, key));
  const missing = keys.filter((key) => typeof ja[key] !== "string");
  if (extra.length > 0 || missing.length > 0)
    throw new Error(`ja.ts and en.ts differ in keys: missing ${missing.join(", ")}; extra ${extra.join(", ")}`);
  const values = JSON.stringify(keys.map((key) => ja[key]));
  return [
    'import { en } from "./en";',
    `const values = ${values};`,
    "export const ja = Object.fromEntries(Object.keys(en).map((key, i) => [key, values[i]]));",
    "",
  ].join("\n");
}

export const i18nKeysOnce = {
  name: "i18n-keys-once",
  setup(build) {
    build.onLoad({ filter: JA }, async (args) => ({
      contents: await jaModule(dirname(args.path)),
      loader: "js",
      resolveDir: dirname(args.path),
      watchFiles: [args.path, join(dirname(args.path), "en.ts")],
    }));
  },
};
