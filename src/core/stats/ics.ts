/**
 * A small iCalendar (RFC 5545) writer for the meeting schedule: CRLF lines folded at 75 octets,
 * TEXT escaped, a stable UID per meeting, all-day events or timed ones in floating local time
 * (the group meets at the same wall-clock time wherever the calendar is).
 */
import { addDays } from "date-fns";
import { fromIso, toIso } from "../session/schedule";

export interface CalendarEvent {
  /** `YYYY-MM-DD`. */
  date: string;
  summary: string;
  description: string;
}

export interface CalendarOptions {
  name: string;
  /** `HH:MM` for timed events; null: all-day events. */
  time: string | null;
  /** Length of a timed event. */
  minutes: number;
  /** When the calendar was made (DTSTAMP), in UTC. */
  stamp: Date;
  /** Makes UIDs differ between groups (the series name); the same meeting keeps its UID across exports. */
  uidSeed: string;
}

const MAX_OCTETS = 75;

export function isMeetingTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

export function calendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Study Session Notes//Schedule//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const stamp = utcStamp(options.stamp);
  const seed = hash(options.uidSeed);
  for (const event of events) {
    const day = fromIso(event.date);
    if (!day) continue;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.date.replace(/-/g, "")}-${seed}@study-session-notes`,
      `DTSTAMP:${stamp}`,
      ...when(event.date, options),
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description !== "") lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    lines.push("TRANSP:OPAQUE", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

function when(date: string, options: CalendarOptions): string[] {
  const day = fromIso(date);
  if (!day) return [];
  const compact = (iso: string): string => iso.replace(/-/g, "");
  if (options.time === null || !isMeetingTime(options.time)) {
    return [`DTSTART;VALUE=DATE:${compact(date)}`, `DTEND;VALUE=DATE:${compact(toIso(addDays(day, 1)))}`];
  }
  const [hours = 0, mins = 0] = options.time.split(":").map(Number);
  const start = hours * 60 + mins;
  const end = start + Math.max(1, Math.round(options.minutes));
  const endDay = toIso(addDays(day, Math.floor(end / 1440)));
  const clock = (m: number): string =>
    `${String(Math.floor((m % 1440) / 60)).padStart(2, "0")}${String(m % 60).padStart(2, "0")}00`;
  return [`DTSTART:${compact(date)}T${clock(start)}`, `DTEND:${compact(endDay)}T${clock(end)}`];
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks escaped; other controls dropped. */
export function escapeText(text: string): string {
  return dropControls(text.replace(/\r\n?/g, "\n"))
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** Control characters other than the line feed, which TEXT cannot hold. */
function dropControls(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code === 0x0a || (code >= 0x20 && code !== 0x7f)) out += char;
  }
  return out;
}

/** RFC 5545 §3.1: lines longer than 75 octets go on, after CRLF and a space; never inside a character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** FNV-1a, hex: short, stable, and enough to tell two groups' meetings apart. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
