// The parser's fast paths held to plain definitions of what they stand for: each property fails
// when its fast path answers otherwise, on any input fast-check finds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDate } from "../../../src/core/note/dates";
import { opensStructure, readHashtags, readPresenter } from "../../../src/core/note/grammar";
import { lineEndAt, NextMatch, textStartAt } from "../../../src/core/note/line-scan";
import { NotePresenters, presenterAt } from "../../../src/core/note/presenters";
import { QuietLines } from "../../../src/core/note/quiet-lines";
import { titleMarkupAt } from "../../../src/core/note/title";
import { parsePresenterName } from "../../../src/core/index/people";
import { collapseWhitespace, firstHttpUrl, foldKey } from "../../../src/core/text";

// Pieces that sit on the edges of each fast path, joined at random with arbitrary text.
const pieces = [
  " ",
  "  ",
  "\t",
  "\u3000",
  "\u00a0",
  "\r",
  "\n",
  "http",
  "https://a.b/c",
  "h",
  "ttp",
  "p",
  "^",
  "[",
  "#",
  "#tag",
  "@",
  "＠",
  "Alice",
  "Bob / b",
  "(Carol)",
  "://",
  "- ",
  "  • ",
  "`",
  "today",
  "Topics",
  "main topic",
  "今週のTOPIC",
  "メイン",
  "題",
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 24 })
  .map((parts) => parts.join(""));

describe("parser fast paths", { timeout: 60_000 }, () => {
  it("finds a title's first markup where `search` with the plain expression does", () => {
    const plain = /[\^[#\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $|http/;
    fc.assert(
      fc.property(text, (title) => {
        expect(titleMarkupAt(title)).toBe(title.search(plain));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds a text's first URL as its defining expression does, sentence punctuation dropped", () => {
    const url = /https?:\/\/(?:[^\s<>"'`()[\]）」』]|\([^\s<>"'`()[\]）」』]*\))+/i;
    const near = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            ...pieces,
            "HTTPS://",
            "http:/",
            "(",
            ")",
            "(x)",
            "）",
            "」",
            "』",
            ".",
            "。",
            ",",
            "<",
            "'",
            "a",
            "/",
          ),
          fc.string({ maxLength: 3 }),
        ),
        { maxLength: 16 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(near, text), (line) => {
        const match = url.exec(line)?.[0];
        expect(firstHttpUrl(line)).toBe(match === undefined ? null : match.replace(/[.,;:!?。、]+$/, ""));
      }),
      { numRuns: 5000 },
    );
  });

  it("collapses whitespace as replacing every run with one space and trimming does", () => {
    fc.assert(
      fc.property(text, (line) => {
        expect(collapseWhitespace(line)).toBe(line.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 3000 },
    );
  });

  it("finds a date at the start of a text as the general search finds it one character on", () => {
    // A leading `x` leaves the general search the same date to find (after a non-digit), one later.
    const dated = fc
      .tuple(
        fc.constantFrom("2024", "1999", "2023", "3024", "0999", "２０２４", "202"),
        fc.constantFrom("-", "/", "－"),
        fc.constantFrom("01", "02", "12", "13", "00", "1", "０１"),
        fc.constantFrom("-", "/"),
        fc.constantFrom("01", "28", "29", "30", "31", "32", "1", "０２"),
        fc.oneof(fc.constantFrom("", "5", "０", " 勉強会", "-03"), text),
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(dated, text), (name) => {
        const later = findDate(`x${name}`);
        expect(findDate(name)).toEqual(later === null ? null : { ...later, index: later.index - 1 });
      }),
      { numRuns: 3000 },
    );
  });

  it("finds lines where `split` and `trim` do", () => {
    fc.assert(
      fc.property(text, (src) => {
        let pos = 0;
        for (const line of src.split("\n")) {
          const end = lineEndAt(src, pos);
          expect(end - pos).toBe(line.length);
          const s = textStartAt(src, pos, end, src.charCodeAt(pos));
          expect(s - pos).toBe(line.trim() === "" ? line.length : line.length - line.trimStart().length);
          pos = end + 1;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads a presenter line from its recent lines as reading it afresh would", () => {
    // Lines of equal length and last character share a slot: each read may hit, miss or displace.
    const line = fc
      .tuple(
        fc.constantFrom("@", "＠", "", " @"),
        fc.array(fc.constantFrom(...pieces, "x", "y", "e"), { maxLength: 5 }),
      )
      .map(([at, parts]) => (at + parts.join("")).trim());
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.nat(3), (lines, pad) => {
        for (const trimmed of [...lines, ...lines]) {
          const src = `${"x\n".repeat(pad)}${trimmed}\n`;
          const name = readPresenter(trimmed);
          const read = presenterAt(src, 2 * pad, 2 * pad + trimmed.length);
          if (name === null || trimmed === "") {
            expect(read).toBeNull();
            continue;
          }
          const person = parsePresenterName(name);
          const spellings = [person.name, ...person.aliases];
          expect(read?.person).toEqual(person);
          expect(read?.spellings).toEqual(spellings);
          expect(read?.keys).toEqual(spellings.map(foldKey));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("gathers a note's presenters as a map of folded spellings does, in a note of a few or of many", () => {
    const name = fc
      .array(fc.constantFrom("Alice", "alice", "ＡＬＩＣＥ", "Bob", "b", "Carol", "c", "x", "y", "z", "7"), {
        minLength: 1,
        maxLength: 3,
      })
      .map((parts) => parts.join(""));
    const line = fc
      .tuple(name, fc.option(name, { nil: undefined }), fc.boolean())
      .map(([who, alias, paren]) => (alias === undefined ? who : paren ? `${alias} (${who})` : `${who} / ${alias}`));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (names) => {
        const fast = new NotePresenters();
        const list: Array<{ name: string; aliases: string[] }> = [];
        const owners = new Map<string, { name: string; aliases: string[] }>();
        for (const raw of names) {
          const src = `@${raw}`;
          const read = presenterAt(src, 0, src.length);
          if (read === null) continue;
          fast.add(read);
          let known = read.keys.map((key) => owners.get(key)).find((owner) => owner !== undefined);
          if (!known) {
            known = { name: read.person.name, aliases: [] };
            list.push(known);
          }
          read.keys.forEach((key, k) => {
            if (owners.has(key) || !known) return;
            owners.set(key, known);
            const spelling = read.spellings[k];
            if (spelling !== undefined && spelling !== known.name) known.aliases.push(spelling);
          });
        }
        expect(fast.list).toEqual(list);
      }),
      { numRuns: 2000 },
    );
  });

  it("takes quiet lines as a line-by-line reading of the same text does", () => {
    fc.assert(
      fc.property(text, fc.nat(4), (src, urlLines) => {
        const hashes = new NextMatch(src, "#");
        const quiet = new QuietLines(src, hashes, new NextMatch(src, "://"));
        const fast = { lastLine: -1, urlLines, topic: { tags: [] as string[] } };
        const plain = { lastLine: -1, urlLines, tags: [] as string[] };
        const lines = src.split("\n");
        let pos = 0;
        let i = 0;
        // Runs one after another, the line that stops each left out, as the parser reads it.
        while (i < lines.length) {
          quiet.skip(pos, i, fast);
          for (; i < lines.length; pos += (lines[i] ?? "").length + 1, i++) {
            const trimmed = (lines[i] ?? "").trim();
            if (trimmed === "") continue;
            if (opensStructure(trimmed, 0, trimmed.charCodeAt(0))) break;
            if (plain.urlLines > 0) {
              if ((lines[i] ?? "").includes("://")) break;
              plain.urlLines--;
            }
            plain.lastLine = i;
            readHashtags(trimmed, plain.tags);
          }
          expect([quiet.pos, quiet.line]).toEqual([pos, i]);
          expect(fast).toEqual({ lastLine: plain.lastLine, urlLines: plain.urlLines, topic: { tags: plain.tags } });
          // The stopping line: the parser asks the cursor about it before the next run.
          hashes.within(pos, lineEndAt(src, pos));
          pos += (lines[i] ?? "").length + 1;
          i++;
          fast.urlLines = plain.urlLines = 0;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
