/** Opening a topic where it is written, and linking to it. */
import { MarkdownView, type App, type PaneType } from "obsidian";
import type { IndexedTopic } from "../../core/index/topic-index";
import type { IndexService } from "./index-service";

/** Open the topic's note (in this tab, or where `where` says) with its title line selected and in view. */
export async function openTopic(
  app: App,
  service: IndexService,
  topic: IndexedTopic,
  where: PaneType | boolean,
): Promise<void> {
  const file = app.vault.getFileByPath(topic.file);
  if (!file) return;
  const line = await service.lineOf(topic);
  const leaf = app.workspace.getLeaf(where);
  await leaf.openFile(file, { active: true, eState: { line } });
  const view = leaf.view;
  if (view instanceof MarkdownView) {
    const editor = view.editor;
    const from = { line, ch: 0 };
    const to = { line, ch: editor.getLine(line).length };
    editor.setSelection(from, to);
    editor.scrollIntoView({ from, to }, true);
  }
}

/** A link to the topic's note, shown as the topic's title, in the user's link format. */
export function topicLink(app: App, topic: IndexedTopic): string {
  const file = app.vault.getFileByPath(topic.file);
  if (!file) return topic.title;
  return app.fileManager.generateMarkdownLink(file, "", undefined, topic.title);
}
