/** The plugin bundle runs on mobile: it may import `obsidian` and nothing else from outside. */
import { builtinModules } from "node:module";
import { join } from "node:path";
import esbuild from "esbuild";
import { describe, expect, it } from "vitest";

describe("main.js", () => {
  it("imports no Node or Electron module", async () => {
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
    const imports = Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.filter((i) => i.external).map((i) => i.path),
    );
    expect([...new Set(imports)]).toEqual(["obsidian"]);
  });
});
