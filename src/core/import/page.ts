/**
 * Importing pasted or exported pages (Notion's plain text) into session notes in the plugin's own
 * Markdown form: a frontmatter with the topic entries, the topics heading, a `### @Name` heading per
 * presenter, a `#### [kind] Title` heading per topic with its body, and the main topic. The topics of
 * the result parse exactly as those of the page.
 */
import { afterMainMarker, listMarkerLength, readPresenter, readTag, stripHeading } from "../note/grammar";
import { DEFAULT_SERIES, HEADINGS, SESSION_TYPE, type Language } from "../note/vocabulary";
import { closesFence, opensFence, type Fence } from "../note/line-scan";
import { syncFrontmatter } from "../properties/frontmatter";
import type { FrontmatterCode } from "../properties/frontmatter-edit";
import { fail, ok, type Result } from "../result";
import type { ParsedNote, Presenter, Topic } from "../note/model";
import { parseNote } from "../note/parser";
import { safeFileName } from "../session/file-names";

export type Imported = Result<{ fileName: string; text: string; topics: number }, "not-a-session" | FrontmatterCode>;

const TIGHT_BULLET = /^(\s*)[•‣◦・]\s*/;

export function importPage(source: string, path: string, language: Language = "ja"): Imported {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const note = parseNote(text, { path });
  const topics = note.topics;
  if (topics.length === 0)
    return fail({ code: "not-a-session", message: "no presenter with a topic was found: not a session page" });
  const lines = text.split("\n");
  const series = note.series ?? DEFAULT_SERIES[language];
  const out: string[] = ["---", `type: ${SESSION_TYPE}`];
  if (note.date) out.push(`date: ${note.date}`);
  out.push(`series: ${JSON.stringify(series)}`, `source: ${JSON.stringify(path.replace(/^.*[\\/]/, ""))}`, "---");
  out.push(`# ${[series, note.date].filter(Boolean).join(" ")}`, "", `## ${HEADINGS[language].topics}`, "");
  let presenter: string | null | undefined;
  const mainTopics = topics.filter((t) => t.main);
  for (const topic of topics.filter((t) => !t.main)) {
    // An untagged topic is only a topic as the first of its block: it gets a block of its own.
    if (topic.presenter !== presenter || topic.kindLabel === null) {
      presenter = topic.presenter;
      out.push(`### @${presenterLine(note, topic.presenter)}`, "");
    }
    out.push(...topicBlock(topic, lines));
  }
  for (const topic of mainTopics) {
    out.push(`## ${HEADINGS[language].main}`, "");
    if (topic.presenter !== null) out.push(`### @${presenterLine(note, topic.presenter)}`, "");
    out.push(...topicBlock(topic, lines));
  }
  const body = `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
  const synced = syncFrontmatter(body, parseNote(body, { path }));
  if (!synced.ok) return fail(synced.problem);
  // Control and bidi characters out, cut to a safe byte length (a long title must not hit ENAMETOOLONG).
  const name =
    safeFileName([note.date, series].filter(Boolean).join(" ")) ||
    safeFileName(path.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, ""));
  return ok({ fileName: `${name || "Imported session"}.md`, text: synced.value.text, topics: topics.length });
}

function presenterLine(note: ParsedNote, name: string | null): string {
  const person: Presenter | undefined = note.presenters.find((p) => p.name === name);
  return person ? [person.name, ...person.aliases].join(" / ") : (name ?? "");
}

/** The topic as a heading (the title line as written, tag and link kept) and its body. */
function topicBlock(topic: Topic, lines: readonly string[]): string[] {
  const titleLine = (lines[topic.line] ?? "").trim().replace(/^#+\s+/, "");
  const heading = topic.main ? afterMainMarker(titleLine) : titleLine;
  const kind =
    topic.kindLabel !== null && !heading.startsWith("[") && !heading.startsWith("［") ? `[${topic.kindLabel}] ` : "";
  const out = [`#### ${kind}${heading}`];
  let fence: Fence | null = null;
  for (let i = topic.line + 1; i <= topic.endLine; i++) {
    const line = lines[i] ?? "";
    const trimmed = line.trim();
    // Code is copied as it is; the fence lines themselves too.
    if (fence) {
      if (closesFence(trimmed, fence)) fence = null;
      out.push(line);
      continue;
    }
    // The main topic's own `@Name` line is written as its presenter heading already.
    if (readPresenter(stripHeading(trimmed).text) !== null) continue;
    fence = opensFence(trimmed);
    out.push(fence ? line : bodyLine(line));
  }
  // A code block the page never closed ends with its topic here, or it would swallow what follows.
  if (fence) out.push(fence.char.repeat(fence.length));
  out.push("");
  return out;
}

/** Notion's `  • text` bullets become Markdown list items at their depth; other lines stay as they are. */
function bodyLine(line: string): string {
  if (line.trim() === "") return "";
  const tight = TIGHT_BULLET.exec(line);
  if (tight) {
    const depth = Math.max(0, Math.floor((tight[1] ?? "").length / 2) - 1);
    return `${"  ".repeat(depth)}- ${line.slice(tight[0].length)}`;
  }
  const trimmed = line.trim();
  // A body line that would read as a heading, presenter or tag line in the new note is kept as text.
  if (
    listMarkerLength(trimmed) === 0 &&
    (stripHeading(trimmed).level > 0 || readPresenter(trimmed) !== null || readTag(trimmed) !== null)
  ) {
    return `\\${trimmed}`;
  }
  return line.trimEnd();
}
