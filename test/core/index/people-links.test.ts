import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  PeopleLinker,
  aliasList,
  peopleNoteText,
  planPeopleNotes,
  presenterLink,
  readPresenterValue,
  linkedNotes,
} from "../../../src/core/index/people-links";
import { PeopleMerger, parsePresenterName } from "../../../src/core/index/people";
import { sessionFromProperties } from "../../../src/core/index/session-entry";
import { parseNote } from "../../../src/core/note/parser";
import { syncFrontmatter } from "../../../src/core/properties/frontmatter";
import { note } from "../../helpers";

describe("readPresenterValue: a presenters value back to its person", () => {
  it.each([
    { value: "Alice", name: "Alice", aliases: [] },
    { value: "[[People/Alice|Alice]]", name: "Alice", aliases: [] },
    { value: "[[Alice]]", name: "Alice", aliases: [] },
    { value: "[[People/Ryosuke Fukazawa|qluto]]", name: "qluto", aliases: ["Ryosuke Fukazawa"] },
    { value: "[[People/Ryosuke Fukazawa.md|qluto]]", name: "qluto", aliases: ["Ryosuke Fukazawa"] },
    { value: "[[People/Ryosuke Fukazawa]]", name: "Ryosuke Fukazawa", aliases: [] },
    { value: "[[People/Alice#Talks|Alice]]", name: "Alice", aliases: [] },
    { value: "[[People/Alice|  Alice  Smith ]]", name: "Alice Smith", aliases: ["Alice"] },
    { value: "[[People/Alice|]]", name: "Alice", aliases: [] },
    { value: "[[]]", name: "[[]]", aliases: [] },
    { value: "[[a]] and [[b]]", name: "[[a]] and [[b]]", aliases: [] },
    { value: "[[unclosed", name: "[[unclosed", aliases: [] },
    { value: "[[People/|x]]", name: "x", aliases: [] },
  ])("$value", ({ value, name, aliases }) => {
    expect(readPresenterValue(value)).toEqual({ name, aliases });
  });

  it("reads a million brackets in linear time", () => {
    const value = `[[${"[".repeat(1_000_000)}`;
    expect(readPresenterValue(value).name).toBe(value);
  });

  it("reads a presenter line that holds a link as the person it shows", () => {
    expect(parsePresenterName("[[People/Ryosuke Fukazawa|qluto]]")).toEqual({
      name: "qluto",
      aliases: ["Ryosuke Fukazawa"],
    });
    const parsed = parseNote("今週のTOPIC\n@[[People/Alice|Alice]]\n[blog] Title\n", { path: "s.md" });
    expect(parsed.topics.map((t) => t.presenter)).toEqual(["Alice"]);
  });
});

describe("presenterLink: the value written while links are on", () => {
  it.each([
    { spelling: "Alice", target: "Alice", folder: "People", link: "[[People/Alice|Alice]]" },
    { spelling: "qluto", target: "Ryosuke Fukazawa", folder: "People", link: "[[People/Ryosuke Fukazawa|qluto]]" },
    { spelling: "Alice", target: "Alice", folder: "", link: "[[Alice]]" },
    { spelling: "al", target: "Alice", folder: "", link: "[[Alice|al]]" },
    { spelling: "深澤", target: "深澤 亮介", folder: "Members/人物", link: "[[Members/人物/深澤 亮介|深澤]]" },
    // What a file name or a link cannot hold stays a plain name.
    { spelling: "A:B", target: "A:B", folder: "People", link: "A:B" },
    { spelling: "a|b", target: "Alice", folder: "People", link: "a|b" },
    { spelling: "x]]y", target: "Alice", folder: "People", link: "x]]y" },
    { spelling: "Bob", target: "Bob#2", folder: "People", link: "Bob" },
  ])("$spelling → $link", ({ spelling, target, folder, link }) => {
    expect(presenterLink(spelling, target, folder)).toBe(link);
    expect(readPresenterValue(link).name).toBe(spelling);
  });
});

describe("PeopleLinker", () => {
  const merger = new PeopleMerger([{ name: "Ryosuke Fukazawa", aliases: ["qluto"] }]);
  merger.add({ name: "Alice", aliases: ["al"] });

  it("links every spelling of a person to one note: a people note named by a spelling first", () => {
    const linker = new PeopleLinker((s) => merger.resolve(s), "People", [{ name: "al", aliases: [] }]);
    expect(linker.value({ name: "qluto", aliases: [] })).toBe("[[People/Ryosuke Fukazawa|qluto]]");
    expect(linker.value({ name: "Alice", aliases: [] })).toBe("[[People/al|Alice]]");
    expect(linker.value({ name: "Carol", aliases: [] })).toBe("[[People/Carol|Carol]]");
  });
});

describe("planPeopleNotes: Create people notes", () => {
  const persons = [
    { name: "Ryosuke Fukazawa", aliases: ["qluto", "深澤"] },
    { name: "Alice", aliases: [] },
    { name: "A:B", aliases: ["ab"] },
  ];

  it("creates a note per person with their spellings as aliases; skips names no file can have", () => {
    expect(planPeopleNotes(persons, "People", [])).toEqual([
      { action: "create", path: "People/Ryosuke Fukazawa.md", name: "Ryosuke Fukazawa", aliases: ["qluto", "深澤"] },
      { action: "create", path: "People/Alice.md", name: "Alice", aliases: [] },
    ]);
  });

  it("adds only the spellings an existing note misses (matched without case or width), once", () => {
    const existing = [
      { name: "ryosuke fukazawa", aliases: ["ＱＬＵＴＯ"] },
      { name: "Alice", aliases: [] },
    ];
    expect(planPeopleNotes(persons, "People", existing)).toEqual([
      { action: "add-aliases", path: "People/ryosuke fukazawa.md", name: "ryosuke fukazawa", aliases: ["深澤"] },
    ]);
  });

  it("uses the note a user renamed to another spelling of the person", () => {
    expect(planPeopleNotes(persons.slice(0, 1), "", [{ name: "深澤", aliases: [] }])).toEqual([
      { action: "add-aliases", path: "深澤.md", name: "深澤", aliases: ["Ryosuke Fukazawa", "qluto"] },
    ]);
  });

  it("writes new notes' aliases as valid YAML, whatever the spelling", () => {
    const aliases = ['say "hi"', "#1", "- x", "a: b", "[draft]", "yes"];
    const text = peopleNoteText(aliases);
    expect(parseYaml(text.split("---\n")[1] ?? "")).toEqual({ aliases });
    expect(peopleNoteText([])).toBe("");
  });

  it("reads aliases as Obsidian does: a list, or one text", () => {
    expect(aliasList(["a", 3, " b ", ""])).toEqual(["a", "b"]);
    expect(aliasList("qluto")).toEqual(["qluto"]);
    expect(aliasList({ a: 1 })).toEqual([]);
  });
});

describe("syncFrontmatter with links", () => {
  const TEXT = note`
    ---
    title: keep me  # a comment
    ---
    2024-08-29 機械学習勉強会
    今週のTOPIC
    @qluto
    [論文] DocLLM
    @Alice / al
    [blog] Post
  `;
  const parsed = parseNote(TEXT, { path: "s.md" });
  const merger = new PeopleMerger([{ name: "Ryosuke Fukazawa", aliases: ["qluto"] }]);
  for (const p of parsed.presenters) merger.add(p);
  const linker = new PeopleLinker((s) => merger.resolve(s), "People");
  const sync = (text: string, links: boolean): string => {
    const result = syncFrontmatter(text, parseNote(text, { path: "s.md" }), {
      presenterValue: links ? (p) => linker.value(p) : (p) => p.name,
    });
    if (!result.ok) throw new Error(result.problem.message);
    return result.value.text;
  };

  it("writes links double-quoted, as Obsidian writes a link property, and reads them back", () => {
    const text = sync(TEXT, true);
    expect(text).toContain(
      'presenters: ["[[People/Ryosuke Fukazawa|qluto]]", "[[People/Alice|Alice]]"]\ntopics:\n  - title: "DocLLM"\n    kind: paper\n    presenter: qluto\n',
    );
    expect(text).toContain("title: keep me  # a comment\n");
    const fm = parseYaml(text.split("---\n")[1] ?? "") as Record<string, unknown>;
    expect(fm.presenters).toEqual(["[[People/Ryosuke Fukazawa|qluto]]", "[[People/Alice|Alice]]"]);
    const session = sessionFromProperties("s.md", fm);
    expect(session?.presenters).toEqual([
      { name: "qluto", aliases: [] },
      { name: "Alice", aliases: [] },
    ]);
    expect(session?.links).toEqual([["qluto", "Ryosuke Fukazawa"]]);
    expect(sync(text, true)).toBe(text);
  });

  it("turned off, gives back exactly the note plain sync writes", () => {
    const plain = sync(TEXT, false);
    expect(sync(sync(plain, true), false)).toBe(plain);
  });

  it("keeps links when another writer (papers, related links) syncs without saying how", () => {
    const linked = sync(TEXT, true);
    const again = syncFrontmatter(linked, parseNote(linked, { path: "s.md" }), { extras: new Map() });
    expect(again.ok && again.value.changed).toBe(false);
    // A presenter added since: the names differ, so plain names are written (the next sync links them).
    const more = `${linked}\n@Bob\n[blog] Other\n`;
    const result = syncFrontmatter(more, parseNote(more, { path: "s.md" }));
    expect(result.ok && result.value.text).toContain("presenters: [qluto, Alice, Bob]");
  });
});

describe("linkedNotes: what a note's links say about its presenters", () => {
  it.each([
    { property: undefined, expected: [] },
    { property: ["Bob", "Alice"], expected: [] },
    // Obsidian renamed People/Bob.md to People/Robert.md and updated the link.
    { property: ["[[People/Robert|Bob]]", "[[People/Alice|Alice]]"], expected: [["Bob", "Robert"]] },
    { property: ["[[People/Al|ALICE]]", "[[al]]", 5, null, "[[x|y"], expected: [["ALICE", "Al"]] },
  ])("$property", ({ property, expected }) => {
    expect(linkedNotes(property)).toEqual(expected);
  });
});
