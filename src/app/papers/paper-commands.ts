/** The paper commands. Papers: details from arXiv, Semantic Scholar and Crossref; imports core/papers and app/editor. */
import type { Plugin } from "obsidian";
import type { Translate } from "../../i18n";
import { addNoteCommand } from "../editor/note-command";
import type { PaperLibrary } from "./paper-library";

export function registerPaperCommands(plugin: Plugin, papers: PaperLibrary, t: Translate): void {
  addNoteCommand(plugin, "fill-paper-details", t("command.fillPaper"), (editor, file) => {
    void papers.fillAtCursor(editor, file);
  });
  plugin.addCommand({
    id: "fill-all-paper-details",
    name: t("command.fillAllPapers"),
    callback: () => void papers.fillAll(),
  });
  addNoteCommand(plugin, "copy-bibtex", t("command.copyBibtex"), (editor, file) => {
    void papers.copyBibtex(editor, file);
  });
  plugin.addCommand({
    id: "export-bibliography",
    name: t("command.exportBibliography"),
    callback: () => void papers.exportBibliography(),
  });
}
