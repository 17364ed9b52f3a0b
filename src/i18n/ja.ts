/** Japanese UI strings: one for every key of `en.ts` (the type makes a missing one an error). */
import type { MessageKey } from "./en";

export const ja: Record<MessageKey, string> = {
  "settings.corrupt": "Study Session Notes: 保存された設定を読み込めませんでした（{reason}）。既定の設定を使います。",
  "settings.autoSync.name": "トピックを自動で同期",
  "settings.autoSync.desc": "入力が止まったときとノートを離れたときに、勉強会ノートのトピックのプロパティを更新します。",

  "command.syncNote": "トピックをプロパティに同期",
  "command.syncAll": "すべての勉強会ノートを同期",

  "sync.updated": "トピックのプロパティを更新しました。",
  "sync.unchanged": "トピックのプロパティは最新です。",
  "sync.notSession": "このノートは勉強会ノートではありません（発表者の行 @名前 とその下のトピックがありません）。",
  "sync.error.malformed-yaml": "{file}: プロパティ（frontmatter）の {line} 行目が YAML として正しくありません: {detail}。何も変更していません。",
  "sync.error.unclosed-frontmatter": "{file}: プロパティ（frontmatter）が 1 行目で始まっていますが、閉じる --- がありません。何も変更していません。",
  "sync.error.not-a-mapping": "{file}: {line} 行目のプロパティ（frontmatter）が「キー: 値」の形になっていません。何も変更していません。",
  "sync.error.read": "{file}: 読み込めませんでした（{detail}）。",
  "sync.progress": "勉強会ノートを同期しています… {done} / {total}",
  "sync.summary": "勉強会ノートを同期しました: 更新 {updated} 件、変更なし {unchanged} 件、失敗 {failed} 件。",
  "sync.summaryFailures": "失敗:",
};
