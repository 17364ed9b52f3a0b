/** `new --vault DIR [--date YYYY-MM-DD] [--config FILE] [--lang ja|en]`: the plugin's "New session note". */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { noteLanguage, type Language } from "../core/note/vocabulary";
import { fromIso, nextMeeting, toIso } from "../core/session/schedule";
import { planSession, scheduleOf } from "../core/session/plan";
import { defaultSettings, migrateSettings, type Settings } from "../core/settings";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, fsReason, usageError } from "./errors";
import { readNote } from "./files";
import type { Io } from "./io";
import { loadVault } from "./vault";
import { stringFlag, type Args, type Verb } from "./verb";

export const newVerb: Verb = {
  name: "new",
  usage: "--vault DIR [--date YYYY-MM-DD] [--config FILE] [--lang ja|en]",
  summary: "create the next session note, as the plugin's command does",
  description: `Create the note for the next meeting (or --date) in the vault and print its path.
An existing note for that date is never overwritten: its path is printed instead.
Without --config, the roster is everyone who presented in the four latest session
notes, the series and the folder those of the latest session, and the language
that of the latest session's note.`,
  options: {
    vault: { type: "string", value: "DIR", help: "the vault folder" },
    date: { type: "string", value: "YYYY-MM-DD", help: "the session's date (default: the next meeting day)" },
    config: { type: "string", value: "FILE", help: "the plugin's data.json, for its settings" },
    lang: { type: "string", value: "ja|en", help: "the template's language (default: the latest session's)" },
  },
  run: runNew,
};

function runNew(args: Args, io: Io): number {
  if (args.positional.length > 0)
    throw usageError(`new takes no FILE or DIR ('${args.positional[0] ?? ""}'); use --vault DIR`, "new");
  const vault = stringFlag(args, "vault");
  if (vault === undefined) throw usageError("new needs --vault DIR", "new");
  const configPath = stringFlag(args, "config");
  const settings = readConfig(configPath);
  const dateFlag = stringFlag(args, "date");
  if (dateFlag !== undefined && !fromIso(dateFlag))
    throw usageError(`--date takes a real date as YYYY-MM-DD; not '${dateFlag}'`, "new");
  const langFlag = stringFlag(args, "lang");
  if (langFlag !== undefined && langFlag !== "ja" && langFlag !== "en")
    throw usageError(`--lang takes ja or en; not '${langFlag}'`, "new");

  const { index, texts, problems } = loadVault(vault, settings.kindAliases);
  for (const problem of problems) io.err(`session-notes: ${problem}`);
  const sessions = index.allSessions();
  const latest = sessions[0];
  // Without a configuration, new notes go where the latest session note is.
  if (configPath === undefined && latest)
    settings.sessionsFolder = latest.file.includes("/") ? latest.file.slice(0, latest.file.lastIndexOf("/")) : "";
  const date = dateFlag ?? nextMeeting(toIso(new Date()), scheduleOf(settings));
  const existing = sessions.find((s) => s.date === date);
  if (existing) {
    io.err(`session-notes: a session note for ${date} exists already; nothing written`);
    io.out(join(vault, existing.file));
    return EXIT_OK;
  }
  // The latest session's language, not all series together: a group that moved to English stays there.
  const language: Language = langFlag ?? noteLanguage(latest ? (texts.get(latest.file) ?? latest.series ?? "") : "");
  const template = (path: string): string | undefined =>
    path.trim() === "" ? undefined : readNote(join(vault, path.endsWith(".md") ? path : `${path}.md`));
  const plan = planSession({
    sessions,
    settings,
    date,
    language,
    sessionTemplate: template(settings.sessionTemplate),
    paperTemplate: template(settings.paperTemplate),
    link: (file) => `[[${file.replace(/^.*\//, "").replace(/\.md$/, "")}]]`,
  });
  const target = join(vault, plan.path);
  if (existsSync(target)) {
    io.err(`session-notes: '${target}' exists already; nothing written`);
    io.out(target);
    return EXIT_OK;
  }
  try {
    mkdirSync(dirname(target), { recursive: true });
    // `wx`: fail rather than replace a file that appeared in the meantime.
    writeFileSync(target, plan.text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    throw new CliError(`cannot write '${target}': ${fsReason(error)}`, EXIT_BAD_INPUT);
  }
  if (plan.unknown.length > 0)
    io.err(`session-notes: unknown template variables left as they are: ${plan.unknown.join(" ")}`);
  if (plan.unknownTokens.length > 0)
    io.err(
      `session-notes: letters that are no date format token, printed as they stand: ${plan.unknownTokens.join(", ")}`,
    );
  io.out(target);
  return EXIT_OK;
}

/** The plugin's data.json; a corrupt or foreign one is an error here (the plugin falls back instead). */
export function readConfig(path: string | undefined): Settings {
  if (path === undefined) return defaultSettings();
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot open settings '${path}': ${fsReason(error)}`, EXIT_BAD_INPUT);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`'${path}' is not a JSON settings file (data.json): ${reason}`, EXIT_BAD_INPUT);
  }
  const { settings, problem } = migrateSettings(raw);
  if (problem !== null) throw new CliError(`${path}: ${problem}`, EXIT_BAD_INPUT);
  return settings;
}
