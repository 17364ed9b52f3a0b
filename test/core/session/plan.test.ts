import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/note/parser";
import { parseRoster } from "../../../src/core/session/roster";
import { sessionFromParse } from "../../../src/core/index/session-entry";
import { planSession, sanitizeFileName } from "../../../src/core/session/plan";
import {
  DEFAULT_SETTINGS,
  formatKindAliases,
  migrateSettings,
  parseKindAliases,
  type Settings,
} from "../../../src/core/settings";
import { renderTemplate } from "../../../src/core/session/template";
import type { SessionEntry } from "../../../src/core/index/topic-index";

const root = join(__dirname, "..", "..", "..");

function vaultSessions(): SessionEntry[] {
  const out: SessionEntry[] = [];
  const exports = join(root, "test", "fixtures", "notion-export");
  for (const name of readdirSync(exports).filter((n) => n.endsWith(".txt"))) {
    const file = `Sessions/${name.replace(".txt", "")} 機械学習勉強会.md`;
    out.push(sessionFromParse(file, parseNote(readFileSync(join(exports, name), "utf8"), { path: file })));
  }
  for (const name of readdirSync(join(root, "demo", "notes"))) {
    const file = `Sessions/${name}`;
    out.push(
      sessionFromParse(file, parseNote(readFileSync(join(root, "demo", "notes", name), "utf8"), { path: file })),
    );
  }
  return out;
}

const settings = (patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  roster: [],
  rotation: [],
  kindAliases: {},
  ...patch,
});
const link = (file: string): string => `[[${file.replace(/^.*\//, "").replace(/\.md$/, "")}]]`;

describe("renderTemplate", () => {
  it("fills every variable, formats dates, and leaves unknown ones visible", () => {
    const out = renderTemplate(
      "{{series}} {{date}} {{date:YYYY年M月D日}} {{ date : ddd }} {{next_date:MM/DD}} {{nope}} {{date:YYYY-MM-DDTHH}} {{series:x}} {{date:}}",
      { values: { series: "ML" }, dates: { date: "2024-09-05", next_date: "2024-09-12" } },
    );
    expect(out.text).toBe("ML 2024-09-05 2024年9月5日 Thu 09/12 {{nope}} 2024-09-05T00 {{series:x}} 2024-09-05");
    expect(out.unknown).toEqual(["{{nope}}", "{{series:x}}"]);
    expect(out.unknownTokens).toEqual(["{{date:YYYY-MM-DDTHH}}: T"]);
  });

  it("names weekdays and months in the template's language, as moment's en and ja locales", () => {
    const template = "{{date:dddd, MMMM Do}} / {{date:LL}}";
    const dates = { date: "2024-09-05" };
    expect(renderTemplate(template, { values: {}, dates, language: "en" }).text).toBe(
      "Thursday, September 5th / September 5, 2024",
    );
    expect(renderTemplate(template, { values: {}, dates, language: "ja" }).text).toBe("木曜日, 9月 5日 / 2024年9月5日");
  });

  it("never executes anything", () => {
    const out = renderTemplate("{{constructor}} {{__proto__}} <% tp.file.title %> ${process.exit()}", { values: {} });
    expect(out.text).toBe("{{constructor}} {{__proto__}} <% tp.file.title %> ${process.exit()}");
  });
});

describe("planSession over a vault of real and template-made notes", () => {
  const sessions = vaultSessions();

  it("numbers the session, links the previous one, and learns the roster from the four latest notes", () => {
    const plan = planSession({ sessions, settings: settings(), date: "2024-09-26", language: "ja", link });
    expect(plan.number).toBe(6);
    expect(plan.previous?.file).toBe("Sessions/2024-09-19 ML study group.md");
    expect(plan.series).toBe("ML study group");
    expect(plan.path).toBe("Sessions/2024-09-26 ML study group.md");
    expect(plan.text).toContain("前回: [[2024-09-19 ML study group]]");
    // The four latest: 09-19, 09-12, 08-29 and 07-24 (whose last presenter was Yosuke Yoshida).
    expect(plan.presenters.map((m) => m.name)).toEqual([
      "Tomoaki Kitaoka",
      "Ryosuke Fukazawa",
      "Yuya Matsumura",
      "Naoto Shimakoshi",
      "Shun Ito",
      "Yuta Kamikawa",
      "Masamune Ishihara",
      "Yosuke Yoshida",
    ]);
    expect(plan.unknown).toEqual([]);
  });

  it("rotates the main topic after the last session's main presenter, skipping inactive members", () => {
    const roster = parseRoster(
      "Naoto Shimakoshi\nYuta Kamikawa\n~Shun Ito\nMasamune Ishihara\nqluto (Ryosuke Fukazawa)",
    );
    // The latest main topic (2024-09-19) was Masamune Ishihara's: next in the roster order is qluto.
    expect(
      planSession({ sessions, settings: settings({ roster }), date: "2024-09-26", language: "en", link }).mainPresenter,
    ).toBe("Ryosuke Fukazawa");
    const rotation = ["Masamune Ishihara", "Shun Ito", "Naoto Shimakoshi"];
    expect(
      planSession({ sessions, settings: settings({ roster, rotation }), date: "2024-09-26", language: "en", link })
        .mainPresenter,
    ).toBe("Naoto Shimakoshi");
    // Before 2024-09-19, the last main presenter was Yuta Kamikawa (2024-09-12).
    expect(
      planSession({ sessions, settings: settings({ roster }), date: "2024-09-13", language: "en", link }).mainPresenter,
    ).toBe("Masamune Ishihara");
  });

  it("renders a note that parses into the roster's empty presenter blocks", () => {
    const roster = parseRoster("Alice / al\nBob\n~Carol");
    for (const language of ["ja", "en"] as const) {
      const plan = planSession({
        sessions: [],
        settings: settings({ roster, seriesName: "輪読会" }),
        date: "2024-09-05",
        language,
        link,
      });
      const parsed = parseNote(plan.text, { path: plan.path });
      expect(parsed.date).toBe("2024-09-05");
      expect(parsed.type).toBe("study-session");
      // Alice also holds the main topic (first in the rotation): one person, listed once.
      expect(parsed.presenters).toEqual([
        { name: "Alice", aliases: [] },
        { name: "Bob", aliases: [] },
      ]);
      expect(parsed.topics).toEqual([]);
      expect(parsed.warnings).toEqual([]);
      expect(plan.text.split("\n")[plan.cursor.line]).toBe("#### ");
      expect(plan.text).toContain(
        language === "ja" ? "# 輪読会 第1回（2024年9月5日）" : "# 輪読会 no. 1 (September 5, 2024)",
      );
    }
  });

  it("fills the template's topics into entries once written", () => {
    const plan = planSession({
      sessions: [],
      settings: settings({ roster: parseRoster("Alice") }),
      date: "2024-09-05",
      language: "en",
      link,
    });
    const written = plan.text
      .replace("#### \n", "#### [blog] Scaling laws\n")
      .replace("#### [paper] \n", "#### [paper] Attention Is All You Need\n");
    const parsed = parseNote(written, { path: plan.path });
    expect(parsed.topics.map((t) => [t.presenter, t.kind, t.title, t.main])).toEqual([
      ["Alice", "blog", "Scaling laws", false],
      ["Alice", "paper", "Attention Is All You Need", true],
    ]);
    expect(parsed.topics[1]?.summary).toBe("");
  });

  it("uses the user's template and reports unknown variables", () => {
    const plan = planSession({
      sessions: [],
      settings: settings(),
      date: "2024-09-05",
      language: "en",
      link,
      sessionTemplate: "# {{series}} {{speaker}}\n{{presenters}}",
    });
    expect(plan.text).toBe("# Study session {{speaker}}\n");
    expect(plan.unknown).toEqual(["{{speaker}}"]);
  });
});

describe("file names", () => {
  it("never hold the characters SPEC §7 forbids", () => {
    expect(sanitizeFileName('2024-09-05 ML/AI: "deep" #1 ^x [a|b] c*?<>\\')).toBe(
      "2024-09-05 ML-AI- -deep- -1 -x -a-b- c-----",
    );
    expect(sanitizeFileName("2024-09-05 機械学習勉強会")).toBe("2024-09-05 機械学習勉強会");
    expect(sanitizeFileName("...")).toBe("");
  });
});

describe("settings migration", () => {
  it.each([
    ["sessionsFolder", "../../outside"],
    ["papersFolder", "Papers/../../x"],
    ["sessionTemplate", "C:/Users/me/template.md"],
    ["paperTemplate", "..\\secrets.md"],
  ] as const)("refuses %s leading outside the vault (%s): default kept, said once", (field, value) => {
    const { settings, fieldProblems } = migrateSettings({ [field]: value });
    expect(settings[field]).toBe(DEFAULT_SETTINGS[field]);
    expect(fieldProblems.map((p) => p.field)).toEqual([field]);
    expect(fieldProblems[0]?.message).toMatch(/outside the vault/);
  });

  it("keeps folders and templates inside the vault, tidied", () => {
    const { settings, fieldProblems } = migrateSettings({
      sessionsFolder: "/Weekly/./ML/",
      papersFolder: "Library\\Papers",
      sessionTemplate: "Templates/Session.md",
    });
    expect(settings).toMatchObject({
      sessionsFolder: "Weekly/ML",
      papersFolder: "Library/Papers",
      sessionTemplate: "Templates/Session.md",
    });
    expect(fieldProblems).toEqual([]);
  });

  it("gives defaults for missing, garbage and foreign data, keeping what is usable", () => {
    expect(migrateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problem: null, fieldProblems: [] });
    expect(migrateSettings(42).problem).toBe("not an object");
    expect(migrateSettings([1, 2]).problem).toBe("not an object");
    const partial = migrateSettings({
      weekday: 9,
      intervalWeeks: 3,
      sessionsFolder: "/Weekly/",
      roster: [{ name: "A" }, { nope: 1 }, "x"],
      autoSync: "yes",
    });
    expect(partial.settings).toMatchObject({
      weekday: 4,
      intervalWeeks: 1,
      sessionsFolder: "Weekly",
      roster: [{ name: "A", aliases: [], active: true }],
      autoSync: true,
    });
    // Each field of the wrong type is named, once; a field with a right type but odd value is kept.
    expect(partial.fieldProblems.map((p) => p.field)).toEqual(["weekday", "intervalWeeks", "autoSync"]);
    expect(partial.fieldProblems[2]?.message).toBe(
      '"autoSync" should be true or false, not "yes"; the default true is used',
    );
  });

  it("carries a version 1 data.json forward", () => {
    const v1 = { version: 1, kindAliases: { 輪読: "paper" }, autoSync: false };
    expect(migrateSettings(v1).settings).toEqual({
      ...DEFAULT_SETTINGS,
      kindAliases: { 輪読: "paper" },
      autoSync: false,
    });
  });

  it("reads kind aliases as the settings tab writes them", () => {
    const aliases = parseKindAliases("輪読 = paper\n[Podcast] = talk\nnonsense\n");
    expect(aliases).toEqual({ 輪読: "paper", Podcast: "talk" });
    expect(parseKindAliases(formatKindAliases(aliases))).toEqual(aliases);
  });
});
