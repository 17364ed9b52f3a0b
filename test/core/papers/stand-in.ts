/**
 * Local stand-ins of the three paper services on 127.0.0.1, answering in each one's documented format:
 * arXiv's Atom feed (`/arxiv/api/query`, `id_list` and `search_query=ti:"…"`, an `Error` entry for a
 * bad id), Semantic Scholar's Graph API (`/s2/paper/{id}`, `/s2/paper/batch`, `/s2/paper/search/match`
 * with 404 `{"error":"Title match not found"}`) and Crossref (`/crossref/works/{doi}`, 404
 * `Resource not found.`). Its catalog includes titles a careless search would take for another paper.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface CatalogPaper {
  title: string;
  authors: string[];
  year: number;
  arxiv?: string;
  doi?: string;
  acl?: string;
  venue?: string;
  abstract?: string;
  tldr?: string;
  /** Known to Semantic Scholar (default true). */
  s2?: boolean;
  /** Known to Crossref (needs a DOI). */
  crossref?: boolean;
  journalRef?: string;
}

export const CATALOG: CatalogPaper[] = [
  {
    title: "Attention Is All You Need",
    authors: ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"],
    year: 2017,
    arxiv: "1706.03762",
    venue: "Neural Information Processing Systems",
    abstract:
      "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.",
    tldr: "A new simple network architecture, the Transformer, based solely on attention mechanisms.",
  },
  {
    // The careless match for the one above.
    title: "Attention Is All You Need In Speech Separation",
    authors: ["Cem Subakan", "Mirco Ravanelli"],
    year: 2020,
    arxiv: "2010.13154",
    venue: "ICASSP",
  },
  {
    title: "Training Compute-Optimal Large Language Models",
    authors: ["Jordan Hoffmann", "Sebastian Borgeaud"],
    year: 2022,
    arxiv: "2203.15556",
    venue: "Neural Information Processing Systems",
  },
  {
    title: "Confident Learning: Estimating Uncertainty in Dataset Labels",
    authors: ["Curtis Northcutt", "Lu Jiang", "Isaac Chuang"],
    year: 2021,
    doi: "10.1613/jair.1.12125",
    s2: false,
    crossref: true,
    venue: "Journal of Artificial Intelligence Research",
  },
  {
    title: "DocLLM: A Layout-Aware Generative Language Model for Multimodal Document Understanding",
    authors: ["Dongsheng Wang", "Natraj Raman"],
    year: 2024,
    arxiv: "2401.00908",
    venue: "Annual Meeting of the Association for Computational Linguistics",
    tldr: "A layout-aware extension of LLMs for visually rich documents.",
  },
  {
    title: "The Large N Limit of Superconformal Field Theories and Supergravity",
    authors: ["Juan Maldacena"],
    year: 1997,
    arxiv: "hep-th/9711200",
    s2: false,
    journalRef: "Adv.Theor.Math.Phys.2:231-252,1998",
  },
  {
    title: "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
    authors: ["Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"],
    year: 2019,
    arxiv: "1810.04805",
    doi: "10.18653/v1/n19-1423",
    acl: "N19-1423",
    venue: "North American Chapter of the Association for Computational Linguistics",
  },
  {
    title: "Learning Loss for Active Learning",
    authors: ["Donggeun Yoo", "In So Kweon"],
    year: 2019,
    arxiv: "1905.03677",
    venue: "Computer Vision and Pattern Recognition",
  },
  {
    title: "Learning Loss for Active Learning in Object Detection",
    authors: ["Someone Else"],
    year: 2023,
    s2: true,
  },
  {
    title: "VerifiNER: Verification-augmented NER via Knowledge-grounded Reasoning with Large Language Models",
    authors: ["Seoyeon Kim", "Kwangwook Seo"],
    year: 2024,
    arxiv: "2402.18374",
    venue: "Annual Meeting of the Association for Computational Linguistics",
  },
  {
    title: "SpreadsheetLLM: Encoding Spreadsheets for Large Language Models",
    authors: ["Yuzhang Tian", "Jianbo Zhao"],
    year: 2024,
    arxiv: "2407.09025",
  },
];

export interface Canned {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface StandIn {
  base: string;
  settings: { arxivApi: string; semanticScholarApi: string; crossrefApi: string };
  /** Every request, as `METHOD path?query`. */
  requests: string[];
  /** Answers given before the real ones, per service, in order. */
  queue: Record<"arxiv" | "s2" | "crossref", Canned[]>;
  /** Never answer (for timeouts). */
  hang: boolean;
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const hanging: ServerResponse[] = [];
  const state = {
    requests: [] as string[],
    queue: { arxiv: [], s2: [], crossref: [] } as StandIn["queue"],
    hang: false,
  };
  const server: Server = createServer((req, res) => {
    void body(req).then((text) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      state.requests.push(`${req.method ?? "GET"} ${url.pathname}${url.search}`);
      if (state.hang) {
        hanging.push(res);
        return;
      }
      const service = url.pathname.startsWith("/arxiv") ? "arxiv" : url.pathname.startsWith("/s2") ? "s2" : "crossref";
      const canned = state.queue[service].shift();
      const answer = canned ?? route(url, text, req.headers);
      res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    settings: {
      arxivApi: `${base}/arxiv/api/query`,
      semanticScholarApi: `${base}/s2`,
      crossrefApi: `${base}/crossref`,
    },
    get requests() {
      return state.requests;
    },
    queue: state.queue,
    get hang() {
      return state.hang;
    },
    set hang(value: boolean) {
      state.hang = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => resolve(text));
  });
}

const json = (value: unknown, status = 200): Canned => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(value),
});

function route(url: URL, text: string, headers: IncomingMessage["headers"]): Canned {
  const path = url.pathname;
  if (path === "/arxiv/api/query") return arxiv(url);
  if (path === "/s2/paper/batch") {
    const ids = (JSON.parse(text) as { ids: string[] }).ids;
    return json(ids.map((id) => s2Paper(findS2(id))));
  }
  if (path === "/s2/paper/search/match") return s2Match(url.searchParams.get("query") ?? "");
  if (path.startsWith("/s2/paper/")) {
    const paper = findS2(decodeURIComponent(path.slice("/s2/paper/".length)));
    return paper ? json(s2Paper(paper)) : json({ error: "Paper with id not found" }, 404);
  }
  if (path.startsWith("/crossref/works/")) {
    const doi = decodeURIComponent(path.slice("/crossref/works/".length)).toLowerCase();
    const paper = CATALOG.find((p) => p.crossref && p.doi === doi);
    return paper ? json(crossrefWork(paper)) : { status: 404, body: "Resource not found." };
  }
  void headers;
  return { status: 404, body: "not found" };
}

function findS2(id: string): CatalogPaper | undefined {
  const [scheme, value = ""] = id.includes(":")
    ? [id.slice(0, id.indexOf(":")), id.slice(id.indexOf(":") + 1)]
    : ["", id];
  return CATALOG.find((p) => {
    if (p.s2 === false) return false;
    if (scheme === "ARXIV") return p.arxiv === value;
    if (scheme === "DOI") return p.doi === value.toLowerCase();
    if (scheme === "ACL") return p.acl === value;
    return false;
  });
}

function s2Paper(p: CatalogPaper | undefined): unknown {
  if (!p) return null;
  return {
    paperId: "0123456789abcdef0123456789abcdef01234567",
    externalIds: {
      ...(p.arxiv ? { ArXiv: p.arxiv } : {}),
      ...(p.doi ? { DOI: p.doi.toUpperCase() } : {}),
      CorpusId: 1,
    },
    url: "https://www.semanticscholar.org/paper/0123456789abcdef0123456789abcdef01234567",
    title: p.title,
    venue: p.venue ?? "arXiv.org",
    publicationVenue: p.venue ? { id: "x", name: p.venue, type: "conference" } : null,
    year: p.year,
    authors: p.authors.map((name, i) => ({ authorId: String(i), name })),
    abstract: p.abstract ?? null,
    tldr: p.tldr ? { model: "tldr@v2.0.0", text: p.tldr } : null,
    journal: null,
  };
}

/** A careless title match: the catalog paper sharing the most words, even when it is another paper. */
function s2Match(query: string): Canned {
  const words = new Set(query.toLowerCase().split(/\W+/).filter(Boolean));
  let best: CatalogPaper | undefined;
  let bestScore = 0;
  for (const p of CATALOG.filter((c) => c.s2 !== false)) {
    const score = p.title
      .toLowerCase()
      .split(/\W+/)
      .filter((w) => words.has(w)).length;
    // Ties go to the longer title: the way a sloppy matcher picks the wrong paper.
    if (score > bestScore || (score === bestScore && best && p.title.length > best.title.length)) {
      best = p;
      bestScore = score;
    }
  }
  if (!best || bestScore < 3) return json({ error: "Title match not found" }, 404);
  return json({ data: [{ ...(s2Paper(best) as object), matchScore: 100 + bestScore }] });
}

function arxiv(url: URL): Canned {
  const idList = url.searchParams.get("id_list");
  const search = url.searchParams.get("search_query");
  let entries: string[] = [];
  if (idList !== null) {
    for (const id of idList.split(",")) {
      if (!/^(\d{4}\.\d{4,5}|[a-z-]+\/\d{7})(v\d+)?$/.test(id)) return atom([errorEntry(id)]);
      const paper = CATALOG.find((p) => p.arxiv === id.replace(/v\d+$/, ""));
      if (paper) entries.push(entry(paper));
    }
  } else if (search !== null) {
    const phrase = /^ti:"(.*)"$/.exec(search)?.[1]?.toLowerCase() ?? "";
    const words = phrase.split(/\W+/).filter(Boolean);
    // Every paper containing all the words, longest title first: the right one is not the first hit.
    entries = CATALOG.filter((p) => p.arxiv && words.every((w) => p.title.toLowerCase().includes(w)))
      .sort((a, b) => b.title.length - a.title.length)
      .map(entry);
  }
  return atom(entries);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Hard-wrapped as arXiv sends them. */
function wrap(text: string): string {
  return escapeXml(text).replace(/(.{30,}?) /g, "$1\n  ");
}

function entry(p: CatalogPaper): string {
  return `  <entry>
    <id>http://arxiv.org/abs/${p.arxiv}v2</id>
    <updated>${p.year}-06-12T17:57:34Z</updated>
    <published>${p.year}-06-12T17:57:34Z</published>
    <title>${wrap(p.title)}</title>
    <summary>  ${wrap(p.abstract ?? "An abstract.")}\n</summary>
${p.authors.map((a) => `    <author>\n      <name>${escapeXml(a)}</name>\n    </author>`).join("\n")}
${p.doi ? `    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">${p.doi}</arxiv:doi>\n` : ""}${p.journalRef ? `    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">${p.journalRef}</arxiv:journal_ref>\n` : ""}    <link href="http://arxiv.org/abs/${p.arxiv}v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${p.arxiv}v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`;
}

function errorEntry(id: string): string {
  return `  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_${escapeXml(id)}</id>
    <title>Error</title>
    <summary>incorrect id format for ${escapeXml(id)}</summary>
    <updated>2024-01-01T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_${escapeXml(id)}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>`;
}

function atom(entries: string[]): Canned {
  return {
    status: 200,
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
    body: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?id_list=" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: id_list=</title>
  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>
  <updated>2024-01-01T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:itemsPerPage>
${entries.join("\n")}
</feed>
`,
  };
}

function crossrefWork(p: CatalogPaper): unknown {
  const [family, ...given] = [...(p.authors[0] ?? "").split(" ")].reverse();
  return {
    status: "ok",
    "message-type": "work",
    "message-version": "1.0.0",
    message: {
      DOI: p.doi,
      type: "journal-article",
      title: [p.title],
      author: p.authors.map((a, i) =>
        i === 0 ? { given: given.reverse().join(" "), family, sequence: "first" } : { name: a, sequence: "additional" },
      ),
      "container-title": [p.venue ?? ""],
      issued: { "date-parts": [[p.year, 4, 14]] },
      URL: `https://doi.org/${p.doi}`,
      abstract: `<jats:p>${escapeXml(p.abstract ?? "An abstract.")}</jats:p>`,
    },
  };
}
