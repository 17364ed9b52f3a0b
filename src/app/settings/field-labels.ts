/**
 * What Obsidian's `Setting` and `Modal` leave unsaid to assistive technology, for the settings tab and
 * the plugin's dialogs: a setting's name and description belong to its control, a section name is a
 * heading, a dialog is a named dialog. Imports obsidian only.
 */
import type { Modal, Setting } from "obsidian";

let serial = 0;

/** An id for `el` (its own when it has one), unique in the document. */
export function idOf(el: HTMLElement, prefix = "study-session-notes-field"): string {
  if (el.id === "") el.id = `${prefix}-${++serial}`;
  return el.id;
}

/**
 * The control is named by the setting's name and described by its description (and by `more`, e.g. an
 * error element), so a screen reader says "Sessions folder, edit text, The folder for new notes".
 */
export function labelControl(setting: Setting, control: HTMLElement, more: HTMLElement[] = []): void {
  control.setAttr("aria-labelledby", idOf(setting.nameEl));
  const described = [setting.descEl, ...more].filter((el) => el.hasChildNodes() || more.includes(el));
  if (described.length > 0) control.setAttr("aria-describedby", described.map((el) => idOf(el)).join(" "));
}

/** A section's name read as a heading (Obsidian draws it as a plain row). */
export function markHeading(setting: Setting): void {
  setting.nameEl.setAttrs({ role: "heading", "aria-level": "3" });
}

/** The dialog is announced as one, by its title, with `description` read after it. */
export function nameDialog(modal: Modal, description?: HTMLElement): void {
  modal.modalEl.setAttrs({ role: "dialog", "aria-modal": "true", "aria-labelledby": idOf(modal.titleEl) });
  if (description) modal.modalEl.setAttr("aria-describedby", idOf(description));
}

/** A field's problem under it: `show("")` clears it. */
export interface FieldError {
  el: HTMLElement;
  show(problem: string): void;
}

/**
 * A field's problem, shown under it and announced when it appears (`aria-live`); the field is marked
 * invalid while it shows. Pass `el` to `labelControl` so the field is also described by it.
 */
export function fieldError(parent: HTMLElement, field: HTMLElement): FieldError {
  const el = parent.createDiv({ cls: "study-session-notes-setting-error", attr: { "aria-live": "polite" } });
  idOf(el);
  return {
    el,
    show: (problem) => {
      el.setText(problem);
      field.toggleClass("is-invalid", problem !== "");
      field.setAttr("aria-invalid", problem !== "" ? "true" : "false");
    },
  };
}
