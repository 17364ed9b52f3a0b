/**
 * Obsidian's own DOM for the controls the plugin's settings tab and dialogs are built from, for the
 * browser tests: the in-memory App (obsidian-test-mocks) builds bare, unwired elements (no classes,
 * the name after the control, a toggle without its checkbox, clicks that reach nothing), which would
 * make an accessibility check of those screens test the mocks. Everything else is the mocks'.
 *
 * The structure is Obsidian 1.x's, as its app builds it (and as its app.css styles it):
 * - `Setting`: `div.setting-item` > `div.setting-item-info` > (`div.setting-item-name`,
 *   `div.setting-item-description`), then `div.setting-item-control`; a heading adds
 *   `setting-item-heading`. Obsidian links neither the name nor the description to the control.
 * - `TextComponent` `input[type=text][spellcheck=false]`, `TextAreaComponent` `textarea`, both calling
 *   `onChange` on `input`; `DropdownComponent` `select.dropdown` (on `change`); `ButtonComponent`
 *   `button` (`mod-cta`); `ToggleComponent` `div.checkbox-container(.is-enabled)` >
 *   `input[type=checkbox][tabindex=0]`, switched by a click on the container.
 * - `Modal`: `div.modal-container.mod-dim` > `div.modal-bg`, `div.modal` > `div.modal-close-button`,
 *   `div.modal-header` > `div.modal-title`, `div.modal-content`; appended to the body on `open()`,
 *   closed by Escape or the close button, focus given back to where it was. Obsidian does not move
 *   focus into the dialog's fields: a dialog that wants its first field focused does it itself.
 * - `AbstractInputSuggest`: while its input is focused and typed in, `div.suggestion-container` >
 *   `div.suggestion` > `div.suggestion-item` (the first `is-selected`) under the input; arrows move the
 *   selection, Enter takes it (`selectSuggestion`), Escape closes.
 */
import type { App } from "obsidian-test-mocks/obsidian";

export * from "obsidian-test-mocks/obsidian";

type Callback<T> = (value: T) => unknown;

class ValueComponent<T> {
  disabled = false;
  protected changed: Callback<T> | null = null;
  onChange(callback: Callback<T>): this {
    this.changed = callback;
    return this;
  }
  then(cb: (component: this) => unknown): this {
    cb(this);
    return this;
  }
}

abstract class AbstractTextComponent<E extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
  constructor(readonly inputEl: E) {
    super();
    inputEl.setAttr("spellcheck", "false");
    inputEl.addEventListener("input", () => void this.changed?.(inputEl.value));
  }
  getValue(): string {
    return this.inputEl.value;
  }
  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }
  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.inputEl.disabled = disabled;
    return this;
  }
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl("input", { type: "text" }));
  }
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl("textarea"));
  }
}

export class DropdownComponent extends ValueComponent<string> {
  readonly selectEl: HTMLSelectElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
    this.selectEl.addEventListener("change", () => void this.changed?.(this.selectEl.value));
  }
  addOption(value: string, display: string): this {
    this.selectEl.createEl("option", { value, text: display });
    return this;
  }
  addOptions(options: Record<string, string>): this {
    for (const [value, display] of Object.entries(options)) this.addOption(value, display);
    return this;
  }
  getValue(): string {
    return this.selectEl.value;
  }
  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  readonly toggleEl: HTMLElement;
  private on = false;
  private readonly checkbox: HTMLInputElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
    this.checkbox = this.toggleEl.createEl("input", { type: "checkbox", attr: { tabindex: "0" } });
    // A click on the container, or Space on the checkbox (whose click bubbles here).
    this.toggleEl.addEventListener("click", () => {
      this.setValue(!this.on);
      void this.changed?.(this.on);
    });
  }
  getValue(): boolean {
    return this.on;
  }
  setValue(on: boolean): this {
    this.on = on;
    this.toggleEl.toggleClass("is-enabled", on);
    this.checkbox.checked = on;
    return this;
  }
}

export class ButtonComponent {
  readonly buttonEl: HTMLButtonElement;
  private clicked: ((event: MouseEvent) => unknown) | null = null;
  constructor(containerEl: HTMLElement) {
    this.buttonEl = containerEl.createEl("button");
    this.buttonEl.addEventListener("click", (event) => void this.clicked?.(event));
  }
  setButtonText(text: string): this {
    this.buttonEl.setText(text);
    return this;
  }
  setCta(): this {
    this.buttonEl.addClass("mod-cta");
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.buttonEl.disabled = disabled;
    return this;
  }
  onClick(callback: (event: MouseEvent) => unknown): this {
    this.clicked = callback;
    return this;
  }
}

export class Setting {
  readonly settingEl: HTMLElement;
  readonly infoEl: HTMLElement;
  readonly nameEl: HTMLElement;
  readonly descEl: HTMLElement;
  readonly controlEl: HTMLElement;
  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv({ cls: "setting-item" });
    this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
    this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
    this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
    this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
  }
  setName(name: string | DocumentFragment): this {
    this.nameEl.empty();
    this.nameEl.append(name);
    return this;
  }
  setDesc(desc: string | DocumentFragment): this {
    this.descEl.empty();
    this.descEl.append(desc);
    return this;
  }
  setHeading(): this {
    this.settingEl.addClass("setting-item-heading");
    return this;
  }
  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }
  addText(cb: (component: TextComponent) => unknown): this {
    cb(new TextComponent(this.controlEl));
    return this;
  }
  addTextArea(cb: (component: TextAreaComponent) => unknown): this {
    cb(new TextAreaComponent(this.controlEl));
    return this;
  }
  addDropdown(cb: (component: DropdownComponent) => unknown): this {
    cb(new DropdownComponent(this.controlEl));
    return this;
  }
  addToggle(cb: (component: ToggleComponent) => unknown): this {
    cb(new ToggleComponent(this.controlEl));
    return this;
  }
  addButton(cb: (component: ButtonComponent) => unknown): this {
    cb(new ButtonComponent(this.controlEl));
    return this;
  }
  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }
}

export class Modal {
  readonly containerEl: HTMLElement;
  readonly modalEl: HTMLElement;
  readonly titleEl: HTMLElement;
  readonly contentEl: HTMLElement;
  private returnFocus: Element | null = null;
  constructor(readonly app: App) {
    this.containerEl = createDiv({ cls: "modal-container mod-dim" });
    this.containerEl.createDiv({ cls: "modal-bg" });
    this.modalEl = this.containerEl.createDiv({ cls: "modal" });
    const close = this.modalEl.createDiv({ cls: "modal-close-button" });
    close.addEventListener("click", () => this.close());
    this.titleEl = this.modalEl.createDiv({ cls: "modal-header" }).createDiv({ cls: "modal-title" });
    this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
    this.containerEl.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      this.close();
    });
  }
  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }
  open(): void {
    this.returnFocus = document.activeElement;
    document.body.appendChild(this.containerEl);
    this.onOpen();
  }
  close(): void {
    if (!this.containerEl.isConnected) return;
    this.containerEl.remove();
    this.onClose();
    if (this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
  }
  onOpen(): void {}
  onClose(): void {}
}

export abstract class AbstractInputSuggest<T> {
  private popover: HTMLElement | null = null;
  private items: T[] = [];
  private selected = 0;
  constructor(
    readonly app: App,
    private readonly textInputEl: HTMLInputElement,
  ) {
    textInputEl.addEventListener("input", () => this.update());
    textInputEl.addEventListener("focus", () => this.update());
    textInputEl.addEventListener("blur", () => this.close());
    textInputEl.addEventListener("keydown", (event) => {
      if (!this.popover) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        this.select((this.selected + step + this.items.length) % this.items.length);
      } else if (event.key === "Enter") {
        event.preventDefault();
        const item = this.items[this.selected];
        if (item !== undefined) this.selectSuggestion(item, event);
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.close();
      }
    });
  }
  protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  selectSuggestion(_value: T, _event: MouseEvent | KeyboardEvent): void {}
  getValue(): string {
    return this.textInputEl.value;
  }
  setValue(value: string): void {
    this.textInputEl.value = value;
  }
  close(): void {
    this.popover?.remove();
    this.popover = null;
  }
  private update(): void {
    const items = this.getSuggestions(this.textInputEl.value);
    if (items instanceof Promise) void items.then((found) => this.show(found));
    else this.show(items);
  }
  private show(items: T[]): void {
    this.items = items;
    this.close();
    if (this.items.length === 0) return;
    const box = this.textInputEl.getBoundingClientRect();
    this.popover = document.body.createDiv({ cls: "suggestion-container" });
    this.popover.setCssProps({ left: `${box.left}px`, top: `${box.bottom + 4}px` });
    const list = this.popover.createDiv({ cls: "suggestion" });
    for (const item of this.items) this.renderSuggestion(item, list.createDiv({ cls: "suggestion-item" }));
    this.select(0);
  }
  private select(index: number): void {
    this.selected = index;
    this.popover?.querySelectorAll(".suggestion-item").forEach((el, i) => el.toggleClass("is-selected", i === index));
  }
}
