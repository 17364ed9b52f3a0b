import { strFromU8, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ExportUnpacker, exportFromFiles, unpackExport } from "../../../src/core/import/zip";
import { buildExport, zipOf } from "./notion-export";

/** Clears the UTF-8 flag of every entry, as some zippers write UTF-8 names without it. */
function withoutUtf8Flag(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    const at = signature === 0x04034b50 ? i + 6 : signature === 0x02014b50 ? i + 8 : -1;
    if (at >= 0) view.setUint16(at, view.getUint16(at, true) & ~0x800, true);
  }
  return out;
}

describe("unpacking an export", () => {
  it("opens the Export-<uuid>-Part-1.zip inside the download and drops the Export-<uuid>/ root", () => {
    const nested = unpackExport(buildExport({ variant: "markdown", nested: true }));
    const flat = unpackExport(buildExport({ variant: "markdown", nested: false }));
    expect(nested.ok && flat.ok).toBe(true);
    if (!nested.ok || !flat.ok) return;
    expect(nested.value.map((f) => f.path).sort()).toEqual(flat.value.map((f) => f.path).sort());
    expect(nested.value.some((f) => f.path.startsWith("Export-"))).toBe(false);
  });

  it("reads NFD names as NFC, and UTF-8 names written without the UTF-8 flag", () => {
    const zip = withoutUtf8Flag(zipOf({ ["データ".normalize("NFD") + "/ページ 0123.md"]: "# x" }));
    const result = unpackExport(zip);
    expect(result.ok && result.value.map((f) => f.path)).toEqual(["データ/ページ 0123.md"]);
  });

  it("lists every name before inflating, then inflates a few files a step: every file, in order, whole", () => {
    const files = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`p/${String(i).padStart(3, "0")}.md`, `# ${i}\n${"x".repeat(i * 50)}`]),
    );
    const opened = ExportUnpacker.open(zipOf(files));
    if (!opened.ok) throw new Error(opened.problem.message);
    const phase = opened.value.next();
    expect(phase?.name).toBe("unpack");
    expect(phase?.items.length).toBeGreaterThan(1);
    for (const item of phase?.items ?? []) phase?.step(item);
    expect(opened.value.next()).toBeNull();
    const result = opened.value.result();
    expect(result.ok && result.value.map((f) => [f.path, strFromU8(f.bytes)])).toEqual(Object.entries(files));
  });

  it("skips macOS and Windows noise", () => {
    const result = unpackExport(zipOf({ "a.md": "x", "__MACOSX/._a.md": "y", ".DS_Store": "z", "sub/Thumbs.db": "w" }));
    expect(result.ok && result.value.map((f) => f.path)).toEqual(["a.md"]);
  });

  it.each([
    ["not a zip at all", strToU8("just some text, not a zip file at all ".repeat(10))],
    ["an empty file", new Uint8Array(0)],
    ["a truncated zip", buildExport({ variant: "markdown", nested: false }).slice(0, 2000)],
    ["a zip with its data damaged", damage(zipSync({ "a.md": strToU8("hello ".repeat(1000)) }, { level: 9 }))],
  ])("refuses %s as damaged", (_, bytes) => {
    const result = unpackExport(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe("corrupt-zip");
  });

  it("refuses a zip bomb before inflating it, inner zips counted", () => {
    const zeros = new Uint8Array(1024 * 1024);
    const bomb = zipSync({ "a.bin": zeros, "b.bin": zeros }, { level: 1 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const limits = { maxBytes: 1.5 * 1024 * 1024, maxFiles: 100 };
    const direct = unpackExport(bomb, limits);
    expect(!direct.ok && direct.problem.code).toBe("too-large");
    if (!direct.ok) expect(direct.problem.message).toMatch(/more than 2 MB/);
    const nested = unpackExport(zipSync({ "Export-1-Part-1.zip": bomb }), limits);
    expect(!nested.ok && nested.problem.code).toBe("too-large");
    const many = unpackExport(
      zipOf(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`${i}.md`, "x"]))),
      limits,
    );
    expect(!many.ok && many.problem.code).toBe("too-many-files");
  });

  it.each(["../evil.md", "a/../../evil.md", "/etc/passwd", "C:/evil.md", "a\\..\\..\\evil.md", "./a.md"])(
    "refuses the whole export for the name %s",
    (name) => {
      const result = unpackExport(zipOf({ "ok 0123456789abcdef0123456789abcdef.md": "# ok", [name]: "x" }));
      expect(!result.ok && result.problem.code).toBe("unsafe-name");
      expect(exportFromFiles([{ path: name, bytes: strToU8("x") }]).ok).toBe(false);
    },
  );
});

function damage(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  // The deflated data starts after the 30-byte local header and the name `a.md`.
  for (let i = 34; i < 60; i++) out[i] = 0xff;
  return out;
}
