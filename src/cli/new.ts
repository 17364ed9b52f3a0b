/** `new --vault DIR [--date YYYY-MM-DD] [--config FILE] [--lang ja|en]`: the plugin's "New session note". */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Language } from "../core/note/vocabulary";
import { fromIso, nextMeeting, toIso } from "../core/session/schedule";
import { planSession, scheduleOf } from "../core/session/plan";
import { defaultSettings, migrateSettings, type Settings } from "../core/settings";
import { parseArgs, stringFlag } from "./args";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, usageError } from "./errors";
import { describe, readNote } from "./files";
import type { Io } from "./io";
import { loadVault } from "./vault";

export function runNew(argv: string[], io: Io): number {
  const args = parseArgs(argv, ["vault", "date", "config", "lang"], []);
  if (args.positional.length > 0) throw usageError("new takes no positional arguments (use --vault DIR)");
  const vault = stringFlag(args, "vault");
  if (vault === undefined) throw usageError("new needs --vault DIR");
  const configPath = stringFlag(args, "config");
  const settings = readConfig(configPath);
  const dateFlag = stringFlag(args, "date");
  if (dateFlag !== undefined && !fromIso(dateFlag)) throw usageError(`--date takes YYYY-MM-DD, not "${dateFlag}"`);
  const langFlag = stringFlag(args, "lang");
  if (langFlag !== undefined && langFlag !== "ja" && langFlag !== "en") throw usageError("--lang takes ja or en");

  const { index, problems } = loadVault(vault, settings.kindAliases);
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
  const language: Language = langFlag ?? guessLanguage(sessions.map((s) => s.series ?? "").join(""));
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
    io.err(`session-notes: ${target} exists already; nothing written`);
    io.out(target);
    return EXIT_OK;
  }
  try {
    mkdirSync(dirname(target), { recursive: true });
    // `wx`: fail rather than replace a file that appeared in the meantime.
    writeFileSync(target, plan.text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    throw new CliError(`${target}: cannot write: ${describe(error)}`, EXIT_BAD_INPUT);
  }
  if (plan.unknown.length > 0)
    io.err(`session-notes: unknown template variables left as they are: ${plan.unknown.join(" ")}`);
  io.out(target);
  return EXIT_OK;
}

/** The plugin's data.json; a corrupt or foreign one is an error here (the plugin falls back instead). */
export function readConfig(path: string | undefined): Settings {
  if (path === undefined) return defaultSettings();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`${path}: not a readable JSON settings file (${describe(error)})`, EXIT_BAD_INPUT);
  }
  const { settings, problem } = migrateSettings(raw);
  if (problem !== null) throw new CliError(`${path}: ${problem}`, EXIT_BAD_INPUT);
  return settings;
}

function guessLanguage(text: string): Language {
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(text) ? "ja" : "en";
}
