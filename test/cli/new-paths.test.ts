import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = run(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }) as number;
  return { code, out, err };
}

describe("new never reads or writes outside the vault", () => {
  const rows: Array<[name: string, settings: Record<string, string>]> = [
    ["a sessions folder with ..", { sessionsFolder: "../../x" }],
    ["a sessions folder that is absolute on Windows", { sessionsFolder: "C:/x" }],
    ["a session template outside", { sessionTemplate: "../secret" }],
    ["a paper template outside", { paperTemplate: "a/../../secret" }],
  ];
  for (const [name, settings] of rows) {
    it(name, () => {
      const root = mkdtempSync(join(tmpdir(), "ssn-new-"));
      const vault = join(root, "vault");
      mkdirSync(vault);
      writeFileSync(join(root, "secret.md"), "secret");
      writeFileSync(join(root, "data.json"), JSON.stringify(settings));
      const result = cli("new", "--vault", vault, "--date", "2024-09-05", "--config", join(root, "data.json"));
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/outside the vault/);
      expect(result.err).not.toMatch(/\n\s+at /);
      expect(existsSync(join(root, "x"))).toBe(false);
    });
  }
});
