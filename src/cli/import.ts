/** `import FILE… --out DIR`: pasted or exported pages into session notes in the plugin's form. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importPage } from "../core/import/page";
import { parseArgs, stringFlag } from "./args";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, usageError } from "./errors";
import { describe, readNote } from "./files";
import type { Io } from "./io";

export function runImport(argv: string[], io: Io): number {
  const args = parseArgs(argv, ["out", "lang"], []);
  const out = stringFlag(args, "out");
  if (out === undefined) throw usageError("import needs --out DIR");
  if (args.positional.length === 0) throw usageError("import takes one or more FILEs");
  const lang = stringFlag(args, "lang") ?? "ja";
  if (lang !== "ja" && lang !== "en") throw usageError("--lang takes ja or en");
  let failed = 0;
  for (const file of args.positional) {
    try {
      const result = importPage(readNote(file), file, lang);
      if (!result.ok) throw new CliError(`${file}: ${result.problem.message}`, EXIT_BAD_INPUT);
      mkdirSync(out, { recursive: true });
      const target = join(out, result.value.fileName);
      if (existsSync(target)) {
        io.err(`session-notes: ${target} exists already; ${file} not imported`);
        continue;
      }
      try {
        writeFileSync(target, result.value.text, { encoding: "utf8", flag: "wx" });
      } catch (error) {
        throw new CliError(`${target}: cannot write: ${describe(error)}`, EXIT_BAD_INPUT);
      }
      io.out(target);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      failed++;
      io.err(`session-notes: ${error.message}`);
    }
  }
  return failed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}
