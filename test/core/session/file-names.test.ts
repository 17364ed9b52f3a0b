import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_NAME_BYTES,
  safeFileName,
  truncateUtf8,
  uniqueName,
  utf8Length,
  vaultRelativePath,
} from "../../../src/core/session/file-names";

describe("safeFileName", () => {
  const rows: Array<[title: string, name: string]> = [
    ['2024-09-05 ML/AI: "deep" #1 ^x [a|b] c*?<>\\', "2024-09-05 ML-AI- -deep- -1 -x -a-b- c-----"],
    ["2024-09-05 機械学習勉強会", "2024-09-05 機械学習勉強会"],
    ["...", ""],
    [".hidden", "hidden"],
    ["a\u0000b\u0007c\u001bd\u007fe\u0085f", "abcdef"],
    ["report\u202egpj.md", "reportgpj.md"],
    ["\u2066isolated\u2069 \u200fmark\u200e", "isolated mark"],
    ["tab\tand\nnewline", "tab and newline"],
    ["trailing dots...", "trailing dots"],
  ];
  for (const [title, name] of rows) it(JSON.stringify(title), () => expect(safeFileName(title)).toBe(name));

  it("shortens to at most 200 UTF-8 bytes without cutting a character, for any title", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (title) => {
        const name = safeFileName(title);
        expect(utf8Length(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(name).toBe(name.normalize("NFC"));
        expect(name).not.toMatch(/[\\/:*?"<>|#^[\]\u202a-\u202e\u2066-\u2069]/);
        expect([...name].some((c) => (c.codePointAt(0) ?? 0) < 0x20)).toBe(false);
        expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
    );
  });

  it("keeps a long Japanese title to whole characters", () => {
    const name = safeFileName("機".repeat(300));
    expect(name).toBe("機".repeat(66));
    expect(truncateUtf8("a😀", 4)).toBe("a");
  });
});

describe("uniqueName", () => {
  it("adds -2, -3 … against the names taken, ignoring case", () => {
    expect(uniqueName("Week", new Set())).toBe("Week");
    expect(uniqueName("Week", new Set(["week"]))).toBe("Week-2");
    expect(uniqueName("Week", new Set(["Week", "Week-2"]))).toBe("Week-3");
    expect(uniqueName("Week", (candidate) => candidate !== "Week-4" && candidate.startsWith("Week"))).toBe("Week-4");
  });

  it("keeps a long name with its suffix inside the byte limit", () => {
    const long = safeFileName("あ".repeat(100));
    const next = uniqueName(long, new Set([long]));
    expect(next.endsWith("-2")).toBe(true);
    expect(utf8Length(next)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });
});

describe("vaultRelativePath", () => {
  const rows: Array<[path: string, result: string | null]> = [
    ["Sessions", "Sessions"],
    ["/Sessions/", "Sessions"],
    ["a//b/./c", "a/b/c"],
    ["a\\b", "a/b"],
    ["", ""],
    ["../../x", null],
    ["Sessions/../../x", null],
    ["a/..", null],
    ["C:/Users/x", null],
    ["//server/share", null],
    ["a\u0000b", null],
  ];
  for (const [path, result] of rows) {
    it(JSON.stringify(path), () => {
      const got = vaultRelativePath(path);
      if (result === null) {
        expect(got.ok).toBe(false);
        if (!got.ok) expect(got.problem.message).toContain(path.replace("\u0000", "\u0000"));
      } else expect(got).toEqual({ ok: true, value: result });
    });
  }
});
