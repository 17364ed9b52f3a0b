import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The package bin as `npm run build` makes it, run as a user runs it. */
let dir = "";
let bin = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ssn-bin-"));
  bin = join(dir, "cli.mjs");
  // A vault whose index is far larger than a pipe holds: the fixtures, many times over.
  const fixtures = "test/fixtures/notion-export";
  for (let copy = 0; copy < 60; copy++) {
    mkdirSync(join(dir, "vault", String(copy)), { recursive: true });
    for (const name of readdirSync(fixtures).filter((n) => n.endsWith(".txt")))
      copyFileSync(join(fixtures, name), join(dir, "vault", String(copy), name.replace(/\.txt$/, ".md")));
  }
  await build({
    entryPoints: ["src/cli/bin.ts"],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile: bin,
    logLevel: "error",
    banner: { js: 'import { createRequire as __r } from "node:module";\nconst require = __r(import.meta.url);' },
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("session-notes (the bin)", () => {
  it("stops quietly when its reader closes the pipe early, with no stack trace", async () => {
    const child = spawn(process.execPath, [bin, "index", join(dir, "vault"), "--json", "--pretty"]);
    // Like `| head -c 1`: read one chunk, then close the pipe while the CLI still writes.
    child.stdout.once("data", () => child.stdout.destroy());
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(err).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});
