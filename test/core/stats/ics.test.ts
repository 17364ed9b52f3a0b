import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendar, escapeText, fold } from "../../../src/core/stats/ics";

const stamp = new Date(Date.UTC(2024, 8, 1, 9, 30, 0));
const events = [
  {
    date: "2024-09-05",
    summary: "機械学習勉強会: メイン 島越 直人",
    description: "メインTOPIC: 島越 直人\n資料; 後で, 共有 \\ ok",
  },
  { date: "2024-09-12", summary: "機械学習勉強会", description: "" },
  { date: "2024-12-31", summary: "Year end, the last one", description: "x".repeat(300) },
];

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text) as unknown[]);
}

describe("calendar (RFC 5545)", () => {
  it("parses with ical.js as all-day events with the text, UID and DTSTAMP given", () => {
    const text = calendar(events, {
      name: "機械学習勉強会",
      time: null,
      minutes: 60,
      stamp,
      uidSeed: "機械学習勉強会",
    });
    const vevents = parse(text)
      .getAllSubcomponents("vevent")
      .map((c) => new ICAL.Event(c));
    expect(vevents).toHaveLength(3);
    const [first, second, third] = vevents;
    expect(first?.summary).toBe("機械学習勉強会: メイン 島越 直人");
    expect(first?.description).toBe("メインTOPIC: 島越 直人\n資料; 後で, 共有 \\ ok");
    expect(first?.startDate.isDate).toBe(true);
    expect(first?.startDate.toString()).toBe("2024-09-05");
    expect(first?.endDate.toString()).toBe("2024-09-06");
    expect(second?.description).toBeNull();
    expect(third?.endDate.toString()).toBe("2025-01-01");
    expect(third?.description).toBe("x".repeat(300));
    expect(new Set(vevents.map((e) => e.uid)).size).toBe(3);
    expect(first?.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2024-09-01T09:30:00Z");
  });

  it("writes timed events in floating local time, crossing midnight when they run late", () => {
    const text = calendar(events.slice(0, 1), { name: "ML", time: "23:30", minutes: 90, stamp, uidSeed: "ML" });
    const event = new ICAL.Event(parse(text).getFirstSubcomponent("vevent") ?? undefined);
    expect(event.startDate.toString()).toBe("2024-09-05T23:30:00");
    expect(event.endDate.toString()).toBe("2024-09-06T01:00:00");
    expect(event.startDate.zone?.tzid).toBe("floating");
  });

  it("keeps the same UID for the same meeting across exports, and a different one for another group", () => {
    const uid = (seed: string): string | undefined =>
      /UID:(\S+)/.exec(
        calendar(events.slice(0, 1), { name: seed, time: null, minutes: 60, stamp, uidSeed: seed }),
      )?.[1];
    expect(uid("A")).toBe(uid("A"));
    expect(uid("A")).not.toBe(uid("B"));
  });

  it("ends every line with CRLF and keeps every line within 75 octets", () => {
    const text = calendar(events, {
      name: "機械学習勉強会".repeat(20),
      time: "19:00",
      minutes: 60,
      stamp,
      uidSeed: "x",
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });

  it("folds any text so that unfolding gives it back, never splitting a character", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 400 }).filter((t) => !t.includes("\ufffd")),
        (text) => {
          const line = `SUMMARY:${escapeText(text)}`;
          const folded = fold(line);
          expect(folded.replace(/\r\n /g, "")).toBe(line);
          for (const part of folded.split("\r\n")) {
            expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
            expect(part).not.toContain("\uFFFD");
          }
          const ics = calendar([{ date: "2024-01-04", summary: text, description: text }], {
            name: text,
            time: null,
            minutes: 60,
            stamp,
            uidSeed: text,
          });
          const event = new ICAL.Event(parse(ics).getFirstSubcomponent("vevent") ?? undefined);
          // Control characters are dropped (iCalendar TEXT cannot hold them); line breaks survive.
          const expected = [...text.replace(/\r\n?/g, "\n")]
            .filter((c) => c === "\n" || (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f))
            .join("");
          expect(event.summary).toBe(expected);
        },
      ),
    );
  });
});
