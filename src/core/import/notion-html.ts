/**
 * A page of Notion's HTML export, read from a plain element tree into the parts of `NotionPage`.
 * The tree comes from whatever HTML parser the side has (DOMParser in the plugin, htmlparser2 in
 * the CLI), so this file stays free of both.
 */
import { closesFence, opensFence, type Fence } from "../note/line-scan";
import { calloutLines, notionDate, type NotionPage, type PageProperty } from "./notion-page";

export type HtmlNode =
  | { type: "text"; text: string }
  | { type: "element"; name: string; attrs: Readonly<Record<string, string>>; children: HtmlNode[] };
export type HtmlElement = Extract<HtmlNode, { type: "element" }>;

/** Turns an HTML document into its element tree (the `html` element, or any root holding it). */
export type HtmlParser = (html: string) => HtmlNode[];

export function readHtmlPage(nodes: HtmlNode[], fallbackTitle: string): NotionPage | null {
  const article = find(nodes, (e) => e.name === "article") ?? find(nodes, (e) => e.name === "body");
  if (!article) return null;
  const titleEl = find([article], (e) => hasClass(e, "page-title"));
  const title = titleEl ? collapse(textOf(titleEl)) || fallbackTitle : fallbackTitle;
  const table = find([article], (e) => e.name === "table" && hasClass(e, "properties"));
  const properties = table ? readProperties(table) : [];
  const bodyEl = find([article], (e) => hasClass(e, "page-body"));
  const body = bodyEl ? singleBlankLines(blocks(bodyEl.children, "")).join("\n").trim() : "";
  return { title, properties, body };
}

/** No runs of blank lines between blocks; code keeps its own. */
function singleBlankLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let fence: Fence | null = null;
  for (const line of lines) {
    const trimmed = line.trim();
    if (fence) {
      if (closesFence(trimmed, fence)) fence = null;
    } else {
      fence = opensFence(trimmed);
      if (trimmed === "" && (out.length === 0 || out[out.length - 1]?.trim() === "")) continue;
    }
    out.push(line);
  }
  return out;
}

function readProperties(table: HtmlElement): PageProperty[] {
  const out: PageProperty[] = [];
  for (const row of findAll([table], (e) => e.name === "tr")) {
    const th = row.children.find((c): c is HtmlElement => c.type === "element" && c.name === "th");
    const td = row.children.find((c): c is HtmlElement => c.type === "element" && c.name === "td");
    if (!th || !td) continue;
    const name = collapse(textOf(th));
    if (name === "") continue;
    const rowClass = row.attrs.class ?? "";
    const checkbox = find([td], (e) => hasClass(e, "checkbox"));
    if (checkbox) {
      out.push({ name, value: hasClass(checkbox, "checkbox-on"), type: "text" });
      continue;
    }
    const selected = findAll([td], (e) => hasClass(e, "selected-value") || hasClass(e, "user"));
    if (/multi_select|person|relation/.test(rowClass) || selected.length > 1) {
      const values = (selected.length > 0 ? selected : findAll([td], (e) => e.name === "a")).map((e) =>
        collapse(textOf(e)),
      );
      out.push({ name, value: values.filter((v) => v !== ""), type: "list" });
      continue;
    }
    const text = collapse(textOf(td));
    if (text === "") continue;
    out.push({ name, value: text, type: notionDate(text) !== null ? "date" : "text" });
  }
  return out;
}

/** Block-level children as Markdown lines, each prefixed by `indent`. */
function blocks(nodes: readonly HtmlNode[], indent: string): string[] {
  const out: string[] = [];
  let inline = "";
  const flush = (): void => {
    if (inline.trim() !== "") out.push(...paragraph(inline, indent), "");
    inline = "";
  };
  let lastWasList = false;
  for (const node of nodes) {
    if (node.type === "text" || !isBlock(node)) {
      inline += node.type === "text" ? node.text : inlineOf(node);
      continue;
    }
    flush();
    // A toggle is a `ul` too, but becomes a callout: a block of its own, a blank line before it.
    const isList = (node.name === "ul" || node.name === "ol") && !hasClass(node, "toggle");
    // Notion writes one `ul` per top-level bullet: consecutive ones are one Markdown list.
    if (isList && lastWasList && out[out.length - 1] === "") out.pop();
    out.push(...block(node, indent));
    lastWasList = isList;
  }
  flush();
  return out;
}

const BLOCKS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "div",
  "figure",
  "pre",
  "blockquote",
  "details",
  "table",
  "hr",
  "nav",
  "header",
  "section",
  "script",
  "style",
  "link",
]);

function isBlock(e: HtmlElement): boolean {
  return BLOCKS.has(e.name);
}

function block(e: HtmlElement, indent: string): string[] {
  switch (e.name) {
    case "p": {
      const nested = e.children.filter((c): c is HtmlElement => c.type === "element" && isBlock(c));
      const own = e.children.filter((c) => !(c.type === "element" && isBlock(c)));
      const text = inlineAll(own);
      return [...(text.trim() === "" ? [] : [...paragraph(text, indent), ""]), ...blocks(nested, indent)];
    }
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6": {
      const text = collapse(inlineAll(e.children));
      return text === "" ? [] : [`${indent}${"#".repeat(Number(e.name.slice(1)))} ${text}`, ""];
    }
    case "ul":
    case "ol":
      return list(e, indent);
    case "pre": {
      const code = find([e], (c) => c.name === "code") ?? e;
      const language = /language-([\w+#-]+)/.exec(code.attrs.class ?? "")?.[1]?.toLowerCase() ?? "";
      const text = textOf(code).replace(/\n$/, "");
      const fence = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
      return [`${indent}${fence}${language}`, ...text.split("\n").map((l) => indent + l), `${indent}${fence}`, ""];
    }
    case "blockquote": {
      const inner = blocks(e.children, "");
      return [...inner.filter((l, i) => l !== "" || i < inner.length - 1).map((l) => `${indent}> ${l}`.trimEnd()), ""];
    }
    case "hr":
      return [`${indent}---`, ""];
    case "details":
      return toggle(e, indent);
    case "figure":
      return figure(e, indent);
    case "table":
      return table(e, indent);
    case "nav":
    case "script":
    case "style":
    case "link":
      // Notion's table of contents repeats the headings; scripts and styles are the page's chrome.
      return [];
    default:
      return blocks(e.children, indent);
  }
}

function list(e: HtmlElement, indent: string): string[] {
  const out: string[] = [];
  let number = Number(e.attrs.start ?? "1") || 1;
  const todo = hasClass(e, "to-do-list");
  for (const li of e.children) {
    if (li.type !== "element" || li.name !== "li") continue;
    const details = li.children.find((c): c is HtmlElement => c.type === "element" && c.name === "details");
    if (details) {
      out.push(...toggle(details, indent));
      continue;
    }
    let marker = e.name === "ol" ? `${number++}. ` : "- ";
    if (todo) {
      const box = find([li], (c) => hasClass(c, "checkbox"));
      marker = `- [${box && hasClass(box, "checkbox-on") ? "x" : " "}] `;
    }
    const own = li.children.filter((c) => !(c.type === "element" && isBlock(c) && !hasClass(c, "checkbox")));
    const nested = li.children.filter(
      (c): c is HtmlElement => c.type === "element" && isBlock(c) && !hasClass(c, "checkbox"),
    );
    const lines = inlineAll(own).trim().split("\n");
    out.push(`${indent}${marker}${collapse(lines[0] ?? "")}`);
    for (const more of lines.slice(1)) if (more.trim() !== "") out.push(`${indent}    ${collapse(more)}`);
    out.push(...blocks(nested, `${indent}    `).filter((l) => l.trim() !== ""));
  }
  out.push("");
  return out;
}

/** A toggle: a folded Obsidian callout, or a bullet with its children when they hold presenters or topics. */
function toggle(details: HtmlElement, indent: string): string[] {
  const summary = details.children.find((c): c is HtmlElement => c.type === "element" && c.name === "summary");
  const title = summary ? collapse(inlineAll(summary.children)) : "";
  const inner = blocks(
    details.children.filter((c) => c !== summary),
    "",
  );
  return [...calloutLines(inner, title).map((l) => indent + l), ""];
}

function figure(e: HtmlElement, indent: string): string[] {
  if (hasClass(e, "callout")) {
    // The first div holds the icon; the content is in the other one.
    const divs = e.children.filter((c): c is HtmlElement => c.type === "element" && c.name === "div");
    const content = divs.length > 1 ? divs.slice(1) : divs;
    return [
      ...calloutLines(
        blocks(
          content.flatMap((d) => d.children),
          "",
        ),
      ).map((l) => indent + l),
      "",
    ];
  }
  if (hasClass(e, "equation")) {
    const tex = find([e], (c) => c.name === "annotation");
    return tex ? [`${indent}$$${textOf(tex).trim()}$$`, ""] : [];
  }
  const img = find([e], (c) => c.name === "img" && !hasClass(c, "icon"));
  if (img) {
    const src = img.attrs.src ?? "";
    const caption = find([e], (c) => c.name === "figcaption");
    return [`${indent}![${caption ? collapse(textOf(caption)) : ""}](${src})`, ""];
  }
  const a = find([e], (c) => c.name === "a");
  if (a) return [`${indent}${linkOf(a)}`, ""];
  return blocks(e.children, indent);
}

function table(e: HtmlElement, indent: string): string[] {
  const rows = findAll([e], (c) => c.name === "tr").map((tr) =>
    tr.children
      .filter((c): c is HtmlElement => c.type === "element" && (c.name === "td" || c.name === "th"))
      .map((cell) => collapse(cellText(cell)).replace(/\|/g, "\\|")),
  );
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0) return [];
  const line = (cells: string[]): string =>
    `${indent}| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  return [line(rows[0] ?? []), `${indent}|${" --- |".repeat(width)}`, ...rows.slice(1).map(line), ""];
}

/** A table cell's text; a multi-select's or a person cell's values joined as Notion's Markdown joins them. */
function cellText(cell: HtmlElement): string {
  const values = findAll([cell], (c) => hasClass(c, "selected-value") || hasClass(c, "user"));
  if (values.length > 1) return values.map((v) => collapse(inlineAll(v.children))).join(", ");
  return inlineAll(cell.children);
}

function paragraph(text: string, indent: string): string[] {
  return text
    .split("\n")
    .map((l) => collapse(l))
    .filter((l, i, all) => l !== "" || (i > 0 && i < all.length - 1))
    .map((l) => indent + l);
}

function inlineAll(nodes: readonly HtmlNode[]): string {
  return nodes.map((n) => (n.type === "text" ? n.text : inlineOf(n))).join("");
}

function inlineOf(e: HtmlElement): string {
  switch (e.name) {
    case "br":
      return "\n";
    case "strong":
    case "b":
      return wrap(inlineAll(e.children), "**");
    case "em":
    case "i":
      return wrap(inlineAll(e.children), "*");
    case "del":
    case "s":
      return wrap(inlineAll(e.children), "~~");
    case "code":
      return wrap(textOf(e), "`");
    case "a":
      return linkOf(e);
    case "img":
      return hasClass(e, "icon") ? "" : `![](${e.attrs.src ?? ""})`;
    case "script":
    case "style":
      return "";
    default:
      return inlineAll(e.children);
  }
}

/** Emphasis marks go inside the spaces Notion leaves at the edges (`<strong> word</strong>`). */
function wrap(text: string, mark: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const core = match?.[2] ?? "";
  if (core === "") return text;
  return `${match?.[1] ?? ""}${mark}${core}${mark}${match?.[3] ?? ""}`;
}

function linkOf(a: HtmlElement): string {
  const href = a.attrs.href ?? "";
  const text = collapse(inlineAll(a.children));
  if (href === "") return text;
  if (text === href) return href.startsWith("http") ? href : `[${text}](${href})`;
  return `[${text}](${href})`;
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

function collapse(text: string): string {
  // Notion writes its HTML with `white-space: pre-wrap`: runs of spaces are the page's own.
  return text.replace(/\t/g, " ").trim();
}

export function textOf(node: HtmlNode): string {
  if (node.type === "text") return node.text;
  if (node.name === "br") return "\n";
  if (node.name === "script" || node.name === "style") return "";
  return node.children.map(textOf).join("");
}

function hasClass(e: HtmlElement, name: string): boolean {
  return (e.attrs.class ?? "").split(/\s+/).includes(name);
}

/** The first element (depth first, document order) that matches. */
function find(nodes: readonly HtmlNode[], test: (e: HtmlElement) => boolean): HtmlElement | null {
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type !== "element") continue;
    if (test(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode);
  }
  return null;
}

function findAll(nodes: readonly HtmlNode[], test: (e: HtmlElement) => boolean): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type !== "element") continue;
    if (test(node)) {
      out.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as HtmlNode);
  }
  return out;
}
