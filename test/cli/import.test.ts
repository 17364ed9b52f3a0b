import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import type { ParsedNote } from "../../src/core/note/model";
import { FIXTURES, ROWS, buildExport, exportFiles, zipOf } from "../core/import/notion-export";

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = run(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "ssn-import-"));
}

function listAll(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

interface Expected {
  date: string;
  topics: Array<{ title: string }>;
  ambiguous: Array<{ title: string }>;
}

describe.each([
  { variant: "markdown", nested: true },
  { variant: "html", nested: false },
] as const)("session-notes import of a Notion export ($variant, nested: $nested)", (shape) => {
  const dir = tempDir();
  const zip = join(dir, "Export.zip");
  writeFileSync(zip, buildExport(shape));
  const out = join(dir, "vault", "Notion");

  it("writes synced session notes whose parse is the fixtures', a page, and the image; reports on stderr", () => {
    const first = cli("import", zip, "--out", out);
    expect(first.err).toContain("3 session notes, 1 pages, 1 attachments, 0 skipped; 5 written");
    expect(first.err).toMatch(/4\/4 pages read/);
    expect(first.code).toBe(0);
    expect(listAll(out)).toEqual([
      "2024-05-02 機械学習勉強会.md",
      "2024-07-24 機械学習勉強会.md",
      "2024-08-29 機械学習勉強会.md",
      "attachments",
      join("attachments", "image.png"),
      "機械学習勉強会.md",
    ]);
    for (const row of ROWS) {
      const expected = JSON.parse(readFileSync(join(FIXTURES, `${row.fixture}.expected.json`), "utf8")) as Expected;
      const parsed = JSON.parse(
        cli("parse", join(out, `${row.fixture} 機械学習勉強会.md`), "--json").out,
      ) as ParsedNote;
      const ambiguous = new Set(expected.ambiguous.map((a) => a.title));
      expect(parsed.date).toBe(expected.date);
      expect(parsed.topics.filter((t) => !ambiguous.has(t.title)).map((t) => t.title)).toEqual(
        expected.topics.map((t) => t.title),
      );
    }
    expect(cli("sync", out, "--check").code).toBe(0);
  });

  it("changes nothing on a second import, even after the user edited a note", () => {
    const note = join(out, "2024-08-29 機械学習勉強会.md");
    writeFileSync(note, `${readFileSync(note, "utf8")}\nMy own addition.\n`);
    const snapshot = (): string[][] =>
      listAll(out)
        .filter((f) => statSync(join(out, f)).isFile())
        .map((f) => [f, readFileSync(join(out, f), "base64")]);
    const before = snapshot();
    const again = cli("import", zip, "--out", out);
    expect(again.code).toBe(0);
    expect(again.out).toBe("");
    expect(again.err).toContain("0 written, 5 unchanged, 0 not imported");
    expect(snapshot()).toEqual(before);
  });
});

describe("session-notes import never overwrites a different file", () => {
  it("reports the target, writes the rest, and exits 1", () => {
    const dir = tempDir();
    const zip = join(dir, "Export.zip");
    writeFileSync(zip, buildExport({ variant: "markdown", nested: true }));
    const out = join(dir, "out");
    mkdirSync(join(out, "attachments"), { recursive: true });
    writeFileSync(join(out, "2024-07-24 機械学習勉強会.md"), "my own note\n");
    writeFileSync(join(out, "attachments", "image.png"), "another image");
    const result = cli("import", zip, "--out", out);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      "2024-07-24 機械学習勉強会.md exists already and is a different file: not overwritten",
    );
    expect(result.err).toContain("2 file(s) not imported");
    expect(readFileSync(join(out, "2024-07-24 機械学習勉強会.md"), "utf8")).toBe("my own note\n");
    expect(readFileSync(join(out, "attachments", "image.png"), "utf8")).toBe("another image");
    expect(existsSync(join(out, "2024-08-29 機械学習勉強会.md"))).toBe(true);
  });
});

describe("session-notes import refuses bad input and writes nothing", () => {
  const bomb = (): Uint8Array => {
    // Declares 2 GB in one entry: refused from the header, before anything is inflated.
    const zip = zipOf({ "a 0123456789abcdef0123456789abcdef.md": "# a" });
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    }
    return zip;
  };
  it.each([
    ["a zip that is not a Notion export", zipOf({ "notes/a.md": "# A\n", "b.txt": "b" }), "not a Notion export"],
    ["a corrupt zip", new TextEncoder().encode("PK\u0003\u0004 garbage garbage garbage"), "damaged or incomplete"],
    ["a truncated zip", buildExport({ variant: "html", nested: true }).slice(0, 5000), "damaged or incomplete"],
    ["a zip bomb", bomb(), "more than 1024 MB"],
    ["a name with ../", zipOf({ "../escape 0123456789abcdef0123456789abcdef.md": "# x" }), "unsafe file name"],
  ])("%s", (_, bytes, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, "in.zip"), bytes);
    const result = cli("import", join(dir, "in.zip"), "--out", join(dir, "out"));
    expect(result.code).toBe(1);
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["in.zip"]);
  });

  it("refuses --out naming a file with a message, not a stack trace", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "file.md"), "x");
    const result = cli("import", join(FIXTURES, "2024-08-29.txt"), "--out", join(dir, "file.md"));
    expect(result.code).toBe(1);
    expect(result.err).toContain("not a folder");
  });
});

describe("session-notes import of an unpacked export folder", () => {
  it("reads the folder as the zip", () => {
    const dir = tempDir();
    for (const [path, bytes] of Object.entries(exportFiles({ variant: "markdown" }))) {
      mkdirSync(join(dir, "export", path, ".."), { recursive: true });
      writeFileSync(join(dir, "export", path), bytes);
    }
    const result = cli("import", join(dir, "export"), "--out", join(dir, "out"));
    expect(result.code).toBe(0);
    expect(result.err).toContain("3 session notes, 1 pages, 1 attachments, 0 skipped");
    expect(cli("sync", join(dir, "out"), "--check").code).toBe(0);
  });
});
