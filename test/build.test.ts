/** The plugin bundle runs on mobile: it may import `obsidian` and nothing else from outside. */
import { builtinModules } from "node:module";
import { join } from "node:path";
import esbuild from "esbuild";
import { describe, expect, it } from "vitest";

/** main.js as esbuild.config.mjs builds it, with the metafile (what went in, what it imports). */
async function bundle(): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    entryPoints: [join(__dirname, "..", "src", "main.ts")],
    bundle: true,
    write: false,
    metafile: true,
    format: "cjs",
    platform: "browser",
    outfile: "main.js",
    external: [
      "obsidian",
      "electron",
      "@codemirror/*",
      "@lezer/*",
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
    ],
    logLevel: "silent",
  });
  return result.metafile;
}

describe("main.js", () => {
  it("imports no Node or Electron module", async () => {
    const metafile = await bundle();
    const imports = Object.values(metafile.outputs).flatMap((output) =>
      output.imports.filter((i) => i.external).map((i) => i.path),
    );
    expect([...new Set(imports)]).toEqual(["obsidian"]);
  });

  // SPEC §6 (main.js ≤ 250 KB): the plugin reads YAML with Obsidian's parseYaml; the CLI keeps `yaml`.
  it("does not bundle the yaml library", async () => {
    const inputs = Object.keys((await bundle()).inputs);
    expect(inputs.filter((path) => /node_modules\/yaml\//.test(path))).toEqual([]);
    expect(inputs.some((path) => path.endsWith("src/core/properties/frontmatter.ts"))).toBe(true);
  });

  // Notion's CSVs are read with d3-dsv (2.4 KB) in the plugin and the CLI; papaparse (19 KB) is the tests' oracle.
  it("does not bundle papaparse", async () => {
    const inputs = Object.keys((await bundle()).inputs);
    expect(inputs.filter((path) => /node_modules\/papaparse\//.test(path))).toEqual([]);
  });

  // Template dates are formatted by Obsidian's moment in the plugin; the CLI keeps its own formatter.
  it("does not bundle the CLI's date formatter", async () => {
    const inputs = Object.keys((await bundle()).inputs);
    expect(inputs.filter((path) => path.endsWith("src/core/session/date-format-builtin.ts"))).toEqual([]);
    expect(inputs.some((path) => path.endsWith("src/core/session/date-format-moment.ts"))).toBe(true);
  });
});
