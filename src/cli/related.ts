/** `related DIR [--json] [--top K]`: for every topic, its most related topics in other sessions. */
import { buildRelated } from "../core/related/build";
import { reasonText } from "../core/related/reasons";
import { createTranslator } from "../i18n";
import { parseArgs, stringFlag } from "./args";
import { EXIT_OK, usageError } from "./errors";
import type { Io } from "./io";
import { loadVault } from "./vault";

export function runRelated(argv: string[], io: Io): number {
  const args = parseArgs(argv, ["top"], ["json"]);
  const [dir, ...extra] = args.positional;
  if (dir === undefined || extra.length > 0) throw usageError("related takes exactly one DIR");
  const topFlag = stringFlag(args, "top") ?? "5";
  const top = Number(topFlag);
  if (!Number.isInteger(top) || top < 1 || top > 100) throw usageError("--top takes a whole number from 1 to 100");
  const { index, texts, problems } = loadVault(dir);
  for (const problem of problems) io.err(`session-notes: ${problem}`);
  const t = createTranslator("en");
  const related = buildRelated(index.allSessions(), (file) => texts.get(file));
  // One pass over the index, in its order; printed in the topic index's order.
  const byTopic = new Map([...related.relatedAll(top)].map((entry) => [entry.topic, entry.related]));
  const topics = index.topics().map((topic) => ({
    file: topic.file,
    line: topic.line,
    title: topic.title,
    related: (byTopic.get(topic) ?? related.related(topic, top)).map((r) => ({
      file: r.topic.file,
      line: r.topic.line,
      title: r.topic.title,
      score: Math.round(r.score * 1000) / 1000,
      reasons: r.reasons.map((reason) => reasonText(reason, t)),
    })),
  }));
  if (args.flags.has("json")) {
    io.out(JSON.stringify({ topics }, null, 2));
    return EXIT_OK;
  }
  const out: string[] = [];
  for (const topic of topics) {
    out.push(`${topic.title}  (${topic.file}:${topic.line + 1})`);
    for (const r of topic.related)
      out.push(`  ${r.score.toFixed(2).padStart(7)}  ${r.title}  (${r.file}:${r.line + 1})  ${r.reasons.join("; ")}`);
    out.push("");
  }
  io.out(out.join("\n"));
  return EXIT_OK;
}
