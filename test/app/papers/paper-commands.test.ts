import { request as httpRequest } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Editor, MarkdownView as MarkdownViewOriginal, RequestUrlParam } from "obsidian";
import { readProperties } from "../../../src/core/properties/frontmatter-read";
import { startStandIn, type StandIn } from "../../core/papers/stand-in";
import { loadPlugin, type Harness } from "../harness";

/** `requestUrl` answered by the local stand-ins over node:http (never the network). */
vi.mock("obsidian", async (importOriginal) => {
  const original = await importOriginal<Record<string, unknown>>();
  return {
    ...original,
    requestUrl: (param: RequestUrlParam) =>
      new Promise((resolve, reject) => {
        const url = new URL(param.url);
        if (url.hostname !== "127.0.0.1") {
          reject(new Error("tests never touch the network"));
          return;
        }
        const req = httpRequest(url, { method: param.method ?? "GET", headers: param.headers }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
          res.on("end", () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers[k] = v;
            resolve({ status: res.statusCode ?? 0, headers, text });
          });
        });
        req.on("error", reject);
        if (typeof param.body === "string") req.write(param.body);
        req.end();
      }),
  };
});

let stand: StandIn;
beforeEach(async () => (stand = await startStandIn()));
afterEach(async () => {
  vi.restoreAllMocks();
  await stand.close();
});

const SESSION = "Sessions/2024-09-12 機械学習勉強会.md";
const NOTES: Record<string, string> = {
  [SESSION]: `---
type: study-session
date: 2024-09-12
---
## 今週のTOPIC

### @qluto
#### [論文] Transformer の原論文
- 著者: 
- 会議・年: 
- リンク: https://arxiv.org/abs/1706.03762

### @Shun Ito
#### [論文] Confident Learning
- https://doi.org/10.1613/jair.1.12125
`,
  "Sessions/2024-09-19 ML study group.md": `## This week's topics

### @Yuya Matsumura
[paper] BERT
- https://aclanthology.org/N19-1423.pdf

### @Old Timer
[paper] The transformer again
- arXiv:1706.03762
`,
};

async function runOnNote(h: Harness, id: string, path: string, line: number): Promise<Editor> {
  const view = await h.open(path);
  view.editor.setCursor({ line, ch: 0 });
  const command = h.command(id).editorCheckCallback as (c: boolean, e: Editor, v: MarkdownViewOriginal) => boolean;
  command(false, view.editor.asOriginalType__(), view.asOriginalType7__());
  return view.editor.asOriginalType__();
}

describe("paper commands (harness, requestUrl answered by local stand-ins)", () => {
  it("Fill paper details: the paper note, the entry's link and the summary lines, then from the cache", async () => {
    const h = await loadPlugin(NOTES, { ...stand.settings });
    h.layoutReady();
    const editor = await runOnNote(h, "fill-paper-details", SESSION, 8);
    await vi.waitFor(() =>
      expect(h.notices().some((n) => n.includes("Papers/Attention Is All You Need.md"))).toBe(true),
    );
    const paper = await h.app.vault.read(h.file("Papers/Attention Is All You Need.md"));
    expect(readProperties(paper)).toMatchObject({
      type: "paper",
      arxiv: "1706.03762",
      venue: "Neural Information Processing Systems",
      presented: ["[[Sessions/2024-09-12 機械学習勉強会]]"],
    });
    const text = editor.getValue();
    expect(text).toContain('paper: "[[Papers/Attention Is All You Need]]"');
    expect(text).toContain("- 著者: Ashish Vaswani, Noam Shazeer, Niki Parmar\n");
    expect(text).toContain("- 会議・年: Neural Information Processing Systems 2017\n");
    expect(text).toContain("- リンク: https://arxiv.org/abs/1706.03762\n");

    // Again: the answer comes from the plugin's data, nothing is asked, nothing changes.
    const asked = stand.requests.length;
    await runOnNote(h, "fill-paper-details", SESSION, 8);
    await vi.waitFor(() =>
      expect(h.notices().filter((n) => n.includes("Papers/Attention Is All You Need.md"))).toHaveLength(2),
    );
    expect(stand.requests.length).toBe(asked);
    expect(editor.getValue()).toBe(text);
  });

  it("Fill paper details for all sessions: one note per paper, two presentations on one note; bibliography", async () => {
    const h = await loadPlugin(NOTES, { ...stand.settings });
    h.layoutReady();
    await (h.command("fill-all-paper-details").callback as () => Promise<void>)();
    await vi.waitFor(() => expect(h.notices().some((n) => /3 papers/.test(n))).toBe(true), { timeout: 15000 });
    const attention = readProperties(await h.app.vault.read(h.file("Papers/Attention Is All You Need.md")));
    expect(attention?.presented).toEqual([
      "[[Sessions/2024-09-12 機械学習勉強会]]",
      "[[Sessions/2024-09-19 ML study group]]",
    ]);
    const other = readProperties(await h.app.vault.read(h.file("Sessions/2024-09-19 ML study group.md")));
    expect((other?.topics as Array<Record<string, unknown>>).map((t) => t.paper)).toEqual([
      "[[Papers/BERT Pre-training of Deep Bidirectional Transformers for Language Understanding]]",
      "[[Papers/Attention Is All You Need]]",
    ]);

    await (h.command("export-bibliography").callback as () => Promise<void>)();
    await vi.waitFor(() => expect(h.notices().some((n) => n.includes("Papers/bibliography.bib"))).toBe(true));
    const bib = await h.app.vault.read(h.file("Papers/bibliography.bib"));
    expect(bib).toContain("@inproceedings{vaswani2017attention,");
    expect(bib).toContain("@article{northcutt2021confident,");
  }, 20000);

  it("says clearly when the services cannot be reached", async () => {
    const h = await loadPlugin(NOTES, {
      arxivApi: "http://127.0.0.1:9/q",
      semanticScholarApi: "http://127.0.0.1:9/s",
      crossrefApi: "http://127.0.0.1:9/c",
    });
    h.layoutReady();
    await runOnNote(h, "fill-paper-details", SESSION, 8);
    await vi.waitFor(() => expect(h.notices().some((n) => /Could not reach 127\.0\.0\.1:9/.test(n))).toBe(true));
    expect(h.app.vault.getAbstractFileByPath("Papers")).toBeNull();
  });
});
