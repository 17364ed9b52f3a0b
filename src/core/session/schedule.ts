/**
 * When the group meets: the next meeting date from a weekday and an interval. Calendar dates in the
 * local zone, computed with the Date constructor (which rolls months and DST over correctly) — a few
 * lines that keep date-fns and its formatter out of the plugin bundle.
 */

export interface Schedule {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 1 = every week, 2 = every two weeks. */
  intervalWeeks: 1 | 2;
  /** For every two weeks: one meeting day (`YYYY-MM-DD`) that fixes which weeks. */
  anchor: string | null;
}

/** `YYYY-MM-DD` of a date's local calendar day. */
export function toIso(date: Date): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** Local midnight of a `YYYY-MM-DD` calendar day; null for anything else (2024-02-30 included). */
export function fromIso(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  date.setFullYear(Number(match[1])); // years 0–99 are not 1900–1999
  return toIso(date) === iso ? date : null;
}

/** The local calendar day `days` after `date` (at local midnight). */
export function addDays(date: Date, days: number): Date {
  const out = new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
  out.setFullYear(date.getFullYear(), date.getMonth(), date.getDate() + days);
  return out;
}

/** Whole calendar days from `b` to `a`, whatever the clock changes between them. */
function differenceInCalendarDays(a: Date, b: Date): number {
  const day = (d: Date): number => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000;
  return Math.round(day(a) - day(b));
}

/** The first meeting on or after `today` (today itself when today is a meeting day). */
export function nextMeeting(today: string, schedule: Schedule): string {
  const start = fromIso(today);
  if (!start) throw new RangeError(`not a date: ${today}`);
  const weekday = ((Math.trunc(schedule.weekday) % 7) + 7) % 7;
  let date = addDays(start, (weekday - start.getDay() + 7) % 7);
  const anchor = schedule.anchor === null ? null : fromIso(schedule.anchor);
  if (schedule.intervalWeeks === 2 && anchor && anchor.getDay() === weekday) {
    // Meetings fall an even number of weeks from the anchor (before or after it).
    const weeks = differenceInCalendarDays(date, anchor) / 7;
    if (Math.abs(weeks % 2) === 1) date = addDays(date, 7);
  }
  return toIso(date);
}

/** The meeting after `meeting`. */
export function followingMeeting(meeting: string, schedule: Schedule): string {
  const date = fromIso(meeting);
  if (!date) throw new RangeError(`not a date: ${meeting}`);
  return toIso(addDays(date, 7 * schedule.intervalWeeks));
}
