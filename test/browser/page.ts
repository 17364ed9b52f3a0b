/**
 * The topic index view in a real browser: the plugin's own view and index service over the
 * in-memory Obsidian App (obsidian-test-mocks), in a sidebar-sized pane with Obsidian's theme variables.
 */
import { setup } from "obsidian-test-mocks/setup";
import { App, WorkspaceLeaf, addIcon } from "obsidian-test-mocks/obsidian";
import type { WorkspaceLeaf as LeafOriginal } from "obsidian";
import { IndexService } from "../../src/app/index/index-service";
import { RelatedService } from "../../src/app/related/related-service";
import { TopicIndexView } from "../../src/app/index/topic-view";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { IndexedTopic } from "../../src/core/index/topic-index";
import { createTranslator } from "../../src/i18n";

declare const __NOTES__: Record<string, string>;

/** Stand-ins for the icons Obsidian draws (the in-memory App has none): the same shapes, simplified. */
const svg = (body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="svg-icon">${body}</svg>`;
const ICONS: Record<string, string> = {
  "right-triangle": svg('<path d="M3 8 L21 8 L12 19 Z" fill="currentColor" />'),
  x: svg('<path d="M18 6 6 18" /><path d="m6 6 12 12" />'),
  "bar-chart-2": svg('<path d="M18 20V10" /><path d="M12 20V4" /><path d="M6 20v-6" />'),
  "file-search": svg(
    '<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z" /><circle cx="11.5" cy="14.5" r="2.5" /><path d="M13.3 16.3 15 18" />',
  ),
};

interface PageApi {
  view: TopicIndexView;
  service: IndexService;
  /** Replace the index with `notes` × 8 synthetic topics, each with two of `tags` tags (none for 0). */
  fill: (notes: number, tags?: number) => void;
}

async function main(): Promise<void> {
  setup();
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") ?? "en";
  document.documentElement.lang = lang;
  document.title = "Study topics";
  document.body.addClass(params.get("theme") === "dark" ? "theme-dark" : "theme-light");
  const font = Number(params.get("font") ?? 0);
  if (font > 0) {
    document.body.addClass("is-large-font");
    document.body.setCssProps({ "--ssn-test-font": `${font}px` });
  }
  // ?zoom=1.5: the whole interface zoomed, as a zoomed body (CSS zoom) draws it.
  const zoom = Number(params.get("zoom") ?? 0);
  if (zoom > 0) document.body.setCssProps({ zoom: String(zoom) });
  for (const [name, svg] of Object.entries(ICONS)) addIcon(name, svg);
  const app = App.createConfigured__({ files: __NOTES__ });
  const service = new IndexService(app.asOriginalType__(), () => DEFAULT_SETTINGS);
  service.load();
  const related = new RelatedService(app.asOriginalType__(), service);
  related.load();
  app.workspace.setLayoutReady__();
  await new Promise((resolve) => window.setTimeout(resolve, 50));
  const pane = document.body.createDiv({ cls: "workspace-leaf-content" });
  const leaf = WorkspaceLeaf.create2__(app);
  const view = new TopicIndexView(
    leaf.asOriginalType__() as unknown as LeafOriginal,
    service,
    related,
    createTranslator(lang),
  );
  pane.appendChild(view.containerEl);
  await view.onOpen();
  const api: PageApi = {
    view,
    service,
    fill: (notes, tags = 0) => {
      for (let n = 0; n < notes; n++) {
        const file = `Synthetic/${n}.md`;
        const date = `${2000 + (n % 25)}-${String(1 + (n % 12)).padStart(2, "0")}-01`;
        const topics: IndexedTopic[] = Array.from({ length: 8 }, (_, k) => ({
          presenter: `Presenter ${k % 7}`,
          kind: ["paper", "blog", "library", "repo"][k % 4] ?? null,
          kindLabel: null,
          title: `Synthetic topic ${n}-${k}`,
          url: null,
          main: k === 7,
          tags: tags > 0 ? [`tag${(n * 8 + k) % tags}`, `tag${(n * 3 + k * 7 + 1) % tags}`] : [],
          line: k,
          endLine: k,
          summary: "",
          file,
          date,
        }));
        service.index.upsert({ file, date, series: null, presenters: [], topics });
      }
      view.refresh();
    },
  };
  (window as unknown as { ssn: PageApi }).ssn = api;
  document.body.dataset.ready = "true";
}

void main();
