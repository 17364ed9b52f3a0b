// `npm run bench`: bundle the TypeScript bench (with the in-memory Obsidian in place of `obsidian`)
// and run it with --expose-gc, so heap figures are measured after a full collection.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import esbuild from "esbuild";

mkdirSync("node_modules/.cache", { recursive: true });
const outfile = "node_modules/.cache/bench.mjs";
await esbuild.build({
  entryPoints: ["bench/bench.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile,
  alias: { obsidian: "obsidian-test-mocks/obsidian" },
  banner: {
    js: 'import { createRequire as __ssnCreateRequire } from "node:module";\nconst require = __ssnCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
});
try {
  execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", outfile, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
} catch (error) {
  process.exitCode = typeof error.status === "number" ? error.status : 1;
}
