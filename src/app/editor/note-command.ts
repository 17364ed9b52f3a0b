/** A command on the note open in the editor: offered only when the editor shows a file. */
import type { Editor, Plugin, TFile } from "obsidian";

export function addNoteCommand(
  plugin: Plugin,
  id: string,
  name: string,
  run: (editor: Editor, file: TFile) => void,
): void {
  plugin.addCommand({
    id,
    name,
    editorCheckCallback: (checking, editor, ctx) => {
      const file = ctx.file;
      if (!file) return false;
      if (!checking) run(editor, file);
      return true;
    },
  });
}
