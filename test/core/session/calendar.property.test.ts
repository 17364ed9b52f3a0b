import { addDays as fnsAddDays, format, parseISO } from "date-fns";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, fromIso, nextMeeting, toIso } from "../../../src/core/session/schedule";

// São Paulo moved its clocks at midnight (a day with no 00:00), the classic trap for date arithmetic.
const ZONES = ["UTC", "America/Sao_Paulo", "Asia/Tokyo", "Europe/Berlin"];
const isoArb = fc
  .date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe.each(ZONES)("calendar days in %s agree with date-fns", (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it("fromIso/toIso round-trip and addDays lands on the same day as date-fns", () => {
    fc.assert(
      fc.property(isoArb, fc.integer({ min: -2000, max: 2000 }), (iso, days) => {
        const date = fromIso(iso);
        expect(date).not.toBeNull();
        expect(toIso(date as Date)).toBe(iso);
        expect(toIso(addDays(date as Date, days))).toBe(format(fnsAddDays(parseISO(iso), days), "yyyy-MM-dd"));
      }),
      { numRuns: 300 },
    );
  });

  it("the next meeting falls on the weekday, within a week, never before today", () => {
    fc.assert(
      fc.property(isoArb, fc.integer({ min: 0, max: 6 }), (iso, weekday) => {
        const next = nextMeeting(iso, { weekday, intervalWeeks: 1, anchor: null });
        const gap = (Date.parse(next) - Date.parse(iso)) / 86400000;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThan(7);
        expect(new Date(`${next}T00:00:00Z`).getUTCDay()).toBe(weekday);
      }),
      { numRuns: 200 },
    );
  });
});

describe("fromIso", () => {
  it.each(["2024-02-30", "2023-02-29", "2024-13-01", "24-01-01", "2024-1-1", ""])("refuses %j", (text) => {
    expect(fromIso(text)).toBeNull();
  });
});
