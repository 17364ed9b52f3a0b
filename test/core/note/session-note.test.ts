import { describe, expect, it } from "vitest";
import { readSessionNote } from "../../../src/core/note/session-note";
import { note } from "../../helpers";

const settings = { sessionsFolder: "Sessions" };

// SPEC §5: which notes are session notes. Automatic sync, the index, `sync` and `index` all ask this.
const rows: Array<{ name: string; path: string; text: string; session: boolean; folder?: string }> = [
  {
    name: "a meeting note with @mentions outside the sessions folder is not one",
    path: "Work/Vendor call.md",
    text: note`
      @alice
      Discussed pricing for Q3.
    `,
    session: false,
  },
  {
    name: "the same note inside the sessions folder is one",
    path: "Sessions/2024-09-05.md",
    text: "@alice\nDiscussed pricing for Q3.\n",
    session: true,
  },
  {
    name: "inside a folder below the sessions folder too",
    path: "Sessions/2024/2024-09-05.md",
    text: "@alice\n[blog] Something\n",
    session: true,
  },
  {
    name: "a folder that only starts like the sessions folder is not it",
    path: "Sessions-old/x.md",
    text: "@alice\n[blog] Something\n",
    session: false,
  },
  {
    name: "type: study-session anywhere, even with no topic",
    path: "Anywhere/x.md",
    text: "---\ntype: study-session\n---\n",
    session: true,
  },
  {
    name: "a topic under a topic section marker anywhere",
    path: "Notes/x.md",
    text: "## 今週のTOPIC\n### @alice\n#### [blog] Title\n",
    session: true,
  },
  {
    name: "a main topic under its marker anywhere",
    path: "Notes/x.md",
    text: "Main topic: Attention is all you need\n",
    session: true,
  },
  {
    name: "a marker with nothing under it is not enough",
    path: "Notes/x.md",
    text: "## Topics\n- nothing yet\n",
    session: false,
  },
  {
    name: "a topic after the marker's section was closed by a heading is not under it",
    path: "Notes/x.md",
    text: "## Topics\n## Meeting\n@alice\nPricing\n",
    session: false,
  },
  {
    name: "in the sessions folder, a note with no topic is not one",
    path: "Sessions/list.md",
    text: "# Shopping list\n- milk\n",
    session: false,
  },
  {
    name: "a presenter with bullets only has no topic",
    path: "Sessions/x.md",
    text: "@Alice\n- only bullets\n",
    session: false,
  },
  {
    name: "only .md files are notes",
    path: "Sessions/2024-09-05.txt",
    text: "---\ntype: study-session\n---\n",
    session: false,
  },
  {
    name: "a sessions folder written with slashes around it",
    path: "Weekly/x.md",
    text: "@alice\n[blog] x\n",
    folder: "/Weekly/",
    session: true,
  },
  {
    name: "the vault root as the sessions folder holds every note",
    path: "x.md",
    text: "@alice\n[blog] x\n",
    folder: "",
    session: true,
  },
];

describe("readSessionNote: the session-note rule of SPEC §5", () => {
  for (const row of rows) {
    it(row.name, () => {
      const read = readSessionNote(row.text, row.path, { sessionsFolder: row.folder ?? settings.sessionsFolder });
      expect(read.session).toBe(row.session);
      expect(read.note.path).toBe(row.path);
    });
  }

  it("reads with the user's kind aliases", () => {
    const read = readSessionNote("## Topics\n@a\n[輪読] X\n", "n.md", {
      sessionsFolder: "S",
      kindAliases: { 輪読: "paper" },
    });
    expect(read.note.topics[0]?.kind).toBe("paper");
  });
});
