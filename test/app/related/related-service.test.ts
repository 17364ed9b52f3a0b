import { describe, expect, it } from "vitest";
import { App } from "obsidian-test-mocks/obsidian";
import { IndexService } from "../../../src/app/index/index-service";
import { EmbeddingService } from "../../../src/app/related/embedding-service";
import { RelatedService } from "../../../src/app/related/related-service";
import { reasonText } from "../../../src/core/related/reasons";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { createTranslator } from "../../../src/i18n";
import { hitsAt3, LEAKY_REASON, qualityVault } from "../../quality/related-pairs";

async function services(
  files: Record<string, string>,
  embeddings = false,
): Promise<{ app: App; related: RelatedService; index: IndexService }> {
  const app = App.createConfigured__({ files });
  const index = new IndexService(app.asOriginalType__(), () => DEFAULT_SETTINGS);
  index.load();
  // On, but the endpoint answers nothing usable (the mock requestUrl returns an empty 200).
  const meaning = embeddings
    ? new EmbeddingService(app.asOriginalType__(), ".obsidian/plugins/study-session-notes", () => ({
        ...DEFAULT_SETTINGS.relatedEmbeddings,
        enabled: true,
        endpoint: "http://127.0.0.1:9",
        model: "m",
      }))
    : null;
  const related = new RelatedService(app.asOriginalType__(), index, meaning);
  related.load();
  app.workspace.setLayoutReady__();
  await related.ready();
  return { app, related, index };
}

describe("related topics in the plugin", () => {
  it("reads bodies in the background and finds every labelled pair in the top 3, as the CLI does", async () => {
    const { related, index } = await services(qualityVault());
    const built = await related.ready();
    const topics = index.index.topics();
    const quality = hitsAt3(
      topics.map((t) => t.title),
      (title) =>
        built.related(topics.find((t) => t.title === title) as (typeof topics)[number], 3).map((r) => r.topic.title),
    );
    process.stderr.write(`related hits@3 (plugin): ${quality.hits}/${quality.total}` + "\n");
    expect(quality.misses).toEqual([]);
    const t = createTranslator("ja");
    const reasons = topics.flatMap((topic) =>
      built.related(topic, 3).flatMap((r) => r.reasons.map((x) => reasonText(x, t))),
    );
    expect(reasons.filter((r) => LEAKY_REASON.test(r))).toEqual([]);
    expect(reasons.some((r) => r.startsWith("共通の話題: "))).toBe(true);
  });

  it("works exactly as before when embeddings are on but the server gives nothing usable", async () => {
    const plain = await services(qualityVault());
    const meaning = await services(qualityVault(), true);
    const list = async (s: typeof plain): Promise<string[]> => {
      const built = await s.related.ready();
      return s.index.index.topics().map((topic) =>
        built
          .related(topic, 5)
          .map((r) => `${r.topic.title} ${r.score}`)
          .join(" | "),
      );
    };
    await new Promise((resolve) => window.setTimeout(resolve, 20));
    expect(await list(meaning)).toEqual(await list(plain));
  });

  it("answers the badge and the panel from one function: earlier sessions of the same paper", async () => {
    const { related, index } = await services(qualityVault());
    const again = index.index.topics().find((t) => t.title.startsWith("Attention Is All You Need (revisited)"));
    const first = index.index.topics().find((t) => t.title === "Attention Is All You Need");
    expect(again && related.presentedBefore(again)).toEqual([first]);
    expect(first && related.presentedBefore(first)).toEqual([]);
  });

  it("re-reads a note's body after it changes, and drops a deleted note", async () => {
    const { app, related, index } = await services(qualityVault());
    const path = "Sessions/2024-09-12 ML study group.md";
    const file = app.vault.getFileByPath(path);
    if (!file) throw new Error(path);
    const text = await app.vault.read(file);
    await app.vault.modify(
      file,
      text.replace("Looker Studio dashboards for weekly KPIs", "Looker Studio dashboards, zebrafish"),
    );
    await vi_waitFor(() => index.index.topics().some((t) => t.title.includes("zebrafish")));
    const built = await related.ready();
    const topic = index.index.topics().find((t) => t.title.includes("zebrafish"));
    expect(topic && built.related(topic, 3).length).toBeGreaterThanOrEqual(0);
    await app.fileManager.trashFile(file);
    await vi_waitFor(() => !built.files().includes(path));
  });
});

describe("reading bodies in the background", () => {
  it("settles when every queued note is gone, so waiting for it never spins", async () => {
    const app = App.createConfigured__({ files: {} });
    const index = new IndexService(app.asOriginalType__(), () => DEFAULT_SETTINGS);
    index.load();
    // Sessions the index knows whose notes are no longer in the vault: their bodies cannot be read.
    for (let n = 0; n < 3; n++) {
      const file = `Gone/${n}.md`;
      const topic = { presenter: "A", kind: "paper", kindLabel: null, title: `T${n}`, url: null, main: false };
      const rest = { tags: [], line: 0, endLine: 0, summary: "", file, date: "2024-01-01" };
      index.index.upsert({ file, date: "2024-01-01", series: null, presenters: [], topics: [{ ...topic, ...rest }] });
    }
    const related = new RelatedService(app.asOriginalType__(), index, null);
    related.load();
    app.workspace.setLayoutReady__();
    await related.built();
    await new Promise((resolve) => window.setTimeout(resolve, 0));
    // Settled: nobody is reading. A reader left set would make `ready()` await a finished promise forever.
    const settled = await Promise.race([
      related.ready().then(() => true),
      new Promise<boolean>((resolve) => window.setTimeout(() => resolve(false), 2000)),
    ]);
    expect(settled).toBe(true);
    related.unload();
    index.unload();
  });
});

async function vi_waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => window.setTimeout(resolve, 5));
  expect(check()).toBe(true);
}
