/** Study Session Notes: wiring only. Each feature lives in `app/` over the pure `core/`. */
import { Notice, Plugin, getLanguage } from "obsidian";
import { IndexService } from "./app/index/index-service";
import { RelatedLinker, registerLinkCommand } from "./app/related/link-related";
import { EmbeddingService } from "./app/related/embedding-service";
import { RelatedService } from "./app/related/related-service";
import { SessionNotes, registerSessionCommands } from "./app/session/session-commands";
import { SessionSettingTab } from "./app/settings/settings-tab";
import { registerSyncCommands } from "./app/properties/sync-commands";
import { TopicSync } from "./app/properties/topic-sync";
import { registerTopicView } from "./app/index/view-commands";
import { UnreadableData, migrateSettings, type Settings } from "./core/settings";
import { createTranslator, type Translate } from "./i18n";

export default class StudySessionNotesPlugin extends Plugin {
  declare settings: Settings;
  t!: Translate;
  private index: IndexService | null = null;

  override async onload(): Promise<void> {
    this.t = createTranslator(getLanguage());
    const { settings, problem } = migrateSettings(
      await this.loadData().catch((error: unknown) => new UnreadableData(error)),
    );
    this.settings = settings;
    if (problem !== null) new Notice(this.t("settings.corrupt", { reason: problem }));

    const getSettings = (): Settings => this.settings;
    const sync = this.addChild(new TopicSync(this.app, getSettings, this.t));
    const index = this.addChild(new IndexService(this.app, getSettings));
    this.index = index;
    registerSessionCommands(this, new SessionNotes(this.app, index, getSettings, this.t), this.t);
    registerSyncCommands(this, sync, this.t);
    const embeddings = new EmbeddingService(
      this.app,
      this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`,
      () => this.settings.relatedEmbeddings,
    );
    const related = this.addChild(new RelatedService(this.app, index, embeddings));
    registerTopicView(this, index, related, this.t);
    registerLinkCommand(this, new RelatedLinker(this.app, index, related, this.t), this.t);
    this.addSettingTab(new SessionSettingTab(this.app, this, this.t));
  }

  async saveSettings(): Promise<void> {
    await this.saveData(this.settings);
    this.index?.applySettings();
  }
}
