/**
 * The settings tab. The settings are one table of definitions: Obsidian 1.13+ renders it itself (and
 * makes it searchable) through `getSettingDefinitions()`; older versions get the same table drawn by
 * `display()`.
 */
import { PluginSettingTab, Setting, type App, type Plugin, type SettingDefinition, type SettingDefinitionItem } from "obsidian";
import type { Settings } from "../core/settings";
import type { Translate } from "../i18n";

export interface SettingsHost extends Plugin {
  settings: Settings;
  saveSettings(): Promise<void>;
}

type Key = keyof Settings;

export class SessionSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    private readonly host: SettingsHost,
    private readonly t: Translate,
  ) {
    super(app, host);
  }

  override getSettingDefinitions(): SettingDefinitionItem<Key>[] {
    return [
      {
        name: this.t("settings.autoSync.name"),
        desc: this.t("settings.autoSync.desc"),
        control: { type: "toggle", key: "autoSync" },
      },
    ];
  }

  override getControlValue(key: string): unknown {
    return this.host.settings[key as Key];
  }

  override async setControlValue(key: string, value: unknown): Promise<void> {
    const settings = this.host.settings as unknown as Record<string, unknown>;
    settings[key] = value;
    await this.host.saveSettings();
  }

  /** Obsidian before 1.13: draw the same definitions. */
  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
    for (const item of this.getSettingDefinitions()) {
      if ("control" in item && item.control) this.drawControl(containerEl, item);
    }
  }

  private textValue(key: string): string {
    const value = this.getControlValue(key);
    return typeof value === "string" || typeof value === "number" ? String(value) : "";
  }

  private drawControl(containerEl: HTMLElement, item: SettingDefinition<Key>): void {
    const setting = new Setting(containerEl).setName(item.name);
    if (item.desc !== undefined) setting.setDesc(item.desc);
    const control = item.control;
    if (!control) return;
    const key = control.key;
    if (control.type === "toggle") {
      setting.addToggle((toggle) => toggle.setValue(this.getControlValue(key) === true).onChange((value) => this.setControlValue(key, value)));
    } else if (control.type === "text") {
      setting.addText((text) => text.setValue(this.textValue(key)).onChange((value) => this.setControlValue(key, value)));
    } else if (control.type === "dropdown") {
      setting.addDropdown((dropdown) =>
        dropdown.addOptions(control.options).setValue(this.textValue(key)).onChange((value) => this.setControlValue(key, value)),
      );
    }
  }
}
