/**
 * Templates with variables, never code: `{{name}}` and `{{date:FORMAT}}` (date-fns tokens). Unknown
 * variables are left in the text as they were and reported, so the user sees and fixes them.
 */
import { format } from "date-fns";
import { fromIso } from "./schedule";

export interface Rendered {
  text: string;
  /** Variables the template used that are not known (or date formats date-fns refused). */
  unknown: string[];
}

const VARIABLE = /\{\{\s*([a-zA-Z_]\w*)\s*(?::([^}]*))?\}\}/g;

/** Render `template`. `values` are plain text; `dates` are ISO days that accept `:FORMAT`. */
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  dates: Readonly<Record<string, string | null>> = {},
): Rendered {
  const unknown: string[] = [];
  const text = template.replace(VARIABLE, (whole, name: string, fmt: string | undefined) => {
    // Own properties only: `{{constructor}}` must not reach Object.prototype.
    if (fmt !== undefined) {
      const iso = Object.hasOwn(dates, name) ? dates[name] : undefined;
      const date = iso ? fromIso(iso) : null;
      if (date) {
        try {
          return format(date, fmt.trim());
        } catch {
          // date-fns refuses tokens such as `YYYY`: keep the variable visible and say so.
        }
      } else if (iso === null) {
        return "";
      }
      unknown.push(whole);
      return whole;
    }
    if (Object.hasOwn(values, name)) return values[name] ?? "";
    if (Object.hasOwn(dates, name)) return dates[name] ?? "";
    unknown.push(whole);
    return whole;
  });
  return { text, unknown: [...new Set(unknown)] };
}
