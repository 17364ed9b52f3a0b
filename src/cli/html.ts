/** The CLI's HTML parser for Notion's HTML export: htmlparser2's tree as the core's plain `HtmlNode`s. */
import { ElementType, parseDocument } from "htmlparser2";
import type { HtmlNode } from "../core/import/notion-html";

type Child = ReturnType<typeof parseDocument>["children"][number];

export function parseHtml(html: string): HtmlNode[] {
  return convert(parseDocument(html, { decodeEntities: true }).children);
}

function convert(nodes: readonly Child[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.type === ElementType.Text) out.push({ type: "text", text: node.data });
    else if (node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style) {
      out.push({
        type: "element",
        name: node.name.toLowerCase(),
        attrs: node.attribs,
        children: convert(node.children),
      });
    }
  }
  return out;
}
