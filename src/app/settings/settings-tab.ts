/**
 * The settings tab. The settings are one table of definitions: Obsidian 1.13+ renders it itself (and
 * makes it searchable) through `getSettingDefinitions()`; older versions get the same table drawn by
 * `display()`. Lists (members, rotation, kind aliases) are edited as text, one entry a line.
 */
import {
  PluginSettingTab,
  Setting,
  normalizePath,
  type App,
  type Plugin,
  type SettingControl,
  type SettingDefinition,
  type SettingDefinitionItem,
} from "obsidian";
import { vaultRelativePath } from "../../core/session/file-names";
import { FolderSuggest, MarkdownFileSuggest } from "./path-suggest";
import { fieldError, labelControl, markHeading } from "./field-labels";
import { formatRoster, parseNames, parseRoster } from "../../core/session/roster";
import { fromIso } from "../../core/session/schedule";
import { DEFAULT_SETTINGS, apiUrl, formatKindAliases, parseKindAliases, type Settings } from "../../core/settings";
import { isMeetingTime } from "../../core/stats/ics";
import type { MessageKey, Translate } from "../../i18n";

export interface SettingsHost extends Plugin {
  settings: Settings;
  saveSettings(): Promise<void>;
}

type Key = keyof Settings;
/** A control as `field` takes it: everything but the key. */
type WithoutKey<C> = C extends unknown ? Omit<C, "key"> : never;

export class SessionSettingTab extends PluginSettingTab {
  readonly #host: SettingsHost;
  readonly #t: Translate;

  constructor(app: App, host: SettingsHost, t: Translate) {
    super(app, host);
    this.#host = host;
    this.#t = t;
  }

  override getSettingDefinitions(): SettingDefinitionItem<Key>[] {
    const t = this.#t;
    // The control's `key` is the setting's: given once, as the first argument.
    const field = (
      key: Key,
      name: MessageKey,
      desc: MessageKey | null,
      control: WithoutKey<SettingControl<Key>>,
    ): SettingDefinition<Key> => ({ name: t(name), ...(desc ? { desc: t(desc) } : {}), control: { ...control, key } });
    const weekdays: Record<string, string> = {};
    for (let d = 0; d < 7; d++) weekdays[String(d)] = t(`weekday.${d}` as MessageKey);
    return [
      {
        type: "group",
        heading: t("settings.heading.newNotes"),
        items: [
          field("sessionsFolder", "settings.folder.name", "settings.folder.desc", {
            type: "folder",
            includeRoot: true,
            placeholder: "Sessions",
          }),
          field("fileNamePattern", "settings.fileName.name", "settings.fileName.desc", {
            type: "text",
            placeholder: "{{date}} {{series}}",
          }),
          field("seriesName", "settings.series.name", "settings.series.desc", {
            type: "text",
            placeholder: "機械学習勉強会",
          }),
          field("weekday", "settings.weekday.name", null, { type: "dropdown", options: weekdays }),
          field("intervalWeeks", "settings.interval.name", null, {
            type: "dropdown",
            options: { "1": t("settings.interval.weekly"), "2": t("settings.interval.biweekly") },
          }),
          field("anchorDate", "settings.anchor.name", "settings.anchor.desc", {
            type: "text",
            placeholder: "2024-08-29",
            validate: (value: string) => this.invalidAnchor(value),
          }),
          field("sessionTemplate", "settings.sessionTemplate.name", "settings.sessionTemplate.desc", {
            type: "file",
            placeholder: "Templates/Session.md",
            filter: (file) => file.extension === "md",
          }),
          field("paperTemplate", "settings.paperTemplate.name", "settings.paperTemplate.desc", {
            type: "file",
            placeholder: "Templates/Paper.md",
            filter: (file) => file.extension === "md",
          }),
        ],
      },
      {
        type: "group",
        heading: t("settings.heading.group"),
        items: [
          field("roster", "settings.roster.name", "settings.roster.desc", { type: "textarea" }),
          field("rotation", "settings.rotation.name", "settings.rotation.desc", { type: "textarea" }),
          field("meetingTime", "stats.settings.time.name", "stats.settings.time.desc", {
            type: "text",
            placeholder: "19:00",
          }),
          field("meetingMinutes", "stats.settings.minutes.name", null, { type: "text" }),
          field("scheduleCount", "stats.settings.count.name", "stats.settings.count.desc", {
            type: "text",
          }),
        ],
      },
      {
        type: "group",
        heading: t("settings.heading.topics"),
        items: [
          field("kindAliases", "settings.kindAliases.name", "settings.kindAliases.desc", {
            type: "textarea",
          }),
          field("autoSync", "settings.autoSync.name", "settings.autoSync.desc", { type: "toggle" }),
          field("presenterLinks", "people.settings.links.name", "people.settings.links.desc", {
            type: "toggle",
          }),
          field("peopleFolder", "people.settings.folder.name", "people.settings.folder.desc", {
            type: "folder",
            includeRoot: true,
            placeholder: "People",
            validate: (value: string) => this.invalidFolder(value),
          }),
        ],
      },
      {
        type: "group",
        heading: t("settings.heading.papers"),
        items: [
          field("papersFolder", "settings.papersFolder.name", "settings.papersFolder.desc", {
            type: "text",
            placeholder: "Papers",
          }),
          field("semanticScholarKey", "settings.s2Key.name", "settings.s2Key.desc", {
            type: "text",
            placeholder: "",
          }),
          field("arxivApi", "settings.arxivApi.name", "settings.api.desc", {
            type: "text",
            placeholder: DEFAULT_SETTINGS.arxivApi,
          }),
          field("semanticScholarApi", "settings.s2Api.name", "settings.api.desc", {
            type: "text",
            placeholder: DEFAULT_SETTINGS.semanticScholarApi,
          }),
          field("crossrefApi", "settings.crossrefApi.name", "settings.api.desc", {
            type: "text",
            placeholder: DEFAULT_SETTINGS.crossrefApi,
          }),
        ],
      },
    ];
  }

  /** Why a meeting date is not one (shown under the field), or nothing when it is one or empty. */
  invalidAnchor(value: string): string | undefined {
    return value.trim() === "" || fromIso(value.trim()) ? undefined : this.#t("settings.anchor.invalid");
  }

  /** Why a folder cannot be the people folder (it leads outside the vault), or nothing. */
  invalidFolder(value: string): string | undefined {
    return vaultRelativePath(value).ok ? undefined : this.#t("people.settings.folder.outside");
  }

  /** Settings as the controls show them: lists and numbers as text. */
  override getControlValue(key: string): unknown {
    const s = this.#host.settings;
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
    const s = this.#host.settings;
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
        // Not saved while it is no date; the field says so (validate), and the saved one stays in use.
        if (this.invalidAnchor(text) !== undefined) return;
        s.anchorDate = text.trim();
        break;
      case "autoSync":
      case "presenterLinks":
        s[key as "autoSync"] = value === true;
        break;
      case "peopleFolder": {
        // Not saved while it leads outside the vault; the field says so (validate).
        const folder = vaultRelativePath(text);
        if (!folder.ok) return;
        s.peopleFolder = folder.value === "" ? "" : normalizePath(folder.value);
        break;
      }
      case "papersFolder":
        s.papersFolder = text.trim().replace(/^\/+|\/+$/g, "") || DEFAULT_SETTINGS.papersFolder;
        break;
      case "arxivApi":
      case "semanticScholarApi":
      case "crossrefApi":
        // Empty restores the default; anything that is not an http(s) address is not saved.
        s[key as "arxivApi"] = apiUrl(text.trim() || DEFAULT_SETTINGS[key as "arxivApi"], s[key as "arxivApi"]);
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
      case "semanticScholarKey":
      case "fileNamePattern":
      case "seriesName":
      case "sessionTemplate":
      case "paperTemplate":
        s[key as "seriesName"] = text.trim();
        break;
      default:
        return;
    }
    await this.#host.saveSettings();
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
        if (item.heading) markHeading(new Setting(containerEl).setName(item.heading).setHeading());
        for (const child of item.items ?? [])
          if ("control" in child && child.control) this.#drawControl(containerEl, child);
      } else if ("control" in item && item.control) {
        this.#drawControl(containerEl, item);
      }
    }
  }

  #textValue(key: string): string {
    const value = this.getControlValue(key);
    return typeof value === "string" || typeof value === "number" ? String(value) : "";
  }

  #drawControl(containerEl: HTMLElement, item: SettingDefinition<Key>): void {
    const setting = new Setting(containerEl).setName(item.name);
    if (item.desc !== undefined) setting.setDesc(item.desc);
    const control = item.control;
    if (!control) return;
    const key = control.key;
    const save = (value: unknown): Promise<void> => this.setControlValue(key, value);
    if (control.type === "toggle") {
      setting.addToggle((toggle) => {
        toggle.setValue(this.getControlValue(key) === true).onChange(save);
        // Obsidian's toggle is a checkbox inside a styled container: the checkbox is what is focused.
        labelControl(setting, toggle.toggleEl.querySelector("input") ?? toggle.toggleEl);
      });
    } else if (control.type === "text" || control.type === "folder" || control.type === "file") {
      const validate = control.validate;
      setting.addText((input) => {
        const error = fieldError(setting.infoEl, input.inputEl);
        const check = (value: string): boolean => {
          const message = validate ? validate(value) : undefined;
          const problem = typeof message === "string" && message !== "" ? message : "";
          error.show(problem);
          return problem === "";
        };
        labelControl(setting, input.inputEl, [error.el]);
        input.setPlaceholder(control.placeholder ?? "").setValue(this.#textValue(key));
        // Typed or chosen from the suggestions, checked on every change; like the lists' listener below,
        // it lives as long as this element, which the tab drops on its next redraw.
        input.inputEl.addEventListener("input", () => {
          const value = input.inputEl.value;
          if (check(value)) void save(value);
        });
        // A stored value that is no longer valid (edited data.json) is shown as such, never dropped.
        check(this.#textValue(key));
        if (control.type === "folder") new FolderSuggest(this.app, input.inputEl);
        if (control.type === "file") new MarkdownFileSuggest(this.app, input.inputEl);
      });
    } else if (control.type === "textarea") {
      setting.addTextArea((input) => {
        input.setValue(this.#textValue(key));
        input.inputEl.rows = 6;
        input.inputEl.addClass("study-session-notes-setting-list");
        labelControl(setting, input.inputEl);
        // Lists are parsed when the field is left, not on every key press (a half-typed line is no member).
        // The listener lives as long as this element, which the tab drops on its next redraw.
        input.inputEl.addEventListener("blur", () => void save(input.getValue()));
      });
    } else if (control.type === "dropdown") {
      setting.addDropdown((dropdown) => {
        dropdown.addOptions(control.options).setValue(this.#textValue(key)).onChange(save);
        labelControl(setting, dropdown.selectEl);
      });
    }
  }
}
