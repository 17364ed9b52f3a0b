/** English UI strings. Keys are shared with `ja.ts`; `{name}` placeholders are filled by `t()`. */
export const en = {
  "plugin.name": "Study Session Notes",
  "settings.corrupt": "Study Session Notes: the saved settings could not be read ({reason}); using defaults.",
} as const;

export type MessageKey = keyof typeof en;
