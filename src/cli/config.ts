/** `--config FILE`: the plugin's `data.json` read as the plugin reads it, with its problems on stderr. */
import { readFileSync } from "node:fs";
import { defaultSettings, migrateSettings, type Settings } from "../core/settings";
import { CliError, EXIT_BAD_INPUT, fsReason } from "./errors";
import type { Io } from "./io";

/**
 * A file that is not JSON, or not an object, is an error here (the plugin falls back instead); a
 * field of the wrong type is reported once on stderr and its default used, as the plugin does.
 */
const PATH_FIELDS: ReadonlySet<string> = new Set([
  "sessionsFolder",
  "sessionTemplate",
  "paperTemplate",
  "papersFolder",
  "peopleFolder",
]);

export function readConfig(path: string | undefined, io: Io): Settings {
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
  const { settings, problem, fieldProblems } = migrateSettings(raw);
  if (problem !== null) throw new CliError(`${path}: ${problem}`, EXIT_BAD_INPUT);
  // A folder or template leading outside the vault is refused here, never replaced by a default:
  // the CLI writes files, and the user meant some other place.
  const outside = fieldProblems.find((field) => PATH_FIELDS.has(field.field));
  if (outside)
    throw new CliError(`${path}: ${outside.message.replace(/[;.]? [Tt]he default .*$/, ".")}`, EXIT_BAD_INPUT);
  for (const field of fieldProblems) io.err(`session-notes: ${path}: ${field.message}`);
  return settings;
}
