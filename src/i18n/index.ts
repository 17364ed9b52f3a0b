/** Message lookup for the UI: English or Japanese, picked from the app's language code. */
import { en, type MessageKey } from "./en";
import { ja } from "./ja";

export type { MessageKey } from "./en";
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

const TABLES: Record<string, Readonly<Record<MessageKey, string>>> = { en, ja };

/** `language` is Obsidian's `getLanguage()` code (`en`, `ja`, `zh-TW` …); anything but Japanese gets English. */
export function createTranslator(language: string): Translate {
  const table = TABLES[language.toLowerCase().split(/[-_]/)[0] ?? "en"] ?? en;
  // A key no table has (a kind tag the user made up, looked up as `kind.${tag}`) reads as itself.
  return (key, values) => fill(table[key] ?? en[key] ?? key, values);
}

/** Each message cut once at its `{name}` places: literal text and names alternating (the CLI fills thousands). */
const cut = new Map<string, string[]>();

export function fill(template: string, values?: Readonly<Record<string, string | number>>): string {
  if (!values) return template;
  let parts = cut.get(template);
  if (!parts) cut.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? "";
    out += `${name in values ? String(values[name]) : `{${name}}`}${parts[i + 1] ?? ""}`;
  }
  return out;
}

/** A kind's name for people: the translated name of a built-in kind, else the kind as normalized. */
export function kindName(kind: string, t: Translate): string {
  const key = `kind.${kind}` as MessageKey;
  const name = t(key);
  return name === key ? kind : name;
}

/** A `YYYY-MM` month as people say it: "September 2024", 「2024年9月」. Anything else as it is. */
export function monthName(month: string, t: Translate): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const number = Number(match?.[2] ?? 0);
  if (!match || number < 1 || number > 12) return month;
  return t("view.month", { year: match[1] ?? "", name: t(`month.${number}` as MessageKey) });
}
