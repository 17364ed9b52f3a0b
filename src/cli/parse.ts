/** `parse FILE [--json]`: one note's parse (SPEC §3), as JSON or as a readable listing. */
import { parseNote } from "../core/note/parser";
import { EXIT_OK, usageError } from "./errors";
import { readNote, toSlashes } from "./files";
import { formatNote } from "./format";
import { LINE_NOTE, type Verb } from "./verb";

export const parseVerb: Verb = {
  name: "parse",
  usage: "FILE [--json]",
  summary: "parse one session note (.md, or a .txt page pasted from Notion)",
  description: `Parse one note and list its presenters and topics, each with the line of its title.
The note may be a Markdown note or a page pasted or exported from Notion (.txt).

${LINE_NOTE}`,
  options: { json: { type: "boolean", help: "print the parse as JSON (SPEC §3)" } },
  run(args, io) {
    const [file, ...extra] = args.positional;
    if (file === undefined) throw usageError("parse needs a FILE", "parse");
    if (extra.length > 0) throw usageError(`parse takes one FILE; '${extra[0] ?? ""}' is one too many`, "parse");
    const note = parseNote(readNote(file), { path: toSlashes(file) });
    io.out(args.flags.has("json") ? JSON.stringify(note, null, 2) : formatNote(note));
    return EXIT_OK;
  },
};
