// An esbuild plugin for main.js: the message keys go into the bundle once, and short. People edit `ja.ts` as a
// table keyed like `en.ts`; the bundle carries its strings in en.ts's key order, joined to en's keys at load.
// Each key written whole in the source (`t("settings.folder.name")`, 500 of them, 10 KB) is a letter or two in
// main.js; keys the source builds from a prefix (`kind.${kind}`) keep their names. Both languages stay whole
// in main.js (mobile reads no file of ours). Checked by test/scripts/i18n-keys-once.test.ts and test/app/bundle.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
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

/** A name for the n-th key: letters only, so that an object keeps its keys in the order they were written. */
function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/** Every `.ts` file under `dir`, as text. */
function sources(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => readFileSync(join(dir, file), "utf8"));
}

const KEY = String.raw`[a-z]\w*(?:\.[\w-]+)+`;

/**
 * The short name of each key of `en` that the source writes whole, in double quotes. A key the source
 * may build (it starts with a `"prefix.` or `` `prefix.${ `` fragment of `texts`) keeps its name. A key
 * built from its end (`` `${group}.name` ``) or written whole in other quotes would be missed, so the
 * build refuses it.
 */
export function shortKeys(keys, texts) {
  const prefixes = new Set();
  const suffixes = new Set();
  const otherQuotes = new Set();
  for (const text of texts) {
    for (const match of text.matchAll(/["'`]([a-z]\w*(?:\.[\w-]+)*\.)(?:\$\{|["'])/g)) prefixes.add(match[1]);
    for (const match of text.matchAll(/\}((?:\.[\w-]+)+)[`"']/g)) suffixes.add(match[1]);
    for (const match of text.matchAll(new RegExp(String.raw`(['\x60])(${KEY})\1`, "g"))) otherQuotes.add(match[2]);
  }
  const short = new Map();
  for (const key of keys) {
    if ([...prefixes].some((prefix) => key.startsWith(prefix))) continue;
    const suffix = [...suffixes].find((end) => key.endsWith(end));
    if (suffix !== undefined)
      throw new Error(`i18n-keys-once: "${key}" may be built from its end (\`\${…}${suffix}\`); write it whole`);
    if (otherQuotes.has(key)) throw new Error(`i18n-keys-once: write the key "${key}" in double quotes`);
    short.set(key, shortName(short.size));
  }
  return short;
}

/** `code` with each key of `short` written whole in double quotes replaced by its short name. */
export function shortenKeys(code, short) {
  return code.replace(new RegExp(`"(${KEY})"`, "g"), (whole, key) => {
    const name = short.get(key);
    return name === undefined ? whole : `"${name}"`;
  });
}

/** The short names main.js uses for the message keys of the source in `srcDir`. */
export async function shortKeyTable(srcDir) {
  const { en } = await loadTables(join(srcDir, "i18n"));
  return shortKeys(Object.keys(en), sources(srcDir));
}

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

export const i18nKeysOnce = {
  name: "i18n-keys-once",
  setup(build) {
    build.onLoad({ filter: JA }, async (args) => ({
      contents: await jaModule(dirname(args.path)),
      loader: "js",
      resolveDir: dirname(args.path),
      watchFiles: [args.path, join(dirname(args.path), "en.ts")],
    }));
    // Short keys in the production build only: a development build keeps them readable.
    if (!build.initialOptions.minify) return;
    let table = null;
    build.onStart(() => {
      table = null;
    });
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!args.path.startsWith(SRC + sep)) return undefined;
      table ??= shortKeyTable(SRC);
      return { contents: shortenKeys(readFileSync(args.path, "utf8"), await table), loader: "ts" };
    });
  },
};
