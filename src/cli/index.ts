/** `index DIR [--json] [--by kind|tag|presenter|month]`: every session note under DIR, grouped. */
import { indexToJson } from "../core/index/index-json";
import { GROUPINGS, isGroupBy } from "../core/index/topic-index";
import { EXIT_OK, usageError } from "./errors";
import { formatIndex } from "./format";
import { loadVault } from "./vault";
import { LINE_NOTE, stringFlag, type Verb } from "./verb";

export const indexVerb: Verb = {
  name: "index",
  usage: `DIR [--json [--pretty]] [--by ${GROUPINGS.join("|")}]`,
  summary: "every topic of every session note under DIR, grouped",
  description: `List every topic of every session note under DIR (hidden folders skipped), newest
first, grouped by kind, #tag, presenter or month; people are merged across notes
by the spellings they share. Each topic ends with FILE:LINE.

${LINE_NOTE}`,
  options: {
    json: {
      type: "boolean",
      help: "print sessions, topics, presenters, kinds and tags as JSON (group lists refer to topics by file and line)",
    },
    pretty: { type: "boolean", help: "with --json: indent the JSON for people (compact by default)" },
    by: { type: "string", value: "KEY", help: `group by ${GROUPINGS.join(", ")} (default kind)` },
  },
  run(args, io) {
    const [dir, ...extra] = args.positional;
    if (dir === undefined) throw usageError("index needs a DIR", "index");
    if (extra.length > 0) throw usageError(`index takes one DIR; '${extra[0] ?? ""}' is one too many`, "index");
    const by = stringFlag(args, "by") ?? "kind";
    if (!isGroupBy(by)) throw usageError(`--by takes ${GROUPINGS.join(", ")}; not '${by}'`, "index");
    const { index, problems } = loadVault(dir);
    for (const problem of problems) io.err(`session-notes: ${problem}`);
    // Compact by default: a 10,000-note vault's index is read by programs, and indentation triples it.
    const indent = args.flags.has("pretty") ? 2 : undefined;
    io.out(args.flags.has("json") ? JSON.stringify(indexToJson(index), null, indent) : formatIndex(index, by));
    return EXIT_OK;
  },
};
