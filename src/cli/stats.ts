/** `stats DIR [--json] [--config FILE] …`: who presented what, the main-topic rotation and the next meetings. */
import { fromIso, toIso } from "../core/session/schedule";
import { calendar } from "../core/stats/ics";
import { ENGLISH_LABELS, statsReport } from "../core/stats/report";
import { computeStats, seriesName, statsToJson, upcomingMeetings } from "../core/stats/stats";
import { EXIT_OK, usageError } from "./errors";
import type { Io } from "./io";
import { readConfig } from "./new";
import { loadVault } from "./vault";
import { stringFlag, type Args, type Verb } from "./verb";

export const statsVerb: Verb = {
  name: "stats",
  usage: "DIR [--json] [--config FILE] [--from DATE] [--to DATE] [--series NAME] [--ics N [--date DATE]]",
  summary: "who presented what, per presenter and month, and the main-topic rotation",
  description: `For the session notes under DIR: per presenter, topics by kind and by month, main
topics given and their dates, the last session they presented in; per month, topics
by kind; the main-topic rotation, who gave the last main topic and who is next (as
"new" picks them). A topic without a kind tag counts as "none". Without --json,
Markdown tables. --ics N prints the next N meetings, each with its main presenter,
as an iCalendar file.`,
  options: {
    json: { type: "boolean", help: "print { presenters, months, rotation } as JSON" },
    config: { type: "string", value: "FILE", help: "the plugin's data.json (members, rotation, meeting day)" },
    from: { type: "string", value: "DATE", help: "only sessions on or after DATE (YYYY-MM-DD)" },
    to: { type: "string", value: "DATE", help: "only sessions on or before DATE (YYYY-MM-DD)" },
    series: { type: "string", value: "NAME", help: "only sessions of this series" },
    ics: { type: "string", value: "N", help: "print the next N meetings (1 to 520) as iCalendar" },
    date: { type: "string", value: "DATE", help: "with --ics: plan from DATE instead of today" },
  },
  run: runStats,
};

function runStats(args: Args, io: Io): number {
  const [dir, ...extra] = args.positional;
  if (dir === undefined) throw usageError("stats needs a DIR", "stats");
  if (extra.length > 0) throw usageError(`stats takes one DIR; '${extra[0] ?? ""}' is one too many`, "stats");
  const settings = readConfig(stringFlag(args, "config"));
  const from = dateFlag(args, "from");
  const to = dateFlag(args, "to");
  const date = dateFlag(args, "date");
  const icsFlag = stringFlag(args, "ics");
  const count = icsFlag === undefined ? null : Number(icsFlag);
  if (count !== null && !(Number.isInteger(count) && count >= 1 && count <= 520))
    throw usageError(`--ics takes a whole number of meetings from 1 to 520; not '${icsFlag ?? ""}'`, "stats");
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

function dateFlag(args: Args, name: string): string | null {
  const value = stringFlag(args, name);
  if (value === undefined) return null;
  if (!fromIso(value)) throw usageError(`--${name} takes a date as YYYY-MM-DD; not '${value}'`, "stats");
  return value;
}
