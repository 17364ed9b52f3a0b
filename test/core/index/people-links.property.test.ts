import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { PeopleLinker, planPeopleNotes } from "../../../src/core/index/people-links";
import { PeopleMerger, type RosterMember } from "../../../src/core/index/people";
import { sessionFromParse, sessionFromProperties } from "../../../src/core/index/session-entry";
import { TopicIndex, type SessionEntry } from "../../../src/core/index/topic-index";
import { parseNote } from "../../../src/core/note/parser";
import { syncFrontmatter } from "../../../src/core/properties/frontmatter";

/** People and the ways the notes spell them (full-width, other case, a nickname, a name in Japanese). */
const PEOPLE = [
  { name: "Ryosuke Fukazawa", aliases: ["qluto", "ＱＬＵＴＯ", "深澤"] },
  { name: "Alice Smith", aliases: ["Alice", "alice smith", "アリス"] },
  { name: "Bob", aliases: ["BOB", "ボブ"] },
  { name: "Carol", aliases: [] },
];

const presenterLine = fc
  .record({ person: fc.nat(PEOPLE.length - 1), form: fc.nat(3), alias: fc.nat(10) })
  .map(({ person, form, alias }) => {
    const p = PEOPLE[person] ?? { name: "x", aliases: [] };
    const other = p.aliases[alias % Math.max(1, p.aliases.length)];
    if (other === undefined || form === 0) return p.name;
    if (form === 1) return `${p.name} / ${other}`;
    if (form === 2) return `${other} (${p.name})`;
    return other;
  });

const noteArb = fc.array(presenterLine, { minLength: 1, maxLength: 4 }).map((lines) => {
  const blocks = lines.map((line, i) => `@${line}\n[blog] Topic ${i}\n- summary`);
  return `2024-09-05 勉強会\n今週のTOPIC\n${blocks.join("\n")}\n`;
});

const rosterArb: fc.Arbitrary<RosterMember[]> = fc
  .subarray(PEOPLE)
  .map((people) => people.map((p, i) => ({ name: p.name, aliases: p.aliases.slice(0, i % (p.aliases.length + 1)) })));

/** Who presented what: the topics (file and title) of each person, as sets, independent of names. */
function whoPresentedWhat(sessions: readonly SessionEntry[], roster: readonly RosterMember[]): string[] {
  const index = new TopicIndex(roster);
  for (const session of sessions) index.upsert(session);
  return index
    .group("presenter")
    .map((group) =>
      group.topics
        .map((t) => `${t.file}#${t.title}`)
        .sort()
        .join(" | "),
    )
    .sort();
}

/** Every group of `finer` lies inside one group of `coarser`. */
function refines(finer: readonly string[], coarser: readonly string[]): boolean {
  const groupOf = new Map<string, number>();
  coarser.forEach((group, i) => group.split(" | ").forEach((topic) => groupOf.set(topic, i)));
  return finer.every((group) => new Set(group.split(" | ").map((topic) => groupOf.get(topic))).size === 1);
}

function frontmatter(text: string): unknown {
  return parseYaml(text.split("---\n")[1] ?? "");
}

describe("presenters as links: a property of every vault", () => {
  it("changes nothing but presenters, and reads back who presented what as the text says", () => {
    fc.assert(
      fc.property(fc.array(noteArb, { minLength: 1, maxLength: 5 }), rosterArb, (texts, roster) => {
        const notes = texts.map((text, i) => ({
          file: `S/${i}.md`,
          text,
          parsed: parseNote(text, { path: `S/${i}.md` }),
        }));
        // People merged over the vault, as `sync` with the setting on (and the plugin's index) merge them.
        const merger = new PeopleMerger(roster);
        for (const n of notes) for (const p of n.parsed.presenters) merger.add(p);
        const linker = new PeopleLinker((s) => merger.resolve(s), "People");

        const text: SessionEntry[] = [];
        const plain: SessionEntry[] = [];
        const linked: SessionEntry[] = [];
        const linkedTexts: string[] = [];
        for (const n of notes) {
          const off = syncFrontmatter(n.text, n.parsed, { presenterValue: (p) => p.name });
          const on = syncFrontmatter(n.text, n.parsed, { presenterValue: (p) => linker.value(p) });
          if (!off.ok || !on.ok) throw new Error("sync refused");
          // The notes differ in `presenters` only; the body, and so every parse, is the same.
          const [, offFm = "", offBody] = off.value.text.split("---\n");
          const [, onFm = "", onBody] = on.value.text.split("---\n");
          expect(onBody).toBe(offBody);
          expect(onFm.replace(/^presenters: .*\n/m, "")).toBe(offFm.replace(/^presenters: .*\n/m, ""));
          // Turned off again: byte for byte what plain sync writes.
          const back = syncFrontmatter(on.value.text, parseNote(on.value.text, { path: n.file }), {
            presenterValue: (p) => p.name,
          });
          expect(back.ok && back.value.text).toBe(off.value.text);
          text.push(sessionFromParse(n.file, parseNote(on.value.text, { path: n.file })));
          const fromPlain = sessionFromProperties(n.file, frontmatter(off.value.text));
          const fromLinks = sessionFromProperties(n.file, frontmatter(on.value.text));
          if (!fromPlain || !fromLinks) throw new Error("not read back");
          plain.push(fromPlain);
          linked.push(fromLinks);
          linkedTexts.push(on.value.text);
        }
        // A second sync, whose merge also reads the links the first one wrote, writes nothing.
        const again = new PeopleMerger(roster);
        for (const n of notes) for (const p of n.parsed.presenters) again.add(p);
        for (const session of linked)
          for (const [spelling, target] of session.links ?? []) again.addLink(spelling, target);
        const relinker = new PeopleLinker((s) => again.resolve(s), "People");
        linkedTexts.forEach((text, i) => {
          const result = syncFrontmatter(text, parseNote(text, { path: `S/${i}.md` }), {
            presenterValue: (p) => relinker.value(p),
          });
          expect(result.ok && result.value.changed).toBe(false);
        });
        // The notes' text says who presented what (the CLI, and the plugin for every note it reads).
        const truth = whoPresentedWhat(text, roster);
        // At start-up the plugin reads properties. Plain names lose a note's second spelling of a person
        // (`@Bob / ボブ` and `@ボブ`); a link only ever adds the merge the text makes…
        expect(refines(whoPresentedWhat(plain, roster), whoPresentedWhat(linked, roster))).toBe(true);
        expect(refines(whoPresentedWhat(linked, roster), truth)).toBe(true);
        // …and with the people notes "Create people notes" makes, links read back exactly as the text.
        const peopleNotes = planPeopleNotes(merger.all(), "People", []).map((step) => ({
          name: step.name,
          aliases: step.aliases,
        }));
        expect(whoPresentedWhat(linked, [...roster, ...peopleNotes])).toEqual(truth);
      }),
      { numRuns: 150 },
    );
  });
});
