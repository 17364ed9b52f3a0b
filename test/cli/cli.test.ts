import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import type { IndexJson } from "../../src/core/index/index-json";
import type { ParsedNote } from "../../src/core/note/model";
import type { StatsJson } from "../../src/core/stats/stats";

const fixtures = join(__dirname, "..", "fixtures", "notion-export");

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  // Only papers (tested in papers.test.ts) answers with a promise.
  const code = run(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }) as number;
  return { code, out, err };
}

function vaultWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "ssn-cli-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe("session-notes parse", () => {
  it("prints SPEC §3 JSON", () => {
    const { code, out } = cli("parse", join(fixtures, "2024-08-29.txt"), "--json");
    expect(code).toBe(0);
    const note = JSON.parse(out) as ParsedNote;
    expect(Object.keys(note)).toEqual(
      expect.arrayContaining(["path", "date", "series", "presenters", "topics", "warnings"]),
    );
    expect(note.date).toBe("2024-08-29");
    expect(note.topics).toHaveLength(8);
    expect(Object.keys(note.topics[0] ?? {})).toEqual(
      expect.arrayContaining([
        "presenter",
        "kind",
        "kindLabel",
        "title",
        "url",
        "main",
        "tags",
        "line",
        "endLine",
        "summary",
      ]),
    );
  });

  it("prints a readable listing without --json", () => {
    const { code, out } = cli("parse", join(fixtures, "2024-05-02.txt"));
    expect(code).toBe(0);
    expect(out).toContain("@Ryosuke Fukazawa");
    expect(out).toContain("[論文] Learning Loss for Active Learning");
  });

  it("exits 1 with the file named for a missing or binary file", () => {
    const missing = cli("parse", "/nonexistent/note.md");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("cannot open '/nonexistent/note.md': no such file");
    const dir = vaultWith({ "junk.md": new Uint8Array([0x00, 0xff, 0xfe, 0x00, 0x01]) });
    const junk = cli("parse", join(dir, "junk.md"));
    expect(junk.code).toBe(1);
    expect(junk.err).toMatch(/junk\.md: (is not valid|looks like a binary)/);
  });

  it("exits 2 on usage errors", () => {
    expect(cli().code).toBe(2);
    expect(cli("parse").code).toBe(2);
    expect(cli("parse", "a", "b").code).toBe(2);
    expect(cli("parse", "a", "--bogus").code).toBe(2);
    expect(cli("frobnicate").code).toBe(2);
  });
});

describe("session-notes index", () => {
  const dir = vaultWith({
    "Sessions/2024-07-24.md": "今週のTOPIC\n@qluto (Ryosuke Fukazawa)\n[論文] SpreadsheetLLM #llm\n",
    "Sessions/2024-08-29.md":
      "今週のTOPIC\n@Ryosuke Fukazawa / qluto\n[論文] DocLLM #llm\n@Shun Ito\n[blog] Boxes\nメインTOPIC: VerifiNER\n",
    "Notes/shopping.md": "# Shopping\n- milk\n",
    ".obsidian/ignored.md": "@A\n[blog] hidden\n",
  });

  it("merges one person across alias forms and lists every session note", () => {
    const { code, out } = cli("index", dir, "--json");
    expect(code).toBe(0);
    const index = JSON.parse(out) as IndexJson;
    expect(index.sessions.map((s) => s.file)).toEqual(["Sessions/2024-08-29.md", "Sessions/2024-07-24.md"]);
    const people = index.presenters.filter((p) => [p.name, ...p.aliases].includes("qluto"));
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: "Ryosuke Fukazawa", aliases: ["qluto"] });
    // Group lists refer to the top-level topics by file and line; each topic is written once.
    const byRef = new Map(index.topics.map((t) => [`${t.file}:${t.line}`, t]));
    expect(people[0]?.topics.map((ref) => byRef.get(`${ref.file}:${ref.line}`)?.title)).toEqual([
      "DocLLM",
      "SpreadsheetLLM",
    ]);
    expect(people[0]?.topics.every((ref) => Object.keys(ref).sort().join() === "file,line")).toBe(true);
    expect(index.topics.every((t) => typeof t.file === "string" && !t.file.includes("\\"))).toBe(true);
    expect(index.kinds.find((k) => k.kind === "paper")?.topics).toHaveLength(2);
    expect(index.tags).toEqual([expect.objectContaining({ tag: "llm" })]);
  });

  it("groups the readable listing by the chosen key", () => {
    const byMonth = cli("index", dir, "--by", "month");
    expect(byMonth.code).toBe(0);
    expect(byMonth.out).toMatch(/2024-08 \(3\)[\s\S]*2024-07 \(1\)/);
    expect(cli("index", dir, "--by", "colour").code).toBe(2);
  });

  it("says what to do with a folder of .txt pages instead of reporting an empty vault", () => {
    const result = cli("index", fixtures);
    expect(result.out).toContain("0 sessions");
    expect(result.err).toContain("only .txt pages");
  });

  it("exits 1 for a folder that does not exist", () => {
    expect(cli("index", join(dir, "nope")).code).toBe(1);
  });
});

describe("session-notes sync", () => {
  const session = "2024-08-29 機械学習勉強会\n今週のTOPIC\n@Alice\n[blog] A #x\n";

  it("writes entries once, then --check passes and nothing changes", async () => {
    const dir = vaultWith({ "s/2024-08-29.md": session, "s/plain.md": "# just a note\n" });
    const { readFileSync } = await import("node:fs");
    const check = cli("sync", dir, "--check");
    expect(check.code).toBe(1);
    expect(check.err).toContain("2024-08-29.md");
    expect(readFileSync(join(dir, "s/2024-08-29.md"), "utf8")).toBe(session);

    const first = cli("sync", dir);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain("1 updated, 0 unchanged, 0 failed");
    const written = readFileSync(join(dir, "s/2024-08-29.md"), "utf8");
    expect(written).toBe(
      `---\ntype: study-session\ndate: 2024-08-29\npresenters: [Alice]\ntopics:\n  - title: "A"\n    kind: blog\n    presenter: Alice\n    tags: [x]\n---\n${session}`,
    );
    expect(readFileSync(join(dir, "s/plain.md"), "utf8")).toBe("# just a note\n");

    expect(cli("sync", dir, "--check").code).toBe(0);
    const again = cli("sync", join(dir, "s/2024-08-29.md"));
    expect(again.out).toContain("0 updated, 1 unchanged");
    expect(readFileSync(join(dir, "s/2024-08-29.md"), "utf8")).toBe(written);
  });

  it("refuses malformed YAML with file and line, and leaves the file untouched", async () => {
    const bad = `---\ntitle: ok\ntags: [a, b\n---\n${session}`;
    const dir = vaultWith({ "bad.md": bad });
    const { readFileSync, readdirSync } = await import("node:fs");
    const result = cli("sync", join(dir, "bad.md"));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/bad\.md:3: Malformed YAML/);
    expect(readFileSync(join(dir, "bad.md"), "utf8")).toBe(bad);
    expect(readdirSync(dir)).toEqual(["bad.md"]);
  });

  it("says which explicitly named file is not a session note", () => {
    const dir = vaultWith({ "plain.md": "# hi\n" });
    const result = cli("sync", join(dir, "plain.md"));
    expect(result.code).toBe(0);
    expect(result.err).toContain("not a session note");
  });

  it("needs a PATH", () => {
    expect(cli("sync").code).toBe(2);
  });
});

describe("session-notes new", () => {
  it("creates the next session note from the vault, learned roster and all, and never overwrites", async () => {
    const { readFileSync, writeFileSync: write } = await import("node:fs");
    const dir = vaultWith({
      "S/2024-08-22 輪読会.md": "今週のTOPIC\n@Alice / al\n[blog] A\n@Bob\n[論文] B\nメインTOPIC\n@Bob\n[論文] Main\n",
      "S/2024-08-29 輪読会.md": "今週のTOPIC\n@al\n[blog] C\n@Carol\n[repo] D\n",
    });
    const first = cli("new", "--vault", dir, "--date", "2024-09-05");
    expect(first.code).toBe(0);
    const path = first.out.trim();
    expect(path).toBe(join(dir, "S/2024-09-05 輪読会.md"));
    const text = readFileSync(path, "utf8");
    expect(text).toContain("# 輪読会 第3回（2024年9月5日）");
    expect(text).toContain("前回: [[2024-08-29 輪読会]]");
    const parsed = JSON.parse(cli("parse", path, "--json").out) as ParsedNote;
    expect(parsed.presenters.map((p) => p.name)).toEqual(["Alice", "Carol", "Bob"]);
    // Bob had the last main topic; next in the learned order (Alice, Carol, Bob) wraps to Alice.
    expect(text).toContain("## メインTOPIC\n\n### @Alice\n");

    write(path, "edited by hand\n");
    const again = cli("new", "--vault", dir, "--date", "2024-09-05");
    expect(again.code).toBe(0);
    expect(again.out.trim()).toBe(path);
    expect(readFileSync(path, "utf8")).toBe("edited by hand\n");
  });

  it("reads the plugin's data.json for roster, rotation, folder and language", () => {
    const dir = vaultWith({});
    const config = join(dir, "data.json");
    writeFileSync(
      config,
      JSON.stringify({
        sessionsFolder: "Weekly",
        seriesName: "ML/AI 会",
        roster: [
          { name: "Dana", aliases: [], active: true },
          { name: "Eve", aliases: [], active: false },
        ],
      }),
    );
    const result = cli("new", "--vault", dir, "--date", "2024-09-05", "--config", config, "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.out.trim()).toBe(join(dir, "Weekly/2024-09-05 ML-AI 会.md"));
  });

  it("refuses bad input with exit 1 or 2", () => {
    const dir = vaultWith({ "bad.json": "{ nope" });
    expect(cli("new").code).toBe(2);
    expect(cli("new", "--vault", dir, "--date", "2024-02-30").code).toBe(2);
    const bad = cli("new", "--vault", dir, "--config", join(dir, "bad.json"));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("bad.json");
  });
});

describe("session-notes related", () => {
  it("prints every topic with its related topics in other sessions, best first, with reasons", async () => {
    const { readFileSync } = await import("node:fs");
    const notes: Record<string, string> = {};
    for (const day of ["2024-05-02", "2024-07-24", "2024-08-29"])
      notes[`S/${day}.md`] = readFileSync(join(fixtures, `${day}.txt`), "utf8");
    const vault = vaultWith(notes);
    const { code, out } = cli("related", vault, "--json", "--top", "3");
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      topics: Array<{
        file: string;
        line: number;
        title: string;
        related: Array<{ file: string; line: number; title: string; score: number; reasons: string[] }>;
      }>;
    };
    expect(result.topics).toHaveLength(20);
    const trust = result.topics.find((t) => t.title.startsWith("Can we trust"));
    expect(trust?.file).toBe("S/2024-08-29.md");
    expect(trust?.line).toBe(75);
    expect(trust?.related.map((r) => r.title)).toContain("Learning Intelligent Dialogs for Bounding Box Annotation");
    for (const topic of result.topics) {
      expect(topic.related.length).toBeLessThanOrEqual(3);
      expect(topic.related.every((r) => r.file !== topic.file && r.reasons.length > 0)).toBe(true);
      const scores = topic.related.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(cli("related", vault, "--top", "0").code).toBe(2);
    // Written topic by topic, the compact JSON is the indented one without its indentation.
    const pretty = cli("related", vault, "--json", "--pretty", "--top", "3").out;
    expect(pretty).toContain('\n  "topics": [');
    expect(out.trim()).toBe(JSON.stringify(JSON.parse(pretty)));
  });
});

describe("session-notes import", () => {
  it("turns the Notion exports into session notes whose topics parse the same, and never overwrites", async () => {
    const { readFileSync } = await import("node:fs");
    const out = join(vaultWith({}), "Imported");
    const files = ["2024-05-02", "2024-07-24", "2024-08-29"].map((d) => join(fixtures, `${d}.txt`));
    const first = cli("import", ...files, "--out", out);
    expect(first.code).toBe(0);
    const written = first.out.trim().split("\n");
    expect(written).toEqual(["2024-05-02", "2024-07-24", "2024-08-29"].map((d) => join(out, `${d} 機械学習勉強会.md`)));
    for (const [i, path] of written.entries()) {
      const original = JSON.parse(cli("parse", files[i] ?? "", "--json").out) as ParsedNote;
      const imported = JSON.parse(cli("parse", path, "--json").out) as ParsedNote;
      const shape = (n: ParsedNote) => n.topics.map((t) => [t.presenter, t.kind, t.title, t.url, t.main]);
      expect(shape(imported)).toEqual(shape(original));
      expect(imported.date).toBe(original.date);
      expect(readFileSync(path, "utf8")).toMatch(/^---\ntype: study-session\n/);
    }
    expect(cli("sync", out, "--check").code).toBe(0);
    // The same page again is this import's own output: left as it is, exit 0.
    const again = cli("import", files[0] ?? "", "--out", out);
    expect(again.code).toBe(0);
    expect(again.out).toBe("");
    // A different file at the target is never overwritten, and says so with exit 1.
    writeFileSync(written[0] ?? "", "my own note\n");
    const clash = cli("import", files[0] ?? "", "--out", out);
    expect(clash.code).toBe(1);
    expect(clash.err).toContain("exists already and is a different file");
    expect(readFileSync(written[0] ?? "", "utf8")).toBe("my own note\n");
  });

  it("refuses a page with no session in it", () => {
    const dir = vaultWith({ "shopping.txt": "milk\neggs\n" });
    const result = cli("import", join(dir, "shopping.txt"), "--out", join(dir, "out"));
    expect(result.code).toBe(1);
    expect(result.err).toContain("not a session page");
    expect(cli("import", join(dir, "shopping.txt")).code).toBe(2);
  });
});

describe("session-notes stats", () => {
  const exports: Record<string, string> = {};
  for (const name of ["2024-05-02", "2024-07-24", "2024-08-29"])
    exports[`Sessions/${name} 機械学習勉強会.md`] = readFileSync(join(fixtures, `${name}.txt`), "utf8");
  const dir = vaultWith({
    ...exports,
    "Sessions/2024-09-12.md":
      "今週のTOPIC\n@qluto (Ryosuke Fukazawa)\n[論文] LLM #llm\n@Shun Ito\n[blog] Boxes\nメインTOPIC: VerifiNER\n@Shun Ito\n",
  });

  it("agrees with index --json: the same people, each topic counted once by kind and month", () => {
    const stats = JSON.parse(cli("stats", dir, "--json").out) as StatsJson;
    const index = JSON.parse(cli("index", dir, "--json").out) as IndexJson;
    expect(Object.keys(stats)).toEqual(["presenters", "months", "rotation"]);
    expect(Object.keys(stats.rotation)).toEqual(["order", "last", "next"]);
    expect(
      stats.presenters
        .map((p) => Object.keys(p))
        .every((k) => k.join() === "name,aliases,topics,byKind,byMonth,main,last"),
    ).toBe(true);
    const people = (list: Array<{ name: string; aliases: string[]; n: number }>): unknown =>
      [...list].sort((a, b) => a.name.localeCompare(b.name));
    expect(people(stats.presenters.map((p) => ({ name: p.name, aliases: p.aliases, n: p.topics })))).toEqual(
      people(index.presenters.map((p) => ({ name: p.name, aliases: p.aliases, n: p.topics.length }))),
    );
    const topicAt = new Map(index.topics.map((t) => [`${t.file}:${t.line}`, t]));
    for (const person of index.presenters) {
      const p = { name: person.name, topics: person.topics.map((ref) => topicAt.get(`${ref.file}:${ref.line}`)!) };
      const s = stats.presenters.find((x) => x.name === p.name);
      const byKind: Record<string, number> = {};
      const byMonth: Record<string, number> = {};
      for (const t of p.topics) {
        byKind[t.kind ?? "none"] = (byKind[t.kind ?? "none"] ?? 0) + 1;
        if (t.date) byMonth[t.date.slice(0, 7)] = (byMonth[t.date.slice(0, 7)] ?? 0) + 1;
      }
      expect(s?.byKind, p.name).toEqual(byKind);
      expect(s?.byMonth, p.name).toEqual(byMonth);
      expect(s?.main, p.name).toEqual(
        p.topics
          .filter((t) => t.main)
          .map((t) => ({ date: t.date, title: t.title, file: t.file }))
          .reverse(),
      );
      expect(s?.last, p.name).toBe(
        p.topics
          .map((t) => t.date)
          .sort()
          .at(-1),
      );
    }
    for (const k of index.kinds)
      expect(stats.months.reduce((n, m) => n + (m.byKind[k.kind ?? "none"] ?? 0), 0)).toBe(k.topics.length);
    expect(stats.months.map((m) => m.month)).toEqual(["2024-05", "2024-07", "2024-08", "2024-09"]);
    expect(stats.rotation.last).toBe("Shun Ito");
  });

  it("takes roster and rotation from --config, and prints Markdown tables without --json", () => {
    const config = join(dir, "data.json");
    writeFileSync(
      config,
      JSON.stringify({
        roster: [
          { name: "Ryosuke Fukazawa", aliases: ["qluto"] },
          { name: "Shun Ito", aliases: [] },
          { name: "Nobody Yet", aliases: [], active: false },
        ],
      }),
    );
    const stats = JSON.parse(cli("stats", dir, "--json", "--config", config).out) as StatsJson;
    expect(stats.rotation).toEqual({
      order: ["Ryosuke Fukazawa", "Shun Ito"],
      last: "Shun Ito",
      next: "Ryosuke Fukazawa",
    });
    expect(stats.presenters.find((p) => p.name === "Nobody Yet")).toMatchObject({ topics: 0, last: null, main: [] });
    const { code, out } = cli("stats", dir);
    expect(code).toBe(0);
    expect(out).toContain("| Presenter | Topics |");
    expect(out).toContain("- Next: ");
  });

  it("filters by date and prints the next meetings as iCalendar", () => {
    const may = JSON.parse(cli("stats", dir, "--json", "--to", "2024-05-31").out) as StatsJson;
    expect(may.months.map((m) => m.month)).toEqual(["2024-05"]);
    const { code, out } = cli("stats", dir, "--ics", "3", "--date", "2024-09-13");
    expect(code).toBe(0);
    expect(out.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(out.match(/DTSTART;VALUE=DATE:\d+/g)).toEqual([
      "DTSTART;VALUE=DATE:20240919",
      "DTSTART;VALUE=DATE:20240926",
      "DTSTART;VALUE=DATE:20241003",
    ]);
  });

  it("exits 2 on usage errors", () => {
    expect(cli("stats").code).toBe(2);
    expect(cli("stats", dir, "--from", "2024-13-01").code).toBe(2);
    expect(cli("stats", dir, "--ics", "0").code).toBe(2);
  });
});

describe("session-notes manners", () => {
  const note = vaultWith({ "n.md": "今週のTOPIC\n@A\n[blog] One\n" });

  it.each([
    { name: "top-level -h", argv: ["-h"], out: /^usage: session-notes \[-h \| --help\] \[--version\] VERB/ },
    { name: "top-level --help", argv: ["--help"], out: /Verbs:\n {2}parse {5}parse one session note/ },
    { name: "help", argv: ["help"], out: /Exit codes: 0 success; 1 bad input/ },
    { name: "help VERB", argv: ["help", "sync"], out: /^usage: session-notes sync PATH… \[--check\]/ },
    { name: "VERB --help", argv: ["parse", "--help"], out: /^usage: session-notes parse FILE \[--json\]/ },
    { name: "VERB -h among other words", argv: ["index", "x", "--bogus", "-h"], out: /--by KEY +group by kind/ },
    { name: "--version", argv: ["--version"], out: /^session-notes \d+\.\d+\.\d+\n$/ },
  ])("$name prints to stdout and exits 0", ({ argv, out }) => {
    const result = cli(...argv);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(out);
  });

  it("says in help and in text output that lines count from 1 while JSON counts from 0", () => {
    expect(cli("help").out).toContain("count from 1");
    expect(cli("parse", "--help").out).toMatch(/count from 1[\s\S]*count from 0/);
    const text = cli("parse", join(note, "n.md")).out;
    expect(text).toContain("line numbers count from 1");
    expect(text).toMatch(/\n {5}3 {2}\[blog\] One/);
    expect((JSON.parse(cli("parse", join(note, "n.md"), "--json").out) as ParsedNote).topics[0]?.line).toBe(2);
    expect(cli("index", note).out).toContain("FILE:LINE counts lines from 1");
    expect(cli("index", note).out).toContain("n.md:3");
  });

  it.each([
    { argv: [], err: /^usage: session-notes/ },
    { argv: ["parse", "n.md", "--bogus"], err: /unknown option '--bogus' for parse\nRun 'session-notes parse --help'/ },
    { argv: ["parse", "n.md", "-x"], err: /unknown option '-x' for parse/ },
    { argv: ["parse", "n.md", "--json=yes"], err: /option '--json' takes no value/ },
    { argv: ["import", "a.txt", "--out"], err: /option '--out' needs a value \(--out DIR\)/ },
    { argv: ["import", "a.txt", "--out="], err: /option '--out' needs a value/ },
    { argv: ["parse"], err: /parse needs a FILE/ },
    { argv: ["parse", "a", "b"], err: /parse takes one FILE; 'b' is one too many/ },
    { argv: ["pars", "a"], err: /'pars' is not a verb; did you mean 'parse'/ },
    { argv: ["--json"], err: /unknown option '--json'; options go after the verb/ },
    { argv: ["help", "frob"], err: /'frob' is not a verb/ },
    { argv: ["related", "x", "--top", "ten"], err: /--top takes a whole number from 1 to 100; not 'ten'/ },
    { argv: ["index", "x", "--by", "colour"], err: /--by takes kind, tag, presenter, month; not 'colour'/ },
  ])("usage error $argv: exit 2 and a message naming it", ({ argv, err }) => {
    const result = cli(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err).toMatch(err);
  });

  it.each([
    { argv: ["parse", "/nonexistent/note.md"], err: "cannot open '/nonexistent/note.md': no such file\n" },
    { argv: ["parse", note], err: `cannot open '${note}': it is a folder, not a file\n` },
    { argv: ["index", join(note, "nope")], err: `cannot open folder '${join(note, "nope")}': no such folder\n` },
    {
      argv: ["index", join(note, "n.md")],
      err: `cannot open folder '${join(note, "n.md")}': it is a file, not a folder`,
    },
    { argv: ["new", "--vault", note, "--config", join(note, "none.json")], err: "cannot open settings" },
  ])("file problem $argv: exit 1 in words, no system error code", ({ argv, err }) => {
    const result = cli(...argv);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`session-notes: ${err}`);
    expect(result.err).not.toMatch(/\bE[A-Z]{3,}\b/);
  });

  it("lists related topics by rank with reasons, without raw scores", async () => {
    const { readFileSync } = await import("node:fs");
    const notes: Record<string, string> = {};
    for (const day of ["2024-05-02", "2024-07-24", "2024-08-29"])
      notes[`S/${day}.md`] = readFileSync(join(fixtures, `${day}.txt`), "utf8");
    const { code, out } = cli("related", vaultWith(notes), "--top", "2");
    expect(code).toBe(0);
    expect(out).toMatch(/^20 topics; related ones best first/);
    expect(out).toMatch(/\n {3}1\. .+ \(S\/2024-\d\d-\d\d\.md:\d+\)\n {6}(Same paper|Shared tag|Both about)/);
    expect(out).not.toMatch(/\d+\.\d\d(?!\d)/);
  });
});

describe("session-notes new: language", () => {
  it.each([
    {
      name: "English after Japanese",
      older: "今週のTOPIC\n@A\n[blog] 古い\n",
      latest: "This week's topics\n@A\n[blog] New\n",
      heading: "## This week's topics",
    },
    {
      name: "Japanese after English",
      older: "This week's topics\n@A\n[blog] Old\n",
      latest: "今週のTOPIC\n@A\n[blog] New\n",
      heading: "## 今週のTOPIC",
    },
  ])("follows the latest session: $name", async ({ older, latest, heading }) => {
    const { readFileSync } = await import("node:fs");
    const dir = vaultWith({ "S/2024-08-22 Group.md": older, "S/2024-08-29 Group.md": latest });
    const result = cli("new", "--vault", dir, "--date", "2024-09-05");
    expect(result.code).toBe(0);
    expect(readFileSync(result.out.trim(), "utf8")).toContain(heading);
  });
});
