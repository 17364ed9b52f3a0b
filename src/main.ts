/** Study Session Notes: wiring only. Each feature lives in `app/` over the pure `core/`. */
import { Notice, Plugin, getLanguage, moment, parseYaml } from "obsidian";
import { IndexService } from "./app/index/index-service";
import { RelatedLinker, registerLinkCommand } from "./app/related/link-related";
import { EmbeddingService } from "./app/related/embedding-service";
import { RelatedService } from "./app/related/related-service";
import { SessionNotes, registerSessionCommands } from "./app/session/session-commands";
import { NotionImporter } from "./app/import/notion-import";
import { registerNotionImport } from "./app/import/notion-import-dialog";
import { SessionSettingTab } from "./app/settings/settings-tab";
import { registerSyncCommands } from "./app/properties/sync-commands";
import { TopicSync } from "./app/properties/topic-sync";
import { SettingsSaver } from "./app/settings/settings-store";
import { BackgroundWork } from "./app/work/background-work";
import { registerTopicView } from "./app/index/view-commands";
import { PeopleNotes, registerPeopleCommands } from "./app/people/people-notes";
import { PaperCacheStore } from "./app/papers/paper-cache";
import { registerPaperCommands } from "./app/papers/paper-commands";
import { PaperLibrary } from "./app/papers/paper-library";
import { StatsCommands, registerStats } from "./app/stats/stats-commands";
import { useYamlParser } from "./core/properties/yaml-parser";
import { useDateFormatter } from "./core/session/date-format";
import { momentDateFormatter, type MomentLike } from "./core/session/date-format-moment";
import { UnreadableData, migrateSettings, type Settings } from "./core/settings";
import { createTranslator, type Translate } from "./i18n";

export default class StudySessionNotesPlugin extends Plugin {
  declare settings: Settings;
  t!: Translate;
  /** Filled in `onload`; settings saved before that (none can be) would only be written. */
  #applySettings: () => void = () => undefined;
  #saver: SettingsSaver | null = null;
  #paperCache = new PaperCacheStore(null);

  override async onload(): Promise<void> {
    useYamlParser(parseYaml); // the core reads YAML with Obsidian's parser: main.js carries no YAML library
    // Template dates with Obsidian's moment. obsidian.d.ts types it as moment's module namespace, which
    // esModuleInterop makes uncallable; at run time it is moment's function.
    useDateFormatter(momentDateFormatter(moment as unknown as MomentLike));
    this.t = createTranslator(getLanguage());
    const data: unknown = await this.loadData().catch((error: unknown) => new UnreadableData(error));
    const { settings, problem, fieldProblems } = migrateSettings(data);
    this.settings = settings;
    this.#paperCache = new PaperCacheStore(data);
    if (problem !== null) new Notice(this.t("settings.corrupt", { reason: problem }));
    else if (fieldProblems.length > 0)
      new Notice(this.t("settings.fieldProblems", { detail: fieldProblems.map((f) => f.message).join("; ") }), 15000);

    this.#saver = new SettingsSaver(
      (data) => this.saveData({ ...data, paperCache: this.#paperCache.toJSON() }),
      this.t,
    );

    const getSettings = (): Settings => this.settings;
    const work = this.addChild(new BackgroundWork(this.app, this.t));
    const sync = this.addChild(new TopicSync(this.app, getSettings, this.t, work));
    const index = this.addChild(new IndexService(this.app, getSettings, work));
    const people = this.addChild(
      new PeopleNotes({ app: this.app, settings: getSettings, index, sync, work, t: this.t }),
    );
    this.#applySettings = () => {
      sync.applySettings();
      index.applySettings();
      people.applySettings();
    };
    registerSessionCommands(this, new SessionNotes(this.app, index, getSettings, this.t), this.t);
    registerSyncCommands(this, sync, work, this.t);
    registerPeopleCommands(this, people, this.t);
    const embeddings = new EmbeddingService(
      this.app,
      this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`,
      () => this.settings.relatedEmbeddings,
    );
    const related = this.addChild(new RelatedService(this.app, index, embeddings));
    registerTopicView(this, index, related, this.t);
    registerLinkCommand(this, new RelatedLinker(this.app, index, related, this.t), this.t);
    const papers = new PaperLibrary(this.app, getSettings, this.t, this.#paperCache, () => this.#persist());
    registerPaperCommands(this, papers, this.t);
    registerNotionImport(this, new NotionImporter(this.app, getSettings, this.t, work), getSettings, this.t);
    registerStats(this, new StatsCommands(this.app, index, getSettings, this.t));
    this.addSettingTab(new SessionSettingTab(this.app, this, this.t));
  }

  /** Write the settings and apply them; a failed write is told in a notice, the settings still apply. */
  async saveSettings(): Promise<void> {
    this.#applySettings();
    await this.#persist();
  }

  /** Settings and the paper services' answers, in one `data.json`, through the one saver. */
  async #persist(): Promise<void> {
    await this.#saver?.save(this.settings);
  }
}
