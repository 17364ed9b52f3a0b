import { parseNote } from "../../../src/core/note/parser";

/** The title the parser reads from one topic line. */
export function parseTitleOnly(line: string): string {
  return parseNote(`@A\n${line}\n`).topics[0]?.title ?? "";
}
