import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { indexToJson } from "../../../src/core/index/index-json";
import { sessionFromParse } from "../../../src/core/index/session-entry";
import { TopicIndex } from "../../../src/core/index/topic-index";
import { parseNote } from "../../../src/core/note/parser";
import { planSession } from "../../../src/core/session/plan";
import { parseRoster } from "../../../src/core/session/roster";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import { ENGLISH_LABELS, statsReport } from "../../../src/core/stats/report";
import { computeStats, statsToJson, upcomingMeetings } from "../../../src/core/stats/stats";

const root = join(__dirname, "..", "..", "..");

/** The three Notion exports and the two demo notes, as the plugin indexes them. */
function fixtureIndex(roster: Settings["roster"] = []): TopicIndex {
  const index = new TopicIndex(roster);
  const exports = join(root, "test", "fixtures", "notion-export");
  for (const name of readdirSync(exports).filter((n) => n.endsWith(".txt"))) {
    const file = `Sessions/${name.replace(".txt", "")} 機械学習勉強会.md`;
    index.upsert(sessionFromParse(file, parseNote(readFileSync(join(exports, name), "utf8"), { path: file })));
  }
  for (const name of readdirSync(join(root, "demo", "notes"))) {
    const file = `Sessions/${name}`;
    const text = readFileSync(join(root, "demo", "notes", name), "utf8");
    index.upsert(sessionFromParse(file, parseNote(text, { path: file })));
  }
  return index;
}

const settings = (patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  roster: [],
  rotation: [],
  kindAliases: {},
  ...patch,
});

/** A small vault written out in notes, for exact figures. */
function vault(notes: Record<string, string>, roster: Settings["roster"] = []): TopicIndex {
  const index = new TopicIndex(roster);
  for (const [file, text] of Object.entries(notes))
    index.upsert(sessionFromParse(file, parseNote(text, { path: file })));
  return index;
}

const small = {
  "S/2024-01-04.md": "今週のTOPIC\n@Alice / al\n[論文] A1\n[blog] A2\n@Bob\nB1\nメインTOPIC: M1\n@al\n",
  "S/2024-01-11.md": "今週のTOPIC\n@al (Alice)\n[paper] A3\n@Carol\n[repo] C1\nメインTOPIC: M2\n@Bob\n",
  "S/2024-02-01.md": "今週のTOPIC\n@Bob\n[記事] B2\n@Carol\n[blog] C2\nメインTOPIC: M3\n@Carol\n",
};

describe("computeStats", () => {
  it("counts per presenter by kind and month, with main topics, last date and sessions missed", () => {
    const roster = parseRoster("Alice / al\nBob\nCarol");
    const stats = computeStats(vault(small, roster), settings({ roster }));
    expect(statsToJson(stats)).toEqual({
      presenters: [
        {
          name: "Alice",
          aliases: ["al"],
          topics: 4,
          byKind: { paper: 2, blog: 1, none: 1 },
          byMonth: { "2024-01": 4 },
          main: [{ date: "2024-01-04", title: "M1", file: "S/2024-01-04.md" }],
          last: "2024-01-11",
        },
        {
          name: "Bob",
          aliases: [],
          topics: 3,
          byKind: { article: 1, none: 2 },
          byMonth: { "2024-01": 2, "2024-02": 1 },
          main: [{ date: "2024-01-11", title: "M2", file: "S/2024-01-11.md" }],
          last: "2024-02-01",
        },
        {
          name: "Carol",
          aliases: [],
          topics: 3,
          byKind: { blog: 1, repo: 1, none: 1 },
          byMonth: { "2024-01": 1, "2024-02": 2 },
          main: [{ date: "2024-02-01", title: "M3", file: "S/2024-02-01.md" }],
          last: "2024-02-01",
        },
      ],
      months: [
        { month: "2024-01", topics: 7, byKind: { paper: 2, blog: 1, repo: 1, none: 3 } },
        { month: "2024-02", topics: 3, byKind: { blog: 1, article: 1, none: 1 } },
      ],
      // Carol gave the last main topic: the roster goes round to Alice.
      rotation: { order: ["Alice", "Bob", "Carol"], last: "Carol", next: "Alice" },
    });
    expect(stats.presenters.map((p) => [p.name, p.missed])).toEqual([
      ["Alice", 1],
      ["Bob", 0],
      ["Carol", 0],
    ]);
    expect(stats.kinds).toEqual(["paper", "blog", "article", "repo", "none"]);
  });

  it("filters by date range and series, keeping the rotation of the whole vault", () => {
    const index = vault({ ...small, "T/2024-02-08.md": "---\nseries: Reading\n---\n今週のTOPIC\n@Dan\n[book] D1\n" });
    const january = computeStats(index, settings(), { from: "2024-01-01", to: "2024-01-31" });
    expect(january.months.map((m) => m.month)).toEqual(["2024-01"]);
    expect(january.sessions).toBe(2);
    expect(january.presenters.find((p) => p.name === "Carol")?.topics).toBe(1);
    const reading = computeStats(index, settings(), { series: "Reading" });
    expect(reading.presenters.map((p) => [p.name, p.topics])).toContainEqual(["Dan", 1]);
    expect(reading.topics).toBe(1);
    expect(reading.rotation).toEqual(computeStats(index, settings()).rotation);
  });

  it("agrees with the topic index on the fixtures: every topic counted once, under the same people", () => {
    const index = fixtureIndex();
    const json = indexToJson(index);
    const stats = statsToJson(computeStats(index, settings()));
    const fromIndex = json.presenters.map((p) => ({ name: p.name, aliases: p.aliases, topics: p.topics.length }));
    expect(
      stats.presenters.filter((p) => p.topics > 0).map((p) => ({ name: p.name, aliases: p.aliases, topics: p.topics })),
    ).toEqual(expect.arrayContaining(fromIndex));
    expect(stats.presenters.filter((p) => p.topics > 0)).toHaveLength(fromIndex.length);
    for (const kind of json.kinds) {
      const total = stats.months.reduce((sum, m) => sum + (m.byKind[kind.kind ?? "none"] ?? 0), 0);
      expect(total, String(kind.kind)).toBe(kind.topics.length);
    }
    expect(stats.months.reduce((sum, m) => sum + m.topics, 0)).toBe(json.topics.length);
  });

  it("names the same next main presenter as New session note", () => {
    const roster = parseRoster(
      "Naoto Shimakoshi\nYuta Kamikawa\n~Shun Ito\nMasamune Ishihara\nqluto (Ryosuke Fukazawa)",
    );
    for (const patch of [{}, { roster }, { roster, rotation: ["Masamune Ishihara", "Shun Ito", "Naoto Shimakoshi"] }]) {
      const s = settings(patch);
      const index = fixtureIndex(s.roster);
      const plan = planSession({
        sessions: index.allSessions(),
        settings: s,
        date: "2024-09-26",
        language: "en",
        link: String,
      });
      const rotation = computeStats(index, s).rotation;
      expect(rotation.next).toBe(plan.mainPresenter === null ? null : index.displayName(plan.mainPresenter));
    }
    const rotation = computeStats(fixtureIndex(roster), settings({ roster })).rotation;
    expect(rotation).toEqual({
      order: ["Naoto Shimakoshi", "Yuta Kamikawa", "Masamune Ishihara", "Ryosuke Fukazawa"],
      last: "Masamune Ishihara",
      next: "Ryosuke Fukazawa",
      skipped: ["Shun Ito"],
    });
  });

  it("is empty, not broken, for an empty vault", () => {
    const stats = computeStats(new TopicIndex(), settings());
    expect(statsToJson(stats)).toEqual({ presenters: [], months: [], rotation: { order: [], last: null, next: null } });
    expect(statsReport(stats, ENGLISH_LABELS)).toContain("- Next: —");
  });
});

describe("upcomingMeetings", () => {
  it("plans each meeting after the next by the same rotation, keeping a main presenter a note already names", () => {
    const roster = parseRoster("Alice\nBob\n~Carol\nDan");
    const index = vault(
      { ...small, "S/2024-02-15.md": "今週のTOPIC\n@Bob\n[blog] early\nメインTOPIC: planned\n@Dan\n" },
      roster,
    );
    // Thursdays; today is Wednesday 2024-02-07. The last main topic before it was Carol's (not presenting).
    const meetings = upcomingMeetings(index, settings({ roster }), "2024-02-07", 5);
    expect(meetings).toEqual([
      { date: "2024-02-08", mainPresenter: "Alice", file: null },
      { date: "2024-02-15", mainPresenter: "Dan", file: "S/2024-02-15.md" },
      { date: "2024-02-22", mainPresenter: "Alice", file: null },
      { date: "2024-02-29", mainPresenter: "Bob", file: null },
      { date: "2024-03-07", mainPresenter: "Dan", file: null },
    ]);
  });
});

describe("statsReport", () => {
  it("writes Markdown tables whose cells cannot be broken by a name", () => {
    const index = vault({ "S/2024-03-07.md": "今週のTOPIC\n@A|B\n[blog] x\n" });
    const report = statsReport(computeStats(index, settings()), ENGLISH_LABELS);
    expect(report).toContain("| A\\|B | 1 | 1 | — | 2024-03-07 | 0 |");
    const columns = (line: string): number => line.split(/(?<!\\)\|/).length;
    const table = report
      .split("\n")
      .filter((l) => l.startsWith("|"))
      .slice(0, 3);
    expect(new Set(table.map(columns)).size).toBe(1);
  });
});
