/** `import FILE… --out DIR`: pasted or exported pages into session notes in the plugin's form. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importPage } from "../core/import/page";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, fsReason, usageError } from "./errors";
import { readNote } from "./files";
import type { Io } from "./io";
import { stringFlag, type Args, type Verb } from "./verb";

export const importVerb: Verb = {
  name: "import",
  usage: "FILE… --out DIR [--lang ja|en]",
  summary: "pasted or exported pages (Notion) into session notes",
  description: `Convert pages pasted or exported from Notion into session notes in the plugin's form,
written into DIR and named like new session notes. A note that exists is never
overwritten: it is reported and skipped.`,
  options: {
    out: { type: "string", value: "DIR", help: "the folder to write the notes into" },
    lang: { type: "string", value: "ja|en", help: "the language of the headings written (default ja)" },
  },
  run: runImport,
};

function runImport(args: Args, io: Io): number {
  const out = stringFlag(args, "out");
  if (out === undefined) throw usageError("import needs --out DIR", "import");
  if (args.positional.length === 0) throw usageError("import needs one or more FILEs", "import");
  const lang = stringFlag(args, "lang") ?? "ja";
  if (lang !== "ja" && lang !== "en") throw usageError(`--lang takes ja or en; not '${lang}'`, "import");
  let failed = 0;
  for (const file of args.positional) {
    try {
      const result = importPage(readNote(file), file, lang);
      if (!result.ok) throw new CliError(`${file}: ${result.problem.message}`, EXIT_BAD_INPUT);
      mkdirSync(out, { recursive: true });
      const target = join(out, result.value.fileName);
      if (existsSync(target)) {
        io.err(`session-notes: '${target}' exists already; '${file}' not imported`);
        continue;
      }
      try {
        writeFileSync(target, result.value.text, { encoding: "utf8", flag: "wx" });
      } catch (error) {
        throw new CliError(`cannot write '${target}': ${fsReason(error)}`, EXIT_BAD_INPUT);
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
