import { afterEach, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { SessionSettingTab } from "../../../src/app/settings/settings-tab";
import { createTranslator } from "../../../src/i18n";
import { loadPlugin, notionNotes, templateNotes, type Harness } from "../harness";
import { sessionFromProperties } from "../../../src/core/index/session-entry";
import { TopicIndex } from "../../../src/core/index/topic-index";
import { indexOf } from "../background";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const NOTE = "Sessions/2024-08-29 機械学習勉強会.md";
const ROSTER = [{ name: "Ryosuke Fukazawa", aliases: ["qluto", "深澤"] }];

const run = (h: Harness, id: string): Promise<void> => (h.command(id).callback as () => Promise<void>)();
const read = (h: Harness, path: string): Promise<string> => h.app.vault.read(h.file(path));

function presentersAndTopics(text: string): unknown {
  return parseYaml(text.split("---\n")[1] ?? "");
}

function presenters(text: string): unknown {
  const fm = parseYaml(text.split("---\n")[1] ?? "") as Record<string, unknown>;
  return fm.presenters;
}

function tabOf(h: Harness, lang: "en" | "ja" = "en"): SessionSettingTab {
  return new SessionSettingTab(h.app.asOriginalType__(), h.plugin, createTranslator(lang));
}

describe("presenters as links to people notes", () => {
  it("turned on, rewrites the synced notes' presenters as links in the background; off, back byte for byte", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin(notionNotes(), { roster: ROSTER });
    h.layoutReady();
    await run(h, "sync-all");
    const plain = await read(h, NOTE);
    expect(presenters(plain)).toContain("Ryosuke Fukazawa");
    const others = await Promise.all(Object.keys(notionNotes()).map((p) => read(h, p)));

    const tab = tabOf(h);
    await tab.setControlValue("presenterLinks", true);
    // Re-applied once the settings pause, in slices of the background work.
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(async () =>
      expect(presenters(await read(h, NOTE))).toContain("[[People/Ryosuke Fukazawa|Ryosuke Fukazawa]]"),
    );
    const linked = await read(h, NOTE);
    expect(linked).toMatch(/^presenters: \["\[\[People\/Naoto Shimakoshi\|Naoto Shimakoshi\]\]", /m);
    // Only the presenters line changed.
    expect(linked.replace(/^presenters: .*$/m, "")).toBe(plain.replace(/^presenters: .*$/m, ""));

    await tab.setControlValue("presenterLinks", false);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(async () => expect(await read(h, NOTE)).toBe(plain));
    expect(await Promise.all(Object.keys(notionNotes()).map((p) => read(h, p)))).toEqual(others);
  });

  it("leaves notes never synced alone when the setting changes", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin(notionNotes());
    h.layoutReady();
    const before = await read(h, NOTE);
    await tabOf(h).setControlValue("presenterLinks", true);
    await vi.advanceTimersByTimeAsync(1500);
    expect(await read(h, NOTE)).toBe(before);
  });

  it("syncs an edited note with links while on", async () => {
    const h = await loadPlugin(
      { "Sessions/2024-09-05.md": "今週のTOPIC\n@qluto\n[blog] A\n@Alice\n[blog] B\n" },
      { roster: ROSTER, presenterLinks: true, peopleFolder: "Members" },
    );
    h.layoutReady();
    const view = await h.open("Sessions/2024-09-05.md");
    const command = h.command("sync-note").editorCheckCallback as (
      checking: boolean,
      editor: unknown,
      view: unknown,
    ) => void;
    command(false, view.editor.asOriginalType__(), view.asOriginalType7__());
    expect(presenters(view.editor.getValue())).toEqual([
      "[[Members/Ryosuke Fukazawa|qluto]]",
      "[[Members/Alice|Alice]]",
    ]);
  });

  it("merges the spellings a people note lists, while on", async () => {
    const h = await loadPlugin(
      {
        "Sessions/2024-09-05.md": "今週のTOPIC\n@ボブ\n[blog] A\n",
        "Sessions/2024-09-12.md": "今週のTOPIC\n@Bob\n[blog] B\n",
        "People/Bob.md": "---\naliases: [ボブ]\n---\n",
      },
      { presenterLinks: true },
    );
    h.layoutReady();
    await vi.waitFor(async () => {
      await run(h, "sync-all");
      expect(presenters(await read(h, "Sessions/2024-09-05.md"))).toEqual(["[[People/Bob|ボブ]]"]);
    });
  });
});

describe("a people note renamed in Obsidian", () => {
  it("keeps the links Obsidian updated: the next sync points at the renamed note", async () => {
    // After renaming People/Bob.md to People/Robert.md, Obsidian has rewritten the link in the properties.
    const session = '---\npresenters: ["[[People/Robert|Bob]]"]\n---\n今週のTOPIC\n@Bob\n[blog] A\n';
    const h = await loadPlugin({ "Sessions/2024-09-05.md": session, "People/Robert.md": "" }, { presenterLinks: true });
    h.layoutReady();
    await indexOf(h).complete;
    // The note is edited: the index re-reads its text, and auto-sync writes its entries.
    await h.app.vault.modify(h.file("Sessions/2024-09-05.md"), `${session}- more\n`);
    await run(h, "sync-all");
    expect(presenters(await read(h, "Sessions/2024-09-05.md"))).toEqual(["[[People/Robert|Bob]]"]);
  });
});

describe("the sidebar's people over a toggle", () => {
  /**
   * Each person's topics as the index groups them at start-up: every note's properties, as Obsidian's
   * metadata cache holds them after a sync, read as the first scan reads them.
   */
  async function people(data: object): Promise<string[][]> {
    const h = await loadPlugin({ ...notionNotes(), ...templateNotes() }, { roster: ROSTER, ...data });
    h.layoutReady();
    await run(h, "sync-all");
    const index = new TopicIndex(ROSTER);
    for (const file of h.app.vault.getMarkdownFiles()) {
      const fm = presentersAndTopics(await h.app.vault.read(file));
      const session = sessionFromProperties(file.path, fm);
      if (session) index.upsert(session);
    }
    expect(index.size).toBe(5);
    return index.group("presenter").map((g) => [String(g.key), ...g.topics.map((t) => `${t.file}#${t.title}`)]);
  }

  it("groups the demo's topics by the same people, with links on or off", async () => {
    const plain = await people({});
    expect(plain.length).toBeGreaterThan(5);
    expect(await people({ presenterLinks: true })).toEqual(plain);
  });
});

describe("Create people notes", () => {
  it("creates one note per person with their spellings as aliases; existing notes get only missing aliases", async () => {
    const aliceNote = "---\ntitle: Alice  # mine\naliases:\n  - Ally\ncssclasses: [x]\n---\nAlice's notes.\n";
    const h = await loadPlugin(
      {
        ...notionNotes(),
        "Sessions/2024-09-05.md": "今週のTOPIC\n@qluto\n[blog] A\n@Alice / アリス\n[blog] B\n",
        "People/Alice.md": aliceNote,
      },
      { roster: ROSTER, presenterLinks: true },
    );
    h.layoutReady();
    await run(h, "create-people-notes");
    const person = await read(h, "People/Ryosuke Fukazawa.md");
    expect(parseYaml(person.split("---\n")[1] ?? "")).toEqual({ aliases: ["qluto", "深澤"] });
    expect(await read(h, "People/Alice.md")).toBe(
      "---\ntitle: Alice  # mine\naliases: [Ally, アリス]\ncssclasses: [x]\n---\nAlice's notes.\n",
    );
    expect(h.app.vault.getFileByPath("People/Shun Ito.md")).not.toBeNull();
    const summary = h.notices().at(-1) ?? "";
    expect(summary).toMatch(/^People notes: \d+ created, 1 with aliases added, 0 failed\.$/);

    // Nothing more to do the second time.
    await run(h, "create-people-notes");
    expect(h.notices().at(-1)).toBe("People notes are already up to date.");
  });

  it("never overwrites what is in the way, and says so", async () => {
    const h = await loadPlugin(
      {
        "Sessions/2024-09-05.md": "今週のTOPIC\n@Alice / アリス\n[blog] A\n@Bob\n[blog] B\n",
        "People/Bob.md/inner.md": "a folder named like the note",
        "People/Alice.md": "---\naliases: {odd: map}\n---\n",
      },
      { presenterLinks: true },
    );
    h.layoutReady();
    await run(h, "create-people-notes");
    expect(await read(h, "People/Bob.md/inner.md")).toBe("a folder named like the note");
    expect(await read(h, "People/Alice.md")).toBe("---\naliases: {odd: map}\n---\n");
    expect(h.notices().at(-1)?.split("\n").sort()).toEqual([
      "People notes: 0 created, 0 with aliases added, 2 failed.",
      "People/Alice.md: its aliases property is not a list of names; it was left as it is.",
      "People/Bob.md: a file is already there; it was left as it is.",
    ]);
  });

  it("says it in Japanese", async () => {
    const h = await loadPlugin({ "Sessions/2024-09-05.md": "今週のTOPIC\n@Alice\n[blog] A\n" });
    const t = createTranslator("ja");
    expect(t("command.createPeopleNotes")).toBe("人物ノートを作成");
    expect(t("people.summary", { created: 1, updated: 0, failed: 0 })).toBe(
      "人物ノート: 作成 1 件、エイリアス追加 0 件、失敗 0 件。",
    );
    h.layoutReady();
  });
});

describe("people folder setting", () => {
  it("is a folder field with suggestions; a path leading outside the vault is refused, others normalized", async () => {
    const h = await loadPlugin({});
    const tab = tabOf(h);
    const definitions = tab.getSettingDefinitions().flatMap((g) => ("items" in g ? (g.items ?? []) : []));
    const control = definitions
      .map((d) => ("control" in d ? d.control : undefined))
      .find((c) => c?.key === "peopleFolder");
    expect(control?.type).toBe("folder");
    expect(h.plugin.settings.peopleFolder).toBe("People");
    expect(h.plugin.settings.presenterLinks).toBe(false);
    await tab.setControlValue("peopleFolder", "../Elsewhere");
    expect(h.plugin.settings.peopleFolder).toBe("People");
    expect(tab.invalidFolder("../Elsewhere")).toBe("This folder is outside the vault. Choose a folder inside it.");
    expect(tabOf(h, "ja").invalidFolder("C:/x")).toBe(
      "このフォルダは保管庫の外にあります。保管庫の中のフォルダを選んでください。",
    );
    await tab.setControlValue("peopleFolder", "/Team//People/");
    expect(h.plugin.settings.peopleFolder).toBe("Team/People");
    await tab.setControlValue("peopleFolder", "/");
    expect(h.plugin.settings.peopleFolder).toBe("");
  });

  it("takes a data.json people folder inside the vault only", async () => {
    const h = await loadPlugin({}, { peopleFolder: "../../etc", presenterLinks: "yes" });
    expect(h.plugin.settings.peopleFolder).toBe("People");
    expect(h.plugin.settings.presenterLinks).toBe(false);
    expect(h.notices().join("\n")).toMatch(/"peopleFolder" should be a folder inside the vault/);
  });
});
