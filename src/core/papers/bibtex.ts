/** BibTeX for paper notes: one entry a paper, keys like `vaswani2017attention`, unique in a bibliography. */

export interface BibPaper {
  title: string;
  authors: readonly string[];
  year: number | null;
  venue: string | null;
  arxiv: string | null;
  doi: string | null;
  url: string | null;
}

const STOP_WORDS = new Set(["a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "is", "are", "towards"]);

export function bibtexKey(paper: BibPaper): string {
  const author = ascii(lastName(paper.authors[0] ?? "")) || "anon";
  const word = paper.title
    .split(/\s+/)
    .map((w) => ascii(w))
    .find((w) => w !== "" && !STOP_WORDS.has(w));
  return `${author}${paper.year ?? ""}${word ?? ""}`;
}

export function bibtexEntry(paper: BibPaper, key = bibtexKey(paper)): string {
  const fields: Array<[string, string]> = [
    ["title", `{${escape(paper.title)}}`],
    ["author", paper.authors.map(escape).join(" and ")],
  ];
  let type = "misc";
  if (paper.venue) {
    const journal = /journal|transactions|letters|review|magazine|nature|science/i.test(paper.venue);
    type = journal ? "article" : "inproceedings";
    fields.push([journal ? "journal" : "booktitle", escape(paper.venue)]);
  }
  if (paper.year !== null) fields.push(["year", String(paper.year)]);
  if (paper.doi) fields.push(["doi", escape(paper.doi)]);
  if (paper.arxiv) fields.push(["eprint", paper.arxiv], ["archivePrefix", "arXiv"]);
  if (paper.url) fields.push(["url", paper.url.replace(/[{}\s]/g, "")]);
  const body = fields
    .filter(([, value]) => value !== "")
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(",\n");
  return `@${type}{${key},\n${body}\n}\n`;
}

/** Every paper once, keys made unique (`…a`, `…b`), in the order given. */
export function bibliography(papers: readonly BibPaper[]): string {
  const used = new Map<string, number>();
  return papers
    .map((paper) => {
      const base = bibtexKey(paper);
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      return bibtexEntry(paper, n === 0 ? base : `${base}${String.fromCharCode(96 + n)}`);
    })
    .join("\n");
}

function lastName(name: string): string {
  const comma = name.indexOf(",");
  if (comma >= 0) return name.slice(0, comma);
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? "";
}

function ascii(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** BibTeX's special characters, escaped; control characters dropped. */
function escape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what is being removed
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      .replace(/\\/g, "\\textbackslash ")
      .replace(/([{}&%$#_])/g, "\\$1")
      .replace(/~/g, "\\textasciitilde ")
      .replace(/\^/g, "\\textasciicircum ")
  );
}
