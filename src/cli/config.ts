/** `--config FILE`: the plugin's `data.json` read as the plugin reads it, with its problems on stderr. */
import { readFileSync } from "node:fs";
import { defaultSettings, migrateSettings, type Settings } from "../core/settings";
import { CliError, EXIT_BAD_INPUT } from "./errors";
import { describe } from "./files";
import type { Io } from "./io";

/**
 * A file that is not JSON, or not an object, is an error here (the plugin falls back instead); a
 * field of the wrong type is reported once on stderr and its default used, as the plugin does.
 */
export function readConfig(path: string | undefined, io: Io): Settings {
  if (path === undefined) return defaultSettings();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`${path}: not a readable JSON settings file (${describe(error)})`, EXIT_BAD_INPUT);
  }
  const { settings, problem, fieldProblems } = migrateSettings(raw);
  if (problem !== null) throw new CliError(`${path}: ${problem}`, EXIT_BAD_INPUT);
  for (const field of fieldProblems) io.err(`session-notes: ${path}: ${field.message}`);
  return settings;
}
