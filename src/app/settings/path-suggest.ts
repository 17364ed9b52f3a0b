/**
 * Obsidian's own suggestions under a settings text field: the vault's folders, or its Markdown notes. A
 * choice fills the field and fires its `input` event, so the field saves it as if typed.
 */
import { AbstractInputSuggest, TFile, TFolder, type App } from "obsidian";

abstract class PathSuggest<T extends TFile | TFolder> extends AbstractInputSuggest<T> {
  readonly #input: HTMLInputElement;

  constructor(app: App, input: HTMLInputElement) {
    super(app, input);
    this.#input = input;
  }

  protected abstract candidates(): T[];

  protected getSuggestions(query: string): T[] {
    const needle = query.trim().toLowerCase();
    return this.candidates()
      .filter((item) => item.path.toLowerCase().includes(needle))
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  renderSuggestion(item: T, el: HTMLElement): void {
    el.setText(item.path);
  }

  override selectSuggestion(item: T): void {
    this.#input.value = item.path;
    this.#input.dispatchEvent(new Event("input"));
    this.close();
  }
}

export class FolderSuggest extends PathSuggest<TFolder> {
  protected candidates(): TFolder[] {
    return this.app.vault.getAllFolders(false);
  }
}

export class MarkdownFileSuggest extends PathSuggest<TFile> {
  protected candidates(): TFile[] {
    return this.app.vault.getMarkdownFiles();
  }
}
