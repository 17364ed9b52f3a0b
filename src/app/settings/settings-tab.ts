/**
 * The settings tab. The settings are one table of definitions: Obsidian 1.13+ renders it itself (and
 * makes it searchable) through `getSettingDefinitions()`; older versions get the same table drawn by
 * `display()`. Lists (members, rotation, kind aliases) are edited as text, one entry a line.
 */
import {
  PluginSettingTab,
  Setting,
  type App,
  type Plugin,
  type SettingDefinition,
  type SettingDefinitionItem,
} from "obsidian";
import { formatRoster, parseNames, parseRoster } from "../../core/session/roster";
import { fromIso } from "../../core/session/schedule";
import { isMeetingTime } from "../../core/stats/ics";
import { formatKindAliases, parseKindAliases, type Settings } from "../../core/settings";
import type { MessageKey, Translate } from "../../i18n";

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
    const t = this.t;
    const field = (
      key: Key,
      name: MessageKey,
      desc: MessageKey | null,
      control: SettingDefinition<Key>["control"],
    ): SettingDefinition<Key> =>
      ({ name: t(name), ...(desc ? { desc: t(desc) } : {}), control }) as SettingDefinition<Key>;
    const weekdays: Record<string, string> = {};
    for (let d = 0; d < 7; d++) weekdays[String(d)] = t(`weekday.${d}` as MessageKey);
    return [
      {
        type: "group",
        heading: t("settings.heading.newNotes"),
        items: [
          field("sessionsFolder", "settings.folder.name", "settings.folder.desc", {
            type: "text",
            key: "sessionsFolder",
            placeholder: "Sessions",
          }),
          field("fileNamePattern", "settings.fileName.name", "settings.fileName.desc", {
            type: "text",
            key: "fileNamePattern",
            placeholder: "{{date}} {{series}}",
          }),
          field("seriesName", "settings.series.name", "settings.series.desc", {
            type: "text",
            key: "seriesName",
            placeholder: "機械学習勉強会",
          }),
          field("weekday", "settings.weekday.name", null, { type: "dropdown", key: "weekday", options: weekdays }),
          field("intervalWeeks", "settings.interval.name", null, {
            type: "dropdown",
            key: "intervalWeeks",
            options: { "1": t("settings.interval.weekly"), "2": t("settings.interval.biweekly") },
          }),
          field("anchorDate", "settings.anchor.name", "settings.anchor.desc", {
            type: "text",
            key: "anchorDate",
            placeholder: "2024-08-29",
          }),
          field("sessionTemplate", "settings.sessionTemplate.name", "settings.sessionTemplate.desc", {
            type: "text",
            key: "sessionTemplate",
            placeholder: "Templates/Session.md",
          }),
          field("paperTemplate", "settings.paperTemplate.name", "settings.paperTemplate.desc", {
            type: "text",
            key: "paperTemplate",
            placeholder: "Templates/Paper.md",
          }),
        ],
      },
      {
        type: "group",
        heading: t("settings.heading.group"),
        items: [
          field("roster", "settings.roster.name", "settings.roster.desc", { type: "textarea", key: "roster" }),
          field("rotation", "settings.rotation.name", "settings.rotation.desc", { type: "textarea", key: "rotation" }),
          field("meetingTime", "stats.settings.time.name", "stats.settings.time.desc", {
            type: "text",
            key: "meetingTime",
            placeholder: "19:00",
          }),
          field("meetingMinutes", "stats.settings.minutes.name", null, { type: "text", key: "meetingMinutes" }),
          field("scheduleCount", "stats.settings.count.name", "stats.settings.count.desc", {
            type: "text",
            key: "scheduleCount",
          }),
        ],
      },
      {
        type: "group",
        heading: t("settings.heading.topics"),
        items: [
          field("kindAliases", "settings.kindAliases.name", "settings.kindAliases.desc", {
            type: "textarea",
            key: "kindAliases",
          }),
          field("autoSync", "settings.autoSync.name", "settings.autoSync.desc", { type: "toggle", key: "autoSync" }),
        ],
      },
    ];
  }

  /** Settings as the controls show them: lists and numbers as text. */
  override getControlValue(key: string): unknown {
    const s = this.host.settings;
    switch (key as Key) {
      case "roster":
        return formatRoster(s.roster);
      case "rotation":
        return s.rotation.join("\n");
      case "kindAliases":
        return formatKindAliases(s.kindAliases);
      case "weekday":
        return String(s.weekday);
      case "intervalWeeks":
        return String(s.intervalWeeks);
      default:
        return s[key as Key];
    }
  }

  /** Text from the controls back into settings; a value that does not parse is not saved. */
  override async setControlValue(key: string, value: unknown): Promise<void> {
    const s = this.host.settings;
    const text = typeof value === "string" ? value : "";
    switch (key as Key) {
      case "roster":
        s.roster = parseRoster(text);
        break;
      case "rotation":
        s.rotation = parseNames(text);
        break;
      case "kindAliases":
        s.kindAliases = parseKindAliases(text);
        break;
      case "weekday":
        s.weekday = Number(text) % 7;
        break;
      case "intervalWeeks":
        s.intervalWeeks = text === "2" ? 2 : 1;
        break;
      case "anchorDate":
        if (text.trim() !== "" && !fromIso(text.trim())) return;
        s.anchorDate = text.trim();
        break;
      case "autoSync":
        s.autoSync = value === true;
        break;
      case "meetingTime":
        if (text.trim() !== "" && !isMeetingTime(text.trim())) return;
        s.meetingTime = text.trim();
        break;
      case "meetingMinutes":
      case "scheduleCount": {
        const n = Number(text.trim());
        const max = key === "scheduleCount" ? 520 : 24 * 60;
        if (!Number.isInteger(n) || n < 1 || n > max) return;
        s[key as "scheduleCount"] = n;
        break;
      }
      case "sessionsFolder":
      case "fileNamePattern":
      case "seriesName":
      case "sessionTemplate":
      case "paperTemplate":
        s[key as "seriesName"] = text.trim();
        break;
      default:
        return;
    }
    await this.host.saveSettings();
  }

  /** Obsidian before 1.13: draw the same definitions. */
  override display(): void {
    this.draw();
  }

  /** The definitions drawn with `Setting`, as `display()` shows them. */
  draw(): void {
    const { containerEl } = this;
    containerEl.empty();
    for (const item of this.getSettingDefinitions()) {
      if ("type" in item && (item.type === "group" || item.type === "list")) {
        if (item.heading) new Setting(containerEl).setName(item.heading).setHeading();
        for (const child of item.items ?? [])
          if ("control" in child && child.control) this.drawControl(containerEl, child);
      } else if ("control" in item && item.control) {
        this.drawControl(containerEl, item);
      }
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
    const save = (value: unknown): Promise<void> => this.setControlValue(key, value);
    if (control.type === "toggle") {
      setting.addToggle((toggle) => toggle.setValue(this.getControlValue(key) === true).onChange(save));
    } else if (control.type === "text") {
      setting.addText((input) =>
        input
          .setPlaceholder(control.placeholder ?? "")
          .setValue(this.textValue(key))
          .onChange(save),
      );
    } else if (control.type === "textarea") {
      setting.addTextArea((input) => {
        input.setValue(this.textValue(key));
        input.inputEl.rows = 6;
        input.inputEl.addClass("study-session-notes-setting-list");
        // Lists are parsed when the field is left, not on every key press (a half-typed line is no member).
        // The listener lives as long as this element, which the tab drops on its next redraw.
        input.inputEl.addEventListener("blur", () => void save(input.getValue()));
      });
    } else if (control.type === "dropdown") {
      setting.addDropdown((dropdown) =>
        dropdown.addOptions(control.options).setValue(this.textValue(key)).onChange(save),
      );
    }
  }
}
