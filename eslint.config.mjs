// Obsidian's recommended rules (with type-checked typescript-eslint) over src and test, plus the
// project's own boundary: src/core never reaches for obsidian, the DOM or Node.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import { builtinModules } from "node:module";

// The plugin's own name and the names users write are proper nouns, not sentence-case violations.
const BRANDS = ["Study Session Notes", "Obsidian", "Dataview", "Bases", "Notion"];
const ACRONYMS = ["URL", "ID", "CLI", "JSON", "YAML", "YYYY", "MM", "DD"];

export default defineConfig([
  globalIgnores(["node_modules", "main.js", "dist", "demo-vault", "coverage"]),
  ...obsidianmd.configs.recommendedWithLocalesEn,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", "scripts/*.mjs", "bench/*.mjs"],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "obsidianmd/ui/sentence-case": ["warn", { brands: BRANDS, acronyms: ACRONYMS }],
      "obsidianmd/ui/sentence-case-locale-module": ["warn", { brands: BRANDS, acronyms: ACRONYMS }],
    },
  },
  {
    // moment is a dev dependency only: the tests check our template date formats against moment's own
    // output (Obsidian users know moment's tokens); the plugin and CLI bundles never include it.
    files: ["package.json"],
    rules: { "depend/ban-dependencies": ["error", { allowed: ["moment"] }] },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["obsidian", "obsidian/*"], message: "src/core stays free of obsidian: pass what it needs in." },
            {
              regex: `^(node:.*|(${builtinModules.join("|")})(/.*)?)$`,
              message: "src/core runs on mobile: no Node modules.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "activeDocument", "activeWindow", "process", "require"],
    },
  },
  {
    // The reference for our own moment-token formatter (src/core/session/date-format.ts): only its test.
    files: ["test/core/session/date-format.test.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    // The CLI, tests, bench and build scripts run on Node, never inside Obsidian.
    files: ["src/cli/**/*.ts", "test/**/*.ts", "bench/**/*", "scripts/**/*", "*.mjs", "vitest.config.ts"],
    rules: {
      "obsidianmd/no-nodejs-modules": "off",
      "import/no-nodejs-modules": "off",
      "no-restricted-globals": "off",
      // TypeScript already resolves every name; ESLint's core rule does not know Node's globals.
      "no-undef": "off",
      // These build and inspect vaults on disk, whose config folder is `.obsidian` by construction.
      "obsidianmd/hardcoded-config-path": "off",
      // Node has no popout windows: its global object is `globalThis`.
      "obsidianmd/no-global-this": "off",
    },
  },
]);
