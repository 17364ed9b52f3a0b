import { afterEach, describe, expect, it, vi } from "vitest";
import { WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import type { WorkspaceLeaf as LeafOriginal } from "obsidian";
import { IndexService } from "../../../src/app/index/index-service";
import { RelatedService } from "../../../src/app/related/related-service";
import { TOPIC_VIEW_TYPE, TopicIndexView } from "../../../src/app/index/topic-view";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { createTranslator } from "../../../src/i18n";
import { loadPlugin, notionNotes, templateNotes, type Harness } from "../harness";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const t = createTranslator("en");

/** The plugin's index service, found among its children. */
function serviceOf(h: Harness): IndexService {
  const children = (h.plugin as unknown as { children__: unknown[] }).children__;
  const service = children.find((c): c is IndexService => c instanceof IndexService);
  if (!service) throw new Error("no index service");
  return service;
}

function relatedOf(h: Harness): RelatedService {
  const children = (h.plugin as unknown as { children__: unknown[] }).children__;
  const related = children.find((c): c is RelatedService => c instanceof RelatedService);
  if (!related) throw new Error("no related service");
  return related;
}

async function openView(h: Harness): Promise<TopicIndexView> {
  const leaf = WorkspaceLeaf.create2__(h.app);
  const view = new TopicIndexView(leaf.asOriginalType__() as unknown as LeafOriginal, serviceOf(h), relatedOf(h), t);
  await view.onOpen();
  return view;
}

/** The plugin over the three Notion exports, indexed, with the sidebar open (fake timers on). */
async function fixtureView(): Promise<{ h: Harness; view: TopicIndexView }> {
  vi.useFakeTimers();
  const h = await loadPlugin(notionNotes());
  h.layoutReady();
  await vi.waitFor(() => expect(serviceOf(h).index.size).toBe(3));
  return { h, view: await openView(h) };
}

/** Each row's visible text (a group's screen-reader-only "7 topics" left out). */
function rowTexts(view: TopicIndexView): string[] {
  return [...view.contentEl.querySelectorAll(".study-session-notes-row")].map((el) =>
    [...el.childNodes]
      .filter((node) => !(node.instanceOf(HTMLElement) && node.hasClass("study-session-notes-sr-only")))
      .map((node) => node.textContent ?? "")
      .join(""),
  );
}

function typeInto(view: TopicIndexView, query: string): void {
  const input = view.contentEl.querySelector<HTMLInputElement>(".study-session-notes-search input");
  if (!input) throw new Error("no search box");
  input.value = query;
  input.dispatchEvent(new Event("input"));
  vi.advanceTimersByTime(200);
}

describe("the index service", () => {
  it("does nothing before the layout is ready, then builds from properties without reading synced notes", async () => {
    const h = await loadPlugin({ ...notionNotes(), ...templateNotes(), "Notes/plain.md": "# hi\n" });
    const service = serviceOf(h);
    expect(service.index.size).toBe(0);
    const read = vi.spyOn(h.app.vault, "cachedRead");
    h.layoutReady();
    // The two demo notes have no topics in their properties yet, like the Notion pages: all are read.
    await vi.waitFor(() => expect(service.index.size).toBe(5));
    expect(read).toHaveBeenCalled();
    expect(service.index.topics()).toHaveLength(29);
  });

  it("reads no file for a vault of synced notes", async () => {
    const h = await loadPlugin({ ...notionNotes(), "Notes/plain.md": "# hi\n" });
    await (h.command("sync-all").callback as () => Promise<void>)();
    const read = vi.spyOn(h.app.vault, "cachedRead");
    const fresh = new IndexService(h.app.asOriginalType__(), () => DEFAULT_SETTINGS);
    fresh.load();
    h.layoutReady();
    expect(fresh.index.size).toBe(3);
    // Only the note without properties is read (once by each service: the plugin's and this one).
    await vi.waitFor(() => expect(read).toHaveBeenCalled());
    expect(new Set(read.mock.calls.map((call) => (call[0] as { path: string }).path))).toEqual(
      new Set(["Notes/plain.md"]),
    );
  });

  // Bare `@Name` notes are session notes inside the sessions folder (SPEC §5), so these live in `Sessions/`.
  it("follows edits, renames and deletions", async () => {
    const h = await loadPlugin({ "Sessions/2024-01-01.md": "今週のTOPIC\n@Alice\n[blog] First\n" });
    h.layoutReady();
    const service = serviceOf(h);
    await vi.waitFor(() => expect(service.index.size).toBe(1));
    const file = h.file("Sessions/2024-01-01.md");
    await h.app.vault.modify(file, "今週のTOPIC\n@Alice\n[blog] First\n[論文] Second\n");
    expect(service.index.topics().map((topic) => topic.title)).toEqual(["First", "Second"]);
    await h.app.fileManager.renameFile(file, "Sessions/renamed.md");
    expect(service.index.topics().map((topic) => topic.file)).toEqual(["Sessions/renamed.md", "Sessions/renamed.md"]);
    await h.app.vault.modify(h.file("Sessions/renamed.md"), "no longer a session\n");
    expect(service.index.size).toBe(0);
    await h.app.vault.modify(h.file("Sessions/renamed.md"), "@Bob\n[blog] Back\n");
    expect(service.index.size).toBe(1);
    await h.app.fileManager.trashFile(h.file("Sessions/renamed.md"));
    expect(service.index.size).toBe(0);
  });
});

describe("the topic index view", () => {
  it("shows every fixture topic grouped by kind, with counts, and regroups by presenter", async () => {
    const { view } = await fixtureView();
    const rows = rowTexts(view);
    expect(view.contentEl.querySelector(".study-session-notes-status")?.textContent).toBe("20 of 20 topics");
    expect(rows[0]).toBe("Blog7");
    expect(rows).toContain("Paper6");
    const select = view.contentEl.querySelector<HTMLSelectElement>(".study-session-notes-group-by");
    if (!select) throw new Error("no select");
    select.value = "presenter";
    select.dispatchEvent(new Event("change"));
    const byPresenter = rowTexts(view);
    expect(byPresenter[0]).toBe("Naoto Shimakoshi3");
    expect(byPresenter).toContain("Ryosuke Fukazawa3");
    typeInto(view, "VerifiNER");
    expect(rowTexts(view)[0]).toBe("No presenter1");
    expect(rowTexts(view)[1]).toContain("Main topic");
  });

  it("narrows by search, across width and case, in Japanese and by kind name", async () => {
    const { view } = await fixtureView();
    typeInto(view, "ＢＯＵＮＤＩＮＧ box");
    expect(rowTexts(view).filter((r) => r.includes("ounding")).length).toBe(2);
    expect(view.contentEl.querySelector(".study-session-notes-status")?.textContent).toBe("2 of 20 topics");
    typeInto(view, "機械学習");
    expect(rowTexts(view).some((r) => r.includes("AutoMLOps"))).toBe(true);
    typeInto(view, "qluto");
    expect(view.contentEl.querySelector(".study-session-notes-status")?.textContent).toBe("3 of 20 topics");
    typeInto(view, "論文");
    expect(view.contentEl.querySelector(".study-session-notes-status")?.textContent).toBe("6 of 20 topics");
    typeInto(view, "zzzz");
    expect(view.contentEl.querySelector(".study-session-notes-empty")?.textContent).toBe("No topics match “zzzz”.");
  });

  it("says what to do when there are no session notes", async () => {
    const h = await loadPlugin({ "Notes/plain.md": "# hi\n" });
    h.layoutReady();
    const view = await openView(h);
    expect(view.contentEl.querySelector(".study-session-notes-empty")?.textContent).toContain("new session note");
  });

  it("finishes its scan when a note cannot be read", async () => {
    const h = await loadPlugin({ "Sessions/a.md": "@A\n[blog] A\n", "Sessions/gone.md": "@B\n[blog] B\n" });
    const read = h.app.vault.cachedRead.bind(h.app.vault);
    vi.spyOn(h.app.vault, "cachedRead").mockImplementation((file) =>
      file.path === "Sessions/gone.md" ? Promise.reject(new Error("ENOENT")) : read(file),
    );
    h.layoutReady();
    await serviceOf(h).complete;
    expect(
      serviceOf(h)
        .index.topics()
        .map((t) => t.title),
    ).toEqual(["A"]);
  });

  it("opens the note at the topic's line on click, and in a new tab with a modifier", async () => {
    const { h, view } = await fixtureView();
    const getLeaf = vi.spyOn(h.app.workspace, "getLeaf");
    const opened: Array<{ path: string; line: unknown }> = [];
    vi.spyOn(WorkspaceLeaf.prototype, "openFile").mockImplementation(async function (this: WorkspaceLeaf, file, state) {
      opened.push({ path: file.path, line: (state?.eState as { line?: number } | undefined)?.line });
      await Promise.resolve();
    });
    typeInto(view, "Cleanlab");
    const row = (): HTMLElement | undefined =>
      [...view.contentEl.querySelectorAll<HTMLElement>(".study-session-notes-topic")][0];
    row()?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await vi.waitFor(() => expect(opened).toEqual([{ path: "Sessions/2024-08-29 機械学習勉強会.md", line: 56 }]));
    expect(getLeaf).toHaveBeenLastCalledWith(false);
    row()?.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true, metaKey: true }));
    await vi.waitFor(() => expect(opened).toHaveLength(2));
    expect(getLeaf).toHaveBeenLastCalledWith("tab");
  });

  it("moves with arrow keys, folds a group with Enter, and opens a topic with Enter", async () => {
    const { view } = await fixtureView();
    const list = view.contentEl.querySelector<HTMLElement>(".study-session-notes-list");
    const key = (k: string): void => void list?.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    key("ArrowDown");
    expect(view.contentEl.querySelector(".is-active")?.textContent).toBe("Blog77 topics");
    key("Enter");
    expect(rowTexts(view)[1]).toBe("Paper6");
    key("Enter");
    key("ArrowDown");
    const selected = view.contentEl.querySelector(".is-active")?.textContent ?? "";
    expect(selected).toContain("AutoMLOps");
    const open = vi.spyOn(WorkspaceLeaf.prototype, "openFile").mockResolvedValue();
    key("Enter");
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
  });

  it("updates live when a note changes", async () => {
    const { h, view } = await fixtureView();
    await h.app.vault.create("Sessions/2024-09-05.md", "今週のTOPIC\n@Alice\n[video] A brand new talk\n");
    vi.advanceTimersByTime(200);
    expect(view.contentEl.querySelector(".study-session-notes-status")?.textContent).toBe("21 of 21 topics");
    expect(rowTexts(view)).toContain("Video1");
  });

  it("renders user text as text, never as HTML", async () => {
    vi.useFakeTimers();
    const h = await loadPlugin({
      "S/x.md": "今週のTOPIC\n@<b>Mallory</b>\n[blog] <img src=x onerror=alert(1)>\n- javascript:alert(1)\n",
    });
    h.layoutReady();
    await vi.waitFor(() => expect(serviceOf(h).index.size).toBe(1));
    const view = await openView(h);
    expect(view.contentEl.querySelector("img")).toBeNull();
    expect(view.contentEl.querySelector("b")).toBeNull();
    expect(view.contentEl.querySelector("a")).toBeNull();
    expect(rowTexts(view).join("")).toContain("<img src=x onerror=alert(1)>");
  });

  it("keeps the DOM small with 80,000 topics (virtualized)", async () => {
    const h = await loadPlugin({});
    h.layoutReady();
    const service = serviceOf(h);
    for (let n = 0; n < 10000; n++) {
      const file = `S/${n}.md`;
      const date = `20${String(10 + Math.floor(n / 365)).padStart(2, "0")}-01-01`;
      service.index.upsert({
        file,
        date,
        series: null,
        presenters: [{ name: `P${n % 7}`, aliases: [] }],
        topics: Array.from({ length: 8 }, (_, k) => ({
          presenter: `P${k % 7}`,
          kind: ["paper", "blog", "library"][k % 3] ?? null,
          kindLabel: null,
          title: `Topic ${n}-${k}`,
          url: null,
          main: k === 7,
          tags: [],
          line: k,
          endLine: k,
          summary: "",
          file,
          date,
        })),
      });
    }
    const view = await openView(h);
    expect(service.index.topics()).toHaveLength(80000);
    const nodes = view.contentEl.querySelectorAll("*").length;
    expect(nodes).toBeLessThanOrEqual(600);
    expect(nodes).toBeGreaterThan(20);
  });
});

describe("the view type", () => {
  it("is registered by the plugin and opened in the right sidebar by its command", async () => {
    const h = await loadPlugin({});
    const setViewState = vi.spyOn(WorkspaceLeaf.prototype, "setViewState");
    await (h.command("open-topic-index").callback as () => Promise<void>)();
    expect(setViewState).toHaveBeenCalledWith({ type: TOPIC_VIEW_TYPE, active: true });
  });
});

describe("related topics in the sidebar", () => {
  it("shows the selected topic's related topics with reasons, and a paper presented before", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const h = await loadPlugin({ ...notionNotes(), ...templateNotes() });
    h.layoutReady();
    await vi.waitFor(() => expect(serviceOf(h).index.size).toBe(5));
    const view = await openView(h);
    typeInto(view, "Learning Intelligent Dialogs");
    const rows = (): HTMLElement[] => [...view.contentEl.querySelectorAll<HTMLElement>(".study-session-notes-topic")];
    expect(rows()).toHaveLength(2);
    vi.spyOn(WorkspaceLeaf.prototype, "openFile").mockResolvedValue();
    rows()[0]?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await vi.runAllTimersAsync();
    const panel = view.contentEl.querySelector(".study-session-notes-related");
    await vi.waitFor(() =>
      expect(panel?.querySelectorAll(".study-session-notes-related-row").length).toBeGreaterThan(0),
    );
    expect(panel?.querySelector(".study-session-notes-same-paper")?.textContent).toBe(
      "Presented before: 2024-07-24 (Shun Ito)",
    );
    const first = panel?.querySelector(".study-session-notes-related-row")?.textContent ?? "";
    expect(first).toContain("Learning Intelligent Dialogs for Bounding Box Annotation");
    expect(first).toContain("Same paper");
    const all = [...(panel?.querySelectorAll(".study-session-notes-related-row") ?? [])].map(
      (r) => r.textContent ?? "",
    );
    expect(all.some((r) => r.startsWith("Can we trust bounding box annotations"))).toBe(true);
    // Once related topics are known, the list marks the topic presented again.
    view.refresh();
    expect(rows()[0]?.textContent).toContain("Presented before");
  });

  it("closes the related panel with its button, and when its topic is no longer listed", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const h = await loadPlugin(notionNotes());
    h.layoutReady();
    await vi.waitFor(() => expect(serviceOf(h).index.size).toBe(3));
    const view = await openView(h);
    vi.spyOn(WorkspaceLeaf.prototype, "openFile").mockResolvedValue();
    const panel = (): Element | null => view.contentEl.querySelector(".study-session-notes-related");
    const select = (): void =>
      void view.contentEl
        .querySelector(".study-session-notes-topic")
        ?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    select();
    expect(panel()?.hasClass("is-hidden")).toBe(false);
    expect(panel()?.querySelector(".study-session-notes-related-heading")?.textContent).toBe("Related topics");
    view.contentEl.querySelector<HTMLElement>(".study-session-notes-related-close")?.click();
    expect(panel()?.hasClass("is-hidden")).toBe(true);
    select();
    expect(panel()?.hasClass("is-hidden")).toBe(false);
    typeInto(view, "nothing matches this");
    expect(panel()?.hasClass("is-hidden")).toBe(true);
  });

  it("lists only the open note's topics in this-note mode", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const h = await loadPlugin(notionNotes());
    h.layoutReady();
    await vi.waitFor(() => expect(serviceOf(h).index.size).toBe(3));
    const view = await openView(h);
    h.app.workspace.trigger("file-open", h.file("Sessions/2024-05-02 機械学習勉強会.md"));
    view.contentEl.querySelector<HTMLElement>(".study-session-notes-this-note")?.click();
    expect(view.contentEl.querySelector(".study-session-notes-status")?.textContent).toBe("5 of 20 topics");
    h.app.workspace.trigger("file-open", h.file("Sessions/2024-08-29 機械学習勉強会.md"));
    expect(view.contentEl.querySelector(".study-session-notes-status")?.textContent).toBe("8 of 20 topics");
  });
});

describe("the members setting in the index", () => {
  it("names people by the roster and merges the spellings it lists", async () => {
    const h = await loadPlugin({
      "Sessions/2024-01-01.md": "@shima\n[blog] A\n",
      "Sessions/2024-01-08.md": "@Naoto S.\n[blog] B\n",
    });
    h.layoutReady();
    const service = serviceOf(h);
    await vi.waitFor(() => expect(service.index.size).toBe(2));
    expect(
      service.index
        .persons()
        .map((p) => p.name)
        .sort(),
    ).toEqual(["Naoto S.", "shima"]);
    h.plugin.settings.roster = [{ name: "Naoto Shimakoshi", aliases: ["shima", "Naoto S."], active: true }];
    await h.plugin.saveSettings();
    const people = service.index.persons();
    expect(people.map((p) => [p.name, [...p.aliases].sort()])).toEqual([["Naoto Shimakoshi", ["Naoto S.", "shima"]]]);
  });
});

describe("the view over a day of use (issue #19)", () => {
  const listeners = (service: IndexService): number => {
    const events = service.events as unknown as { _: Record<string, unknown[] | undefined> };
    return Object.values(events._).reduce((n, list) => n + (list?.length ?? 0), 0);
  };

  it("leaves no listener on the index service after it closes, however often it opens", async () => {
    const { h } = await fixtureView();
    const service = serviceOf(h);
    const before = listeners(service);
    for (let i = 0; i < 10; i++) {
      const leaf = WorkspaceLeaf.create2__(h.app);
      const view = new TopicIndexView(leaf.asOriginalType__() as unknown as LeafOriginal, service, relatedOf(h), t);
      view.load();
      await view.onOpen();
      expect(listeners(service)).toBeGreaterThan(before);
      await view.onClose();
      view.unload();
    }
    expect(listeners(service)).toBe(before);
  });

  it("keeps listing the open note's topics in this-note mode after the note is renamed", async () => {
    const { h, view } = await fixtureView();
    view.load();
    const status = (): string | null | undefined =>
      view.contentEl.querySelector(".study-session-notes-status")?.textContent;
    h.app.workspace.trigger("file-open", h.file("Sessions/2024-05-02 機械学習勉強会.md"));
    view.contentEl.querySelector<HTMLElement>(".study-session-notes-this-note")?.click();
    expect(status()).toBe("5 of 20 topics");
    await h.app.fileManager.renameFile(h.file("Sessions/2024-05-02 機械学習勉強会.md"), "Sessions/renamed.md");
    vi.advanceTimersByTime(200);
    expect(status()).toBe("5 of 20 topics");
    const text = await h.app.vault.read(h.file("Sessions/renamed.md"));
    await h.app.vault.modify(h.file("Sessions/renamed.md"), `${text}\n@Zed\n[blog] Added after the rename\n`);
    vi.advanceTimersByTime(200);
    expect(status()).toBe("6 of 21 topics");
    expect(rowTexts(view).some((r) => r.includes("Added after the rename"))).toBe(true);
  });
});

describe("the view as a tree for keyboard and screen reader (issue #21)", () => {
  function keys(view: TopicIndexView): { tree: HTMLElement; press: (key: string) => void; active: () => HTMLElement } {
    const tree = view.contentEl.querySelector<HTMLElement>("[role=tree]");
    if (!tree) throw new Error("no tree");
    return {
      tree,
      press: (key) => void tree.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true })),
      active: () => {
        const id = tree.getAttribute("aria-activedescendant") ?? "";
        const el = view.contentEl.querySelector<HTMLElement>(`[id="${id}"]`);
        if (!el) throw new Error(`aria-activedescendant names no element: "${id}"`);
        return el;
      },
    };
  }

  it("names every control, and makes groups expandable treeitems with their topics at level 2", async () => {
    const { view } = await fixtureView();
    const el = view.contentEl;
    expect(el.querySelector("[role=tree]")?.getAttribute("aria-label")).toBe("Topics");
    expect(el.querySelector("select")?.getAttribute("aria-label")).toBe("Group topics");
    expect(el.querySelector(".study-session-notes-search input")?.getAttribute("aria-label")).toBe("Search topics");
    expect(el.querySelector(".study-session-notes-this-note")?.getAttribute("aria-pressed")).toBe("false");
    const group = el.querySelector<HTMLElement>(".study-session-notes-group");
    expect(group?.getAttribute("role")).toBe("treeitem");
    expect(group?.getAttribute("aria-level")).toBe("1");
    expect(group?.getAttribute("aria-expanded")).toBe("true");
    expect(group?.textContent).toBe("Blog77 topics");
    expect(group?.querySelector(".study-session-notes-group-count")?.getAttribute("aria-hidden")).toBe("true");
    expect(el.querySelector("[role=option]")).toBeNull();
    const topic = el.querySelector<HTMLElement>(".study-session-notes-topic");
    expect([topic?.getAttribute("aria-level"), topic?.getAttribute("aria-posinset")]).toEqual(["2", "1"]);
    expect(topic?.getAttribute("aria-setsize")).toBe("7");
    expect(topic?.hasAttribute("aria-expanded")).toBe(false);
  });

  it("walks with arrows, folds with Left and Right, jumps with Home and End, and announces the active row", async () => {
    const { view } = await fixtureView();
    const { tree, press, active } = keys(view);
    tree.dispatchEvent(new FocusEvent("focus"));
    expect(active().textContent).toBe("Blog77 topics");
    press("ArrowRight");
    expect(active().getAttribute("aria-level")).toBe("2");
    press("ArrowLeft");
    expect(active().textContent).toBe("Blog77 topics");
    press("ArrowLeft");
    expect(active().getAttribute("aria-expanded")).toBe("false");
    press("ArrowDown");
    expect(active().textContent).toBe("Paper66 topics");
    press("ArrowUp");
    press("ArrowRight");
    expect(active().getAttribute("aria-expanded")).toBe("true");
    press("End");
    expect(active().getAttribute("aria-level")).toBe("2");
    press("Home");
    expect(active().getAttribute("aria-posinset")).toBe("1");
    expect(active().getAttribute("aria-selected")).toBe("true");
    press(" ");
    expect(active().getAttribute("aria-expanded")).toBe("false");
  });

  it("keeps the active row's element and id while the list scrolls far away (80,000 topics)", async () => {
    const { h, view } = await fixtureView();
    const service = serviceOf(h);
    for (let n = 0; n < 10000; n++) {
      const file = `Synthetic/${n}.md`;
      const date = `2001-01-${String(1 + (n % 28)).padStart(2, "0")}`;
      service.index.upsert({
        file,
        date,
        series: null,
        presenters: [],
        topics: Array.from({ length: 8 }, (_, k) => ({
          presenter: null,
          kind: "paper",
          kindLabel: null,
          title: `Synthetic ${n}-${k}`,
          url: null,
          main: false,
          tags: [],
          line: k,
          endLine: k,
          summary: "",
          file,
          date,
        })),
      });
    }
    view.load();
    service.events.trigger("changed");
    vi.advanceTimersByTime(200);
    const { tree, press, active } = keys(view);
    press("Home");
    press("ArrowDown");
    const first = active();
    const id = first.id;
    tree.scrollTop = 2_000_000;
    tree.dispatchEvent(new Event("scroll"));
    vi.advanceTimersByTime(50);
    expect(active()).toBe(first);
    expect(active().id).toBe(id);
    press("ArrowDown");
    expect(active().getAttribute("aria-posinset")).toBe("2");
    expect(view.contentEl.querySelectorAll("*").length).toBeLessThanOrEqual(600);
  });
});
