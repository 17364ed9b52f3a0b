/**
 * Saving the settings: one write at a time (the last change always lands last), awaited, and a notice
 * when it fails. The plugin applies the settings it runs with either way, so what the index shows
 * always matches the settings in use; a failed save is retried with the next change.
 */
import { Notice } from "obsidian";
import type { Settings } from "../../core/settings";
import type { Translate } from "../../i18n";

export class SettingsSaver {
  #last: Promise<boolean> = Promise.resolve(true);

  readonly #write: (settings: Settings) => Promise<void>;
  readonly #t: Translate;

  constructor(write: (settings: Settings) => Promise<void>, t: Translate) {
    this.#write = write;
    this.#t = t;
  }

  /** True when written. Never rejects: a failure is told to the user, not thrown at a settings control. */
  save(settings: Settings): Promise<boolean> {
    const next = this.#last.then(async () => {
      try {
        await this.#write(settings);
        return true;
      } catch (error) {
        new Notice(
          this.#t("settings.saveFailed", { reason: error instanceof Error ? error.message : String(error) }),
          0,
        );
        return false;
      }
    });
    this.#last = next;
    return next;
  }
}
