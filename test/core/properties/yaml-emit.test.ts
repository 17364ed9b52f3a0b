import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitEntry, emitString, emitYaml } from "../../../src/core/properties/yaml-emit";
import { plainYaml } from "../../../src/core/properties/yaml-parser";

/** YAML 1.2 (the `yaml` package, as the CLI reads) and YAML 1.1 (as strict as js-yaml's older rules). */
const readers = {
  "1.2": (text: string): unknown => plainYaml(parse(text, { logLevel: "error" })),
  "1.1": (text: string): unknown => plainYaml(parse(text, { version: "1.1", logLevel: "error" })),
};

describe("emitYaml writes SPEC §4's shape", () => {
  it("a synced note's entries", () => {
    const text = emitYaml({
      type: "study-session",
      date: "2024-08-29",
      presenters: ["Naoto Shimakoshi", "[[People/Yuya]]"],
      topics: [
        { title: "AutoMLOps: CI/CD", kind: "blog", presenter: "Naoto Shimakoshi", tags: ["mlops"], main: true },
        { title: "VerifiNER", kind: null, presenter: null, linked: [] },
      ],
      empty: {},
      nested: { a: 1, b: [{ c: "d" }] },
    });
    expect(text).toBe(
      [
        "type: study-session",
        "date: 2024-08-29",
        'presenters: [Naoto Shimakoshi, "[[People/Yuya]]"]',
        "topics:",
        '  - title: "AutoMLOps: CI/CD"',
        "    kind: blog",
        "    presenter: Naoto Shimakoshi",
        "    tags: [mlops]",
        "    main: true",
        '  - title: "VerifiNER"',
        "    kind: null",
        "    presenter: null",
        "    linked: []",
        "empty: {}",
        "nested:",
        "  a: 1",
        "  b:",
        "    - c: d",
        "",
      ].join("\n"),
    );
  });

  const strings: Array<[text: string, written: string]> = [
    ["機械学習勉強会", "機械学習勉強会"],
    ["https://example.com/a?b=c#d", "https://example.com/a?b=c#d"],
    ["2024-08-29", "2024-08-29"],
    ["2024-02-30", '"2024-02-30"'],
    ["", '""'],
    ["yes", '"yes"'],
    ["Off", '"Off"'],
    ["~", '"~"'],
    ["null", '"null"'],
    ["1:20", '"1:20"'],
    ["0x1F", '"0x1F"'],
    ["3", '"3"'],
    [".inf", '".inf"'],
    ["- a", '"- a"'],
    ["a: b", '"a: b"'],
    ["a #b", '"a #b"'],
    ["ends:", '"ends:"'],
    [" lead", '" lead"'],
    ["tab\tin", '"tab\\tin"'],
    ["line\u2028sep", '"line\\u2028sep"'],
    ["bom\ufeff", '"bom\\ufeff"'],
    ["nel\u0085", '"nel\\u0085"'],
    ["*alias", '"*alias"'],
    ["<<", '"<<"'],
  ];
  for (const [text, written] of strings) {
    it(`the string ${JSON.stringify(text)}`, () => {
      expect(emitString(text)).toBe(written);
      for (const read of Object.values(readers)) expect(read(`k: ${written}`)).toEqual({ k: text });
    });
  }

  it("quotes flow indicators inside a flow list only", () => {
    expect(emitEntry("k", "a,b")).toBe("k: a,b\n");
    expect(emitEntry("k", ["a,b", "c]"])).toBe('k: ["a,b", "c]"]\n');
  });

  const notData: Array<[name: string, value: unknown]> = [
    ["undefined", undefined],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["a Date", new Date(0)],
    ["a Map", new Map()],
    ["a function", () => 1],
    ["a bigint", 1n],
  ];
  for (const [name, value] of notData) {
    it(`throws on ${name}`, () => {
      expect(() => emitEntry("k", value)).toThrow(/emitYaml/);
      expect(() => emitEntry("k", [value])).toThrow(/emitYaml/);
    });
  }
});

const key = fc.oneof(
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.constantFrom("title", "tags", "presenters", "yes", "1", "2024-08-29", "<<", "a: b", "-"),
);
const scalar = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("2024-08-29", "yes", "No", "~", "1_000", "0o7", "1:20", ".5", "+1", "[[x]]", "a #b", "x:", "#c"),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(
    key.filter((k) => k !== "__proto__"),
    tie("value"),
    { maxKeys: 4 },
  ),
}));

describe("emitYaml reads back", () => {
  it("as the same data under YAML 1.2 and YAML 1.1, whatever the keys and values", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          key.filter((k) => k !== "__proto__"),
          value,
          { maxKeys: 5 },
        ),
        (data) => {
          const text = emitYaml(data);
          for (const [version, read] of Object.entries(readers))
            expect(read(text) ?? {}, `YAML ${version}:\n${text}`).toEqual(data);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
