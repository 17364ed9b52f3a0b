/** The package bin (`session-notes`): the CLI of main.ts on the process's arguments and streams. */
import { parse } from "yaml";
import { useYamlParser } from "../core/properties/yaml-parser";
import { useDateFormatter } from "../core/session/date-format";
import { builtinDateFormatter } from "../core/session/date-format-builtin";
import { run } from "./main";

// The CLI reads YAML with the `yaml` package (the plugin uses Obsidian's parser); duplicate keys are errors.
useYamlParser((text) => parse(text, { uniqueKeys: true, logLevel: "error" }) as unknown);
// Template dates with our own en/ja formatter (the plugin uses Obsidian's moment); tests hold them equal.
useDateFormatter(builtinDateFormatter);

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
};
function bug(error: unknown): number {
  // A bug, not the user's doing: one line that says so, never a stack trace.
  io.err(`session-notes: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  io.err("This is a bug in session-notes; please report it with the command you ran.");
  return 1;
}

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  process.exitCode = bug(error);
});

try {
  const code = run(process.argv.slice(2), io);
  if (typeof code === "number") process.exitCode = code;
  else void code.catch(bug).then((settled) => (process.exitCode = settled));
} catch (error) {
  process.exitCode = bug(error);
}
