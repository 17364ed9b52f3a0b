import type { IndexedTopic } from "../src/core/index/topic-index";

/** Write notes inline in tests: strips the common indentation and the first and last blank lines. */
export function note(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, part, i) => acc + part + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw
    .replace(/^\n/, "")
    .replace(/\n[ \t]*$/, "")
    .split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join("\n");
}

/** An indexed paper topic of the session note `file` (its date from the file name), as tests need one. */
export function paperTopic(file: string, title: string, extra: Partial<IndexedTopic> = {}): IndexedTopic {
  return {
    presenter: null,
    kind: "paper",
    kindLabel: null,
    title,
    url: null,
    main: false,
    tags: [],
    line: 0,
    endLine: 0,
    summary: "",
    file,
    date: file.slice(0, 10),
    ...extra,
  };
}
