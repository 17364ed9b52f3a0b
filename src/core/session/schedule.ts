/** When the group meets: the next meeting date from a weekday and an interval (date-fns, local dates). */
import { addDays, differenceInCalendarDays, format, getDay, isValid, parseISO } from "date-fns";

export interface Schedule {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 1 = every week, 2 = every two weeks. */
  intervalWeeks: 1 | 2;
  /** For every two weeks: one meeting day (`YYYY-MM-DD`) that fixes which weeks. */
  anchor: string | null;
}

export function toIso(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

export function fromIso(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = parseISO(iso);
  return isValid(date) && toIso(date) === iso ? date : null;
}

/** The first meeting on or after `today` (today itself when today is a meeting day). */
export function nextMeeting(today: string, schedule: Schedule): string {
  const start = fromIso(today);
  if (!start) throw new RangeError(`not a date: ${today}`);
  const weekday = ((Math.trunc(schedule.weekday) % 7) + 7) % 7;
  let date = addDays(start, (weekday - getDay(start) + 7) % 7);
  const anchor = schedule.anchor === null ? null : fromIso(schedule.anchor);
  if (schedule.intervalWeeks === 2 && anchor && getDay(anchor) === weekday) {
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
