// Builds the plugin bundle (main.js, for Obsidian on desktop and mobile) and the Node CLI (dist/cli.js).
import { builtinModules } from "node:module";
import esbuild from "esbuild";
import { i18nKeysOnce } from "./scripts/i18n-keys-once.mjs";
import { obsidianOnce } from "./scripts/obsidian-once.mjs";

const production = process.argv.includes("production");
const watch = process.argv.includes("--watch");

const plugin = {
  entryPoints: ["src/main.ts"],
  bundle: true,
  external: [
    "obsidian",
    "electron",
    "@codemirror/*",
    "@lezer/*",
    ...builtinModules,
    ...builtinModules.map((m) => `node:${m}`),
  ],
  format: "cjs",
  target: "es2022",
  platform: "browser",
  logLevel: "info",
  sourcemap: production ? false : "inline",
  treeShaking: true,
  minify: production,
  // Japanese strings as UTF-8 rather than \\u escapes: half the bytes, and Obsidian reads main.js as UTF-8.
  charset: "utf8",
  // The message keys once: ja.ts's strings go in by en.ts's key order (scripts/i18n-keys-once.mjs); and
  // `require("obsidian")` once rather than once a module (scripts/obsidian-once.mjs).
  plugins: [i18nKeysOnce, obsidianOnce],
  outfile: "main.js",
};

const cli = {
  entryPoints: ["src/cli/bin.ts"],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "info",
  outfile: "dist/cli.js",
  // Bundled CommonJS dependencies (yaml) call require() for Node builtins; give the ES module one.
  banner: {
    js: '#!/usr/bin/env node\nimport { createRequire as __ssnCreateRequire } from "node:module";\nconst require = __ssnCreateRequire(import.meta.url);',
  },
};

if (watch) {
  const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
}
