/**
 * Moment's day tokens formatted by moment itself: the plugin passes Obsidian's `moment` (so main.js
 * carries no calendar of its own), tests pass the `moment` package. Only the grammar is ours
 * (date-format.ts): which tokens count, what is reported, the time-zone tokens a day does not have.
 */
import { formatDay, type DateFormatter } from "./date-format";

/** The little of a moment the formatter uses. */
export interface MomentDay {
  locale(language: string): MomentDay;
  format(format: string): string;
  localeData(): { longDateFormat(key: string): string };
}

/** `moment(text, format, strict)`, as Obsidian's `moment` and the package take it. */
export type MomentLike = (text: string, format: string, strict: boolean) => MomentDay;

export function momentDateFormatter(moment: MomentLike): DateFormatter {
  return (iso, format, language) => {
    const day = moment(iso, "YYYY-MM-DD", true).locale(language);
    const locale = day.localeData();
    return formatDay(format, {
      longDate: (key) => locale.longDateFormat(key) || undefined,
      value: (token) => day.format(token),
    });
  };
}
