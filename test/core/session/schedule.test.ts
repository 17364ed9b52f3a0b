import { describe, expect, it } from "vitest";
import { followingMeeting, fromIso, nextMeeting, type Schedule } from "../../../src/core/session/schedule";

const thursdays: Schedule = { weekday: 4, intervalWeeks: 1, anchor: null };

describe("nextMeeting (TZ pinned to UTC by the test config; dates are local calendar days)", () => {
  const cases: Array<{ name: string; today: string; schedule: Schedule; expected: string }> = [
    { name: "today is the meeting day", today: "2024-08-29", schedule: thursdays, expected: "2024-08-29" },
    { name: "later this week", today: "2024-08-26", schedule: thursdays, expected: "2024-08-29" },
    { name: "the day after: next week", today: "2024-08-30", schedule: thursdays, expected: "2024-09-05" },
    { name: "across a month", today: "2024-09-28", schedule: thursdays, expected: "2024-10-03" },
    { name: "across a year", today: "2024-12-30", schedule: thursdays, expected: "2025-01-02" },
    { name: "onto a leap day", today: "2024-02-26", schedule: thursdays, expected: "2024-02-29" },
    {
      name: "past a leap day",
      today: "2024-02-29",
      schedule: { weekday: 5, intervalWeeks: 1, anchor: null },
      expected: "2024-03-01",
    },
    {
      name: "Sunday meetings",
      today: "2024-09-02",
      schedule: { weekday: 0, intervalWeeks: 1, anchor: null },
      expected: "2024-09-08",
    },
    {
      name: "every two weeks, on an anchor week",
      today: "2024-09-02",
      schedule: { weekday: 4, intervalWeeks: 2, anchor: "2024-08-22" },
      expected: "2024-09-05",
    },
    {
      name: "every two weeks, off week skipped",
      today: "2024-08-26",
      schedule: { weekday: 4, intervalWeeks: 2, anchor: "2024-08-22" },
      expected: "2024-09-05",
    },
    {
      name: "every two weeks, anchor in the future",
      today: "2024-08-01",
      schedule: { weekday: 4, intervalWeeks: 2, anchor: "2024-08-22" },
      expected: "2024-08-08",
    },
    {
      name: "every two weeks, today is a meeting",
      today: "2024-09-05",
      schedule: { weekday: 4, intervalWeeks: 2, anchor: "2024-08-22" },
      expected: "2024-09-05",
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(nextMeeting(c.today, c.schedule)).toBe(c.expected));
  }

  it("rejects a non-date", () => {
    expect(() => nextMeeting("2024-02-30", thursdays)).toThrow(RangeError);
    expect(fromIso("2024-13-01")).toBeNull();
  });

  it("steps to the following meeting", () => {
    expect(followingMeeting("2024-12-26", thursdays)).toBe("2025-01-02");
    expect(followingMeeting("2024-02-22", { ...thursdays, intervalWeeks: 2 })).toBe("2024-03-07");
  });
});
