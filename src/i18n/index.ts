/** Message lookup for the UI: English or Japanese, picked from the app's language code. */
import { en, type MessageKey } from "./en";
import { ja } from "./ja";

export type { MessageKey } from "./en";
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

const TABLES: Record<string, Readonly<Record<MessageKey, string>>> = { en, ja };

/** `language` is Obsidian's `getLanguage()` code (`en`, `ja`, `zh-TW` …); anything but Japanese gets English. */
export function createTranslator(language: string): Translate {
  const table = TABLES[language.toLowerCase().split(/[-_]/)[0] ?? "en"] ?? en;
  return (key, values) => fill(table[key] ?? en[key], values);
}

function fill(template: string, values?: Readonly<Record<string, string | number>>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
