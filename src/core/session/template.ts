/**
 * Templates with variables, never code: `{{name}}` and `{{date:FORMAT}}` with moment's format tokens
 * (date-format.ts), as in Obsidian's own Templates. Unknown variables are left in the text as they were
 * and reported, and so are letters in a format that are no date token, so the user sees and fixes them.
 */
import type { Language } from "../note/vocabulary";
import { formatDate } from "./date-format";

export interface Rendered {
  text: string;
  /** Variables the template used that are not known, as written (`{{nope}}`). */
  unknown: string[];
  /** Date variables whose format holds letters that are no token, each with them (`{{date:YYYY T}}: T`). */
  unknownTokens: string[];
}

export interface TemplateValues {
  /** Plain text variables. */
  values: Readonly<Record<string, string>>;
  /** Days (`YYYY-MM-DD`, or null when unknown) that also accept `:FORMAT`. */
  dates?: Readonly<Record<string, string | null>>;
  /** The locale of month and weekday names (`dddd`, `MMMM`, `Do`); English when not given. */
  language?: Language;
}

const VARIABLE = /\{\{\s*([a-zA-Z_]\w*)\s*(?::([^}]*))?\}\}/g;

export function renderTemplate(template: string, { values, dates = {}, language = "en" }: TemplateValues): Rendered {
  const unknown: string[] = [];
  const unknownTokens: string[] = [];
  const text = template.replace(VARIABLE, (whole, name: string, fmt: string | undefined) => {
    // Own properties only: `{{constructor}}` must not reach Object.prototype.
    const isDate = Object.hasOwn(dates, name);
    const iso = isDate ? dates[name] : undefined;
    if (fmt !== undefined && fmt.trim() !== "") {
      if (!isDate) {
        unknown.push(whole);
        return whole;
      }
      if (!iso) return "";
      const formatted = formatDate(iso, fmt.trim(), language);
      if (formatted.unknown.length > 0) unknownTokens.push(`${whole}: ${formatted.unknown.join(" ")}`);
      return formatted.text;
    }
    if (Object.hasOwn(values, name)) return values[name] ?? "";
    if (isDate) return iso ?? "";
    unknown.push(whole);
    return whole;
  });
  return { text, unknown: [...new Set(unknown)], unknownTokens: [...new Set(unknownTokens)] };
}
