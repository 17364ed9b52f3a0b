/**
 * Builds Notion workspace exports of the three fixture pages the way Notion writes them (studied on
 * real exports): a database `勉強会データベース <id>` whose rows are the pages, its CSVs (BOM, CRLF),
 * a root page linking to them, an image, a link between two pages, a callout, a toggle, a title with
 * `/`, NFD names (UTF-8 flag only on non-ASCII names, as fflate and Notion both do), the Markdown & CSV
 * or the HTML variant, the `Export-<uuid>-Part-1.zip` inside the zip or flat.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";

export const FIXTURES = join(__dirname, "..", "..", "fixtures", "notion-export");
const EXPORT_ID = "d2b14fbf-86de-4508-a1b2-6515ff8d7aab";
const DB = "勉強会データベース".normalize("NFD");
const DB_ID = "152bb52ee2b5804da922efa8c3194444";
const ROOT = "機械学習勉強会";
const ROOT_ID = "2a889dba369b48709ec62508d5020d93";
/** A PNG's signature and a little more: enough to be a file to copy. */
export const IMAGE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

export interface Row {
  fixture: string;
  title: string;
  /** The title as Notion writes it in a file name: `/` dropped. */
  fileTitle: string;
  id: string;
  date: string;
  tags: string[];
  people: string[];
}

export const ROWS: Row[] = [
  {
    fixture: "2024-08-29",
    title: "2024-08-29 機械学習勉強会",
    fileTitle: "2024-08-29 機械学習勉強会",
    id: "152bb52ee2b58123bf2fcd7b4133fa68",
    date: "August 29, 2024",
    tags: ["MLOps", "論文"],
    people: ["Naoto Shimakoshi", "Yuya Matsumura"],
  },
  {
    fixture: "2024-07-24",
    title: "機械学習勉強会 / 7月第4週",
    fileTitle: "機械学習勉強会  7月第4週",
    id: "152bb52ee2b58124889dcb0ff61c0ea8",
    date: "July 24, 2024",
    tags: ["LLM"],
    people: ["Naoto Shimakoshi"],
  },
  {
    fixture: "2024-05-02",
    title: "2024-05-02 機械学習勉強会",
    fileTitle: "2024-05-02 機械学習勉強会",
    id: "152bb52ee2b5816f9ac7cb51ecc1f51b",
    date: "May 2, 2024",
    tags: ["FastAPI", "MLOps"],
    people: ["Yuya Matsumura"],
  },
];

export interface ExportShape {
  variant: "markdown" | "html";
  nested: boolean;
}

const enc = (path: string): string => path.split("/").map(encodeURIComponent).join("/");
const dbFolder = `${DB} ${DB_ID}`;
const rowPath = (row: Row, ext: string): string => `${dbFolder}/${row.fileTitle} ${row.id}.${ext}`;
const rowFolder = (row: Row): string => `${dbFolder}/${row.fileTitle} ${row.id}`;

/** The fixture's page text without its first line (the title), as the page's blocks. */
function fixtureBody(row: Row): string[] {
  const text = readFileSync(join(FIXTURES, `${row.fixture}.txt`), "utf8").replace(/\r\n?/g, "\n");
  return text.split("\n").slice(1);
}

interface Block {
  kind: "p" | "h1" | "li";
  depth: number;
  text: string;
}

/** Pasted-page lines as blocks: `  • x` bullets by depth, `- x` bullets, paragraphs, `今週のTOPIC` as a heading. */
function blocksOf(lines: string[]): Block[] {
  const out: Block[] = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    const tight = /^(\s*)•\s*(.*)$/.exec(line);
    if (tight) {
      out.push({ kind: "li", depth: Math.max(0, (tight[1] ?? "").length / 2 - 1), text: tight[2] ?? "" });
      continue;
    }
    const dash = /^- (.*)$/.exec(line);
    if (dash) out.push({ kind: "li", depth: 0, text: dash[1] ?? "" });
    else out.push({ kind: line.trim() === "今週のTOPIC" ? "h1" : "p", depth: 0, text: line.trim() });
  }
  return out;
}

function markdownPage(row: Row, previous: Row | null): string {
  const lines = [
    `# ${row.title}`,
    "",
    `日付: ${row.date}`,
    `タグ: ${row.tags.join(", ")}`,
    `参加者: ${row.people.join(", ")}`,
    "",
  ];
  if (previous) {
    lines.push(`前回: [${previous.title}](${enc(`${previous.fileTitle} ${previous.id}.md`)})`, "");
    lines.push("<aside>", "💡 発表は1人10分まで。質問は最後にまとめて。", "", "</aside>", "");
    lines.push(`![image.png](${enc(`${row.fileTitle} ${row.id}/image.png`)})`, "");
  }
  let wasList = false;
  for (const block of blocksOf(fixtureBody(row))) {
    if (block.kind === "li") {
      lines.push(`${"    ".repeat(block.depth)}- ${block.text}`);
      wasList = true;
      continue;
    }
    if (wasList) lines.push("");
    wasList = false;
    lines.push(block.kind === "h1" ? `# ${block.text}` : block.text, "");
  }
  return lines.join("\n").trimEnd();
}

const esc = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
let blockId = 0;
const id = (): string => `15b0080a-a5a3-80${String(blockId++).padStart(2, "0")}-9223-d02ea2b1453e`;

function htmlInline(text: string): string {
  const mention = /^@(.+)$/.exec(text);
  return mention ? `<span class="user">@${esc(mention[1] ?? "")}</span>` : esc(text);
}

/** Bullets from `at` at `depth` and deeper: `li`s with their children nested in one `ul`. */
function htmlItems(blocks: Block[], at: number, depth: number): { items: string[]; next: number } {
  const items: string[] = [];
  let i = at;
  while (i < blocks.length) {
    const block = blocks[i];
    if (!block || block.kind !== "li" || block.depth < depth) break;
    if (block.depth > depth) {
      // Children deeper than one level below still nest one level at a time.
      const nested = htmlItems(blocks, i, block.depth);
      const last = items.pop() ?? '<li style="list-style-type:disc">';
      items.push(
        `${last}<ul id="${id()}" class="bulleted-list">${nested.items.map((li) => `${li}</li>`).join("")}</ul>`,
      );
      i = nested.next;
      continue;
    }
    items.push(`<li style="list-style-type:disc">${htmlInline(block.text)}`);
    i++;
  }
  return { items, next: i };
}

/** One `ul.bulleted-list` per top-level bullet, as Notion writes it. */
function htmlList(blocks: Block[], at: number, depth: number): { html: string; next: number } {
  const { items, next } = htmlItems(blocks, at, depth);
  return { html: items.map((li) => `<ul id="${id()}" class="bulleted-list">${li}</li></ul>`).join(""), next };
}

function htmlPage(row: Row, previous: Row | null): string {
  const body: string[] = [];
  if (previous) {
    const href = enc(`${previous.fileTitle} ${previous.id}.html`);
    body.push(`<p id="${id()}" class="">前回: <a href="${href}">${esc(previous.title)}</a></p>`);
    body.push(
      `<figure class="block-color-gray_background callout" style="white-space:pre-wrap;display:flex" id="${id()}"><div style="font-size:1.5em"><span class="icon">💡</span></div><div style="width:100%"><p id="${id()}" class="">発表は1人10分まで。質問は最後にまとめて。</p></div></figure>`,
    );
    const src = enc(`${row.fileTitle} ${row.id}/image.png`);
    body.push(
      `<figure id="${id()}" class="image"><a href="${src}"><img style="width:240px" src="${src}"/></a></figure>`,
    );
    body.push(
      `<nav id="${id()}" class="block-color-gray table_of_contents"><div class="table_of_contents-item table_of_contents-indent-0"><a class="table_of_contents-link" href="#x">今週のTOPIC</a></div></nav>`,
    );
  }
  const blocks = blocksOf(fixtureBody(row));
  for (let i = 0; i < blocks.length;) {
    const block = blocks[i];
    if (!block) break;
    if (block.kind === "li") {
      const list = htmlList(blocks, i, block.depth);
      body.push(list.html);
      i = list.next;
      continue;
    }
    body.push(
      block.kind === "h1"
        ? `<h1 id="${id()}" class="">${esc(block.text)}</h1>`
        : `<p id="${id()}" class="">${htmlInline(block.text)}</p>`,
    );
    i++;
  }
  const props =
    `<table class="properties"><tbody>` +
    `<tr class="property-row property-row-date"><th><span class="icon property-icon"></span>日付</th><td><time>@${row.date}</time></td></tr>` +
    `<tr class="property-row property-row-multi_select"><th><span class="icon property-icon"></span>タグ</th><td>${row.tags.map((t) => `<span class="selected-value select-value-color-blue">${esc(t)}</span>`).join("")}</td></tr>` +
    `<tr class="property-row property-row-person"><th><span class="icon property-icon"></span>参加者</th><td>${row.people.map((p) => `<span class="user"><img src="https://s3.example/x.png" class="icon user-icon"/>${esc(p)}</span>`).join("")}</td></tr>` +
    `</tbody></table>`;
  return htmlDocument(row.title, props, body.join(""));
}

function htmlDocument(title: string, header: string, body: string): string {
  return (
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/><title>${esc(title)}</title>` +
    `<style>\n/* webkit printing magic */\nhtml { -webkit-print-color-adjust: exact; }\n</style></head><body>` +
    `<article id="${id()}" class="page sans"><header><h1 class="page-title">${esc(title)}</h1><p class="page-description"></p>${header}</header>` +
    `<div class="page-body">${body}</div></article><span class="sans" style="font-size:14px;padding-top:2em"></span></body></html>`
  );
}

function rootMarkdown(ext: "md" | "csv"): string {
  const rows = ROWS.map((r) => `[${r.title}](${enc(`${ROOT} ${ROOT_ID}/${rowPath(r, "md")}`)})`);
  return [
    `# ${ROOT}`,
    "",
    "毎週木曜の勉強会のページです。",
    "",
    `[${DB.normalize("NFC")}](${enc(`${ROOT} ${ROOT_ID}/${dbFolder}.${ext}`)})`,
    "",
    "- 進め方",
    "    - 1人1トピック、[論文] [blog] など",
    "",
    ...rows.flatMap((r) => [r, ""]),
    "```python",
    "print('hello')",
    "```",
  ].join("\n");
}

function rootHtml(): string {
  const links = ROWS.map(
    (r) =>
      `<figure id="${id()}" class="link-to-page"><a href="${enc(`${ROOT} ${ROOT_ID}/${rowPath(r, "html")}`)}">${esc(r.title)}</a></figure>`,
  ).join("");
  return htmlDocument(
    ROOT,
    "",
    `<p id="${id()}" class="">毎週木曜の勉強会のページです。</p>` +
      `<ul id="${id()}" class="toggle"><li><details open=""><summary>進め方</summary><p id="${id()}" class="">1人1トピック、[論文] [blog] など</p></details></li></ul>` +
      links +
      `<pre id="${id()}" class="code"><code class="language-Python">print(&#x27;hello&#x27;)</code></pre>`,
  );
}

function csv(all: boolean): string {
  const header = ["名前", "日付", "タグ", ...(all ? ["参加者"] : [])];
  const rows = ROWS.map((r) =>
    [r.title, r.date, r.tags.join(", "), ...(all ? [r.people.join(", ")] : [])]
      .map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
      .join(","),
  );
  return `\uFEFF${[header.join(","), ...rows].join("\r\n")}\r\n`;
}

/** The export's files by path, before zipping. */
export function exportFiles(shape: Pick<ExportShape, "variant">): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const under = (path: string): string => `${ROOT} ${ROOT_ID}/${path}`;
  if (shape.variant === "markdown") {
    files[`${ROOT} ${ROOT_ID}.md`] = strToU8(rootMarkdown("csv"));
    files[under(`${dbFolder}.csv`)] = strToU8(csv(false));
    files[under(`${dbFolder}_all.csv`)] = strToU8(csv(true));
  } else {
    files[`${ROOT} ${ROOT_ID}.html`] = strToU8(rootHtml());
  }
  // Notion adds an index of the export (ASCII name: no UTF-8 flag on its entry).
  files["index.html"] = strToU8(htmlDocument("Export", "", ""));
  ROWS.forEach((row, i) => {
    const previous = i === 0 ? (ROWS[1] ?? null) : null;
    const page = shape.variant === "markdown" ? markdownPage(row, previous) : htmlPage(row, previous);
    files[under(rowPath(row, shape.variant === "markdown" ? "md" : "html"))] = strToU8(page);
    if (previous) files[under(`${rowFolder(row)}/image.png`)] = IMAGE;
  });
  return files;
}

/** The export as downloaded: zip bytes. */
export function buildExport(shape: ExportShape): Uint8Array {
  const files = exportFiles(shape);
  if (!shape.nested) return zipSync(files, { level: 6 });
  const root = `Export-${EXPORT_ID}`;
  const inner: Zippable = {};
  for (const [path, bytes] of Object.entries(files)) inner[`${root}/${path}`] = bytes;
  return zipSync({ [`${root}-Part-1.zip`]: [zipSync(inner, { level: 6 }), { level: 0 }] }, { level: 0 });
}

/** A zip of the given files, for hostile cases. */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [path, content] of Object.entries(files))
    z[path] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(z);
}

/**
 * A big export (Markdown & CSV, the Part-1 zip inside the zip): `pages` weekly session pages of a
 * database, each linking to the week before, an image every 50 pages. For the slicing and speed tests.
 */
export function generatedExport(pages: number): Uint8Array {
  const root = `Export-${EXPORT_ID}`;
  const db = `${root}/Sessions ${DB_ID}`;
  const hexId = (i: number): string => `1a2b3c4d5e6f${String(i).padStart(20, "0")}`;
  const day = (i: number): Date => new Date(Date.UTC(2000, 0, 6) + i * 7 * 86_400_000);
  const title = (i: number): string => `${day(i).toISOString().slice(0, 10)} 機械学習勉強会`;
  const months = MONTH_NAMES;
  const files: Zippable = {};
  const rows = ["\uFEFFName,Date,Tags,Presenters"];
  for (let i = 0; i < pages; i++) {
    const d = day(i);
    const date = `${months[d.getUTCMonth()] ?? ""} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
    const tags = i % 3 === 0 ? "MLOps, LLM" : "LLM";
    rows.push(`${title(i)},"${date}","${tags}","Alice, Bob"`);
    const lines = [`# ${title(i)}`, "", `Date: ${date}`, `Tags: ${tags}`, "Presenters: Alice, Bob", ""];
    if (i > 0) lines.push(`Previous: [${title(i - 1)}](${enc(`${title(i - 1)} ${hexId(i - 1)}.md`)})`, "");
    if (i % 50 === 0) {
      lines.push(`![image.png](${enc(`${title(i)} ${hexId(i)}/image.png`)})`, "");
      files[`${db}/${title(i)} ${hexId(i)}/image.png`] = Uint8Array.from([...IMAGE, i % 256, (i >> 8) % 256]);
    }
    lines.push(
      "# 今週のTOPIC",
      "",
      "@Alice",
      "",
      `[blog] Serving models, part ${i}`,
      "",
      `- what we learned in week ${i}`,
      "    - [Bob] a comment",
      "",
      "@Bob",
      "",
      `[論文] A paper read in week ${i}`,
      "",
      "- summary",
    );
    files[`${db}/${title(i)} ${hexId(i)}.md`] = strToU8(lines.join("\n"));
  }
  files[`${db}.csv`] = strToU8(`${rows.join("\r\n")}\r\n`);
  return zipSync({ [`${root}-Part-1.zip`]: [zipSync(files, { level: 1 }), { level: 0 }] }, { level: 0 });
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
