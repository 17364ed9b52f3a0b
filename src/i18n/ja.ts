/** Japanese UI strings: one for every key of `en.ts` (the type makes a missing one an error). */
import type { MessageKey } from "./en";

export const ja: Record<MessageKey, string> = {
  "plugin.name": "Study Session Notes",
  "settings.corrupt": "Study Session Notes: 保存された設定を読み込めませんでした（{reason}）。既定の設定を使います。",
};
