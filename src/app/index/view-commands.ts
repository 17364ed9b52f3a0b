/** The topic index view: registration, the command and ribbon icon that open it. */
import type { Plugin } from "obsidian";
import type { Translate } from "../../i18n";
import type { IndexService } from "./index-service";
import type { RelatedService } from "../related/related-service";
import { TOPIC_VIEW_ICON, TOPIC_VIEW_TYPE, TopicIndexView } from "./topic-view";

export function registerTopicView(plugin: Plugin, service: IndexService, related: RelatedService, t: Translate): void {
  plugin.registerView(TOPIC_VIEW_TYPE, (leaf) => new TopicIndexView(leaf, service, related, t));
  plugin.addRibbonIcon(TOPIC_VIEW_ICON, t("command.openIndex"), () => void openTopicView(plugin));
  plugin.addCommand({ id: "open-topic-index", name: t("command.openIndex"), callback: () => openTopicView(plugin) });
}

/** Reuse the open leaf, or make one in the right sidebar; reveal it (it may be deferred). */
export async function openTopicView(plugin: Plugin): Promise<void> {
  const { workspace } = plugin.app;
  let leaf = workspace.getLeavesOfType(TOPIC_VIEW_TYPE)[0] ?? null;
  if (!leaf) {
    leaf = workspace.getRightLeaf(false);
    if (!leaf) return;
    await leaf.setViewState({ type: TOPIC_VIEW_TYPE, active: true });
  }
  await workspace.revealLeaf(leaf);
}
