/** The plugin's HTML parser for Notion's HTML export: the DOMParser Obsidian's window has, as the core's `HtmlNode`s. */
import type { HtmlNode } from "../../core/import/notion-html";

export function parseHtmlWithDom(html: string): HtmlNode[] {
  const doc = new DOMParser().parseFromString(html, "text/html");
  return convert(Array.from(doc.childNodes));
}

function convert(nodes: readonly Node[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.nodeType === Node.TEXT_NODE) out.push({ type: "text", text: node.nodeValue ?? "" });
    else if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      const attrs: Record<string, string> = {};
      for (const attr of Array.from(element.attributes)) attrs[attr.name] = attr.value;
      out.push({
        type: "element",
        name: element.tagName.toLowerCase(),
        attrs,
        children: convert(Array.from(element.childNodes)),
      });
    }
  }
  return out;
}
