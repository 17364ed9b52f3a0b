/** `stats DIR [--json] [--config FILE] [--from D] [--to D] [--series S] [--ics N [--date D]]`. */
import { fromIso, toIso } from "../core/session/schedule";
import { ENGLISH_LABELS, statsReport } from "../core/stats/report";
import { computeStats, seriesName, statsToJson, upcomingMeetings } from "../core/stats/stats";
import { calendar } from "../core/stats/ics";
import { parseArgs, stringFlag } from "./args";
import { EXIT_OK, usageError } from "./errors";
import type { Io } from "./io";
import { readConfig } from "./new";
import { loadVault } from "./vault";

export function runStats(argv: string[], io: Io): number {
  const args = parseArgs(argv, ["config", "from", "to", "series", "ics", "date"], ["json"]);
  const [dir, ...extra] = args.positional;
  if (dir === undefined || extra.length > 0) throw usageError("stats takes exactly one DIR");
  const settings = readConfig(stringFlag(args, "config"));
  const from = dateFlag(args, "from");
  const to = dateFlag(args, "to");
  const date = dateFlag(args, "date");
  const icsFlag = stringFlag(args, "ics");
  const count = icsFlag === undefined ? null : Number(icsFlag);
  if (count !== null && !(Number.isInteger(count) && count >= 1 && count <= 520))
    throw usageError("--ics takes a number of meetings from 1 to 520");
  const { index, problems } = loadVault(dir, settings.kindAliases);
  index.setRoster(settings.roster);
  for (const problem of problems) io.err(`session-notes: ${problem}`);
  if (count !== null) {
    const meetings = upcomingMeetings(index, settings, date ?? toIso(new Date()), count);
    const series = seriesName(index, settings, "en");
    const ics = calendar(
      meetings.map((m) => ({
        date: m.date,
        summary: m.mainPresenter === null ? series : `${series}: main topic by ${m.mainPresenter}`,
        description: m.mainPresenter === null ? "" : `Main topic: ${m.mainPresenter}`,
      })),
      { name: series, time: null, minutes: 60, stamp: new Date(), uidSeed: series },
    );
    // io.out ends the text with "\n": the last line keeps its CRLF.
    io.out(ics.slice(0, -1));
    return EXIT_OK;
  }
  const stats = computeStats(index, settings, { from, to, series: stringFlag(args, "series") ?? null });
  io.out(args.flags.has("json") ? JSON.stringify(statsToJson(stats), null, 2) : statsReport(stats, ENGLISH_LABELS));
  return EXIT_OK;
}

function dateFlag(args: ReturnType<typeof parseArgs>, name: string): string | null {
  const value = stringFlag(args, name);
  if (value === undefined) return null;
  if (!fromIso(value)) throw usageError(`--${name} takes YYYY-MM-DD, not "${value}"`);
  return value;
}
