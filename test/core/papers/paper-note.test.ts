import { describe, expect, it } from "vitest";
import { bibliography, bibtexEntry } from "../../../src/core/papers/bibtex";
import { emptyDetails, type PaperDetails } from "../../../src/core/papers/details";
import { newPaperNote, paperFileName, readPaperNote, refillPaperNote } from "../../../src/core/papers/paper-note";
import { fillSummaryLines, SUMMARY_LABELS } from "../../../src/core/papers/summary-lines";
import { PAPER_TEMPLATES } from "../../../src/core/session/builtin-templates";
import { readProperties } from "../../../src/core/properties/frontmatter-read";

const details: PaperDetails = {
  ...emptyDetails("Attention Is All You Need"),
  authors: ["Ashish Vaswani", "Noam Shazeer"],
  year: 2017,
  venue: "Neural Information Processing Systems",
  arxiv: "1706.03762",
  url: "https://arxiv.org/abs/1706.03762",
  abstract: "Uses <b>attention</b> #only.",
  tldr: "The Transformer.",
};
const labels = { notes: "Notes" };

describe("paper notes", () => {
  it("writes flat properties, callouts with nothing rendered as HTML or tags, and room for notes", () => {
    const text = newPaperNote(details, ["[[Sessions/a]]"], labels);
    expect(readProperties(text)).toEqual({
      type: "paper",
      title: "Attention Is All You Need",
      authors: ["Ashish Vaswani", "Noam Shazeer"],
      year: 2017,
      venue: "Neural Information Processing Systems",
      arxiv: "1706.03762",
      url: "https://arxiv.org/abs/1706.03762",
      presented: ["[[Sessions/a]]"],
    });
    expect(text).toContain("> [!abstract] TL;DR\n> The Transformer.\n");
    expect(text).toContain("> Uses &lt;b>attention&lt;/b> \\#only.");
    expect(text.endsWith("## Notes\n\n")).toBe(true);
  });

  it("refills only what is missing, adds new presentations, keeps the user's text; twice changes nothing", () => {
    const first = newPaperNote({ ...details, venue: null }, ["[[Sessions/a]]"], labels);
    const edited = `${first.replace("year: 2017", "year: 2018 # corrected")}- my own note\n`;
    const refill = refillPaperNote(edited, details, ["[[Sessions/a]]", "[[Sessions/b]]"]);
    expect(refill.ok).toBe(true);
    if (!refill.ok) return;
    const props = readProperties(refill.value.text);
    expect(props?.year).toBe(2018);
    expect(props?.venue).toBe("Neural Information Processing Systems");
    expect(props?.presented).toEqual(["[[Sessions/a]]", "[[Sessions/b]]"]);
    expect(refill.value.text).toContain("year: 2018 # corrected\n");
    expect(refill.value.text.endsWith("## Notes\n\n- my own note\n")).toBe(true);
    const again = refillPaperNote(refill.value.text, details, ["[[Sessions/b]]"]);
    expect(again).toEqual({ ok: true, value: { text: refill.value.text, changed: false } });
  });

  it("keeps a single presented link the user typed, and refuses broken YAML", () => {
    const text = '---\ntype: paper\ntitle: X\npresented: "[[Sessions/old]]"\n---\n';
    const refill = refillPaperNote(text, { ...details, title: "X" }, ["[[Sessions/new]]"]);
    expect(refill.ok && readProperties(refill.value.text)?.presented).toEqual(["[[Sessions/old]]", "[[Sessions/new]]"]);
    expect(refillPaperNote("---\ntitle: [oops\n---\n", details, []).ok).toBe(false);
  });

  it("names files safely", () => {
    expect(paperFileName("BERT: Pre-training / of [Deep] #Transformers?")).toBe(
      "BERT Pre-training of Deep Transformers.md",
    );
    expect(paperFileName("../../etc")).toBe("etc.md");
    expect(paperFileName("")).toBe("Untitled paper.md");
  });

  it("reads a paper note back as a paper, and only a paper note", () => {
    expect(readPaperNote({ type: "paper", title: "X", arxiv: "2301.00001v2", year: "2023" })).toMatchObject({
      arxiv: "2301.00001",
      year: 2023,
    });
    expect(readPaperNote({ type: "study-session", title: "X" })).toBeNull();
  });
});

describe("BibTeX", () => {
  it("writes an entry with escaped text and a readable key", () => {
    expect(bibtexEntry({ ...details, title: "R&D at 100% {fast}_now" })).toBe(
      "@inproceedings{vaswani2017rd,\n" +
        "  title = {{R\\&D at 100\\% \\{fast\\}\\_now}},\n" +
        "  author = {Ashish Vaswani and Noam Shazeer},\n" +
        "  booktitle = {Neural Information Processing Systems},\n" +
        "  year = {2017},\n" +
        "  eprint = {1706.03762},\n" +
        "  archivePrefix = {arXiv},\n" +
        "  url = {https://arxiv.org/abs/1706.03762}\n}\n",
    );
  });

  it("makes keys unique in a bibliography", () => {
    const bib = bibliography([details, details, { ...details, venue: "Journal of AI Research" }]);
    expect(bib).toContain("@inproceedings{vaswani2017attention,");
    expect(bib).toContain("@inproceedings{vaswani2017attentiona,");
    expect(bib).toContain("@article{vaswani2017attentionb,");
  });
});

describe("paper-summary lines", () => {
  it("uses the labels the built-in templates write", () => {
    for (const label of Object.values(SUMMARY_LABELS).flat())
      expect(Object.values(PAPER_TEMPLATES).some((t) => t.includes(`- ${label}: `))).toBe(true);
  });

  it("fills empty lines only, within the topic", () => {
    const lines = ["#### [論文] X", "- 著者: ", "- 会議・年: 自分で書いた", "- Link:", "", "- 著者: "];
    expect(fillSummaryLines(lines, 1, 4, details)).toEqual([
      "#### [論文] X",
      "- 著者: Ashish Vaswani, Noam Shazeer",
      "- 会議・年: 自分で書いた",
      "- Link: https://arxiv.org/abs/1706.03762",
      "",
      "- 著者: ",
    ]);
  });
});
