/** The package bin (`session-notes`): the CLI of main.ts on the process's arguments and streams. */
import { run } from "./main";

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
};
try {
  process.exitCode = run(process.argv.slice(2), io);
} catch (error) {
  // A bug, not the user's doing: one line that says so, never a stack trace.
  io.err(`session-notes: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  io.err("This is a bug in session-notes; please report it with the command you ran.");
  process.exitCode = 1;
}
