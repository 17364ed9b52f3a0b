/** `related DIR [--json] [--top K]`: for every topic, its most related topics in other sessions. */
import { buildRelated } from "../core/related/build";
import { reasonText } from "../core/related/reasons";
import { createTranslator } from "../i18n";
import { EXIT_OK, usageError } from "./errors";
import { loadVault } from "./vault";
import { LINE_NOTE, stringFlag, type Args, type Verb } from "./verb";
import type { Io } from "./io";
import type { Related } from "../core/related/model";
import type { IndexedTopic } from "../core/index/topic-index";

interface RelatedEntry {
  file: string;
  line: number;
  title: string;
  related: Array<{ file: string; line: number; title: string; score: number; reasons: string[] }>;
}

export const relatedVerb: Verb = {
  name: "related",
  usage: "DIR [--json [--pretty]] [--top K]",
  summary: "for every topic, the most related topics in other sessions",
  description: `For every topic of the session notes under DIR, the K most related topics in other
sessions, best first, each with why: the same paper, a shared #tag, shared words,
the same presenter. The text lists them in rank order; --json adds each one's score
(a relevance sum: comparable within one topic's list, not across topics).

${LINE_NOTE}`,
  options: {
    json: { type: "boolean", help: "print every topic with its related topics as JSON" },
    pretty: { type: "boolean", help: "with --json: indent the JSON for people (compact by default)" },
    top: { type: "string", value: "K", help: "how many related topics for each (1 to 100, default 5)" },
  },
  run: runRelated,
};

function runRelated(args: Args, io: Io): number {
  const [dir, ...extra] = args.positional;
  if (dir === undefined) throw usageError("related needs a DIR", "related");
  if (extra.length > 0) throw usageError(`related takes one DIR; '${extra[0] ?? ""}' is one too many`, "related");
  const topFlag = stringFlag(args, "top") ?? "5";
  const top = Number(topFlag);
  if (!Number.isInteger(top) || top < 1 || top > 100)
    throw usageError(`--top takes a whole number from 1 to 100; not '${topFlag}'`, "related");
  const { index, texts, problems } = loadVault(dir);
  for (const problem of problems) io.err(`session-notes: ${problem}`);
  const t = createTranslator("en");
  const related = buildRelated(index.allSessions(), (file) => texts.get(file));
  const entryOf = (topic: IndexedTopic, list: readonly Related[]): RelatedEntry => ({
    file: topic.file,
    line: topic.line,
    title: topic.title,
    related: list.map((r) => ({
      file: r.topic.file,
      line: r.topic.line,
      title: r.topic.title,
      score: Math.round(r.score * 1000) / 1000,
      reasons: r.reasons.map((reason) => reasonText(reason, t)),
    })),
  });
  // One pass over the index, in its order; printed in the topic index's order.
  const byTopic = new Map([...related.relatedAll(top)].map((entry) => [entry.topic, entry.related]));
  const topics = index.topics().map((topic) => entryOf(topic, byTopic.get(topic) ?? related.related(topic, top)));
  if (args.flags.has("json")) {
    // Compact by default, as `index --json`: read by programs, and indentation doubles it.
    io.out(JSON.stringify({ topics }, null, args.flags.has("pretty") ? 2 : undefined));
    return EXIT_OK;
  }
  // Raw scores (a BM25 sum plus bonuses, 132.73) mean nothing to a reader: the rank and the reasons do.
  const out: string[] = [
    `${topics.length} topics; related ones best first, with why (FILE:LINE counts lines from 1)`,
    "",
  ];
  for (const topic of topics) {
    out.push(`${topic.title}  (${topic.file}:${topic.line + 1})`);
    if (topic.related.length === 0) out.push("   -  nothing related in other sessions");
    for (const [rank, r] of topic.related.entries())
      out.push(
        `  ${String(rank + 1).padStart(2)}. ${r.title}  (${r.file}:${r.line + 1})\n      ${r.reasons.join("; ")}`,
      );
    out.push("");
  }
  io.out(out.join("\n"));
  return EXIT_OK;
}
