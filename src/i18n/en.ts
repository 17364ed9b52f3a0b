/** English UI strings. Keys are shared with `ja.ts`; `{name}` placeholders are filled by `t()`. */
export const en = {
  "settings.corrupt": "Study Session Notes could not read its saved settings ({reason}); the defaults are used.",
  "settings.autoSync.name": "Sync topics automatically",
  "settings.autoSync.desc": "Keep each session note's topic properties up to date after you pause typing and when you leave the note.",

  "command.syncNote": "Sync topics to properties",
  "command.syncAll": "Sync all session notes",

  "sync.updated": "Topic properties updated.",
  "sync.unchanged": "Topic properties are already up to date.",
  "sync.notSession": "This note is not a session note: it has no presenter line (@name) followed by a topic.",
  "sync.error.malformed-yaml": "{file}: the properties (frontmatter) are not valid YAML at line {line}: {detail}. Nothing was changed.",
  "sync.error.unclosed-frontmatter": "{file}: the properties (frontmatter) start on line 1 but have no closing ---. Nothing was changed.",
  "sync.error.not-a-mapping": "{file}: the properties (frontmatter) at line {line} are not key: value pairs. Nothing was changed.",
  "sync.error.read": "{file}: could not be read ({detail}).",
  "sync.progress": "Syncing session notes… {done} of {total}",
  "sync.summary": "Session notes synced: {updated} updated, {unchanged} unchanged, {failed} failed.",
  "sync.summaryFailures": "Failed:",
} as const;

export type MessageKey = keyof typeof en;
