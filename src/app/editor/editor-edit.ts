/** Changing the open note through its Editor: one minimal change, selections kept, one undo step. */
import type { Editor, EditorSelectionOrCaret } from "obsidian";
import { mapOffset, minimalChange } from "../../core/text-diff";

/**
 * Change the open note, planned against its text at this very moment: `plan` receives the editor's
 * current text and returns the new text (null: leave it). `plan` is synchronous, so nothing the user
 * types can slip in between the read and the write; commands that wait (for the index, the network)
 * wait first and plan here, at the end. False when there was nothing to change.
 */
export function editEditor(editor: Editor, plan: (current: string) => string | null): boolean {
  const before = editor.getValue();
  const after = plan(before);
  if (after === null) return false;
  const change = minimalChange(before, after);
  if (!change) return false;
  // Offsets in the new text are taken before the change and turned into positions after it.
  const mapped = editor.listSelections().map((range) => ({
    anchor: mapOffset(editor.posToOffset(range.anchor), change),
    head: mapOffset(editor.posToOffset(range.head), change),
  }));
  editor.transaction({
    changes: [{ from: editor.offsetToPos(change.from), to: editor.offsetToPos(change.to), text: change.text }],
  });
  // CodeMirror maps selections through the change itself; saying so explicitly keeps every
  // editor implementation (and a selection spanning the change) where the user left it.
  const selections: EditorSelectionOrCaret[] = mapped.map((range) => ({
    anchor: editor.offsetToPos(range.anchor),
    head: editor.offsetToPos(range.head),
  }));
  editor.setSelections(selections);
  return true;
}
