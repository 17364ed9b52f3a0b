/** XML for the core's paper clients on Node: fast-xml-parser read into the core's plain `XmlElement`. */
import { XMLParser } from "fast-xml-parser";
import type { XmlElement } from "../core/papers/xml";

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

type Ordered = Record<string, unknown>;

export function parseXml(text: string): XmlElement | null {
  let nodes: Ordered[];
  try {
    nodes = parser.parse(text) as Ordered[];
  } catch {
    return null;
  }
  const root = nodes.map(toElement).find((e): e is XmlElement => e !== null && !e.name.startsWith("?"));
  // The parser takes a truncated body for a document: a whole one ends with its root's closing tag.
  const closing = /<\/(?:[\w.-]+:)?([\w.-]+)\s*>\s*$/.exec(text);
  return root && closing?.[1] === root.name ? root : null;
}

function toElement(node: Ordered): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ":@" && key !== "#text");
  if (name === undefined) return null;
  const attributes: Record<string, string> = {};
  const raw = node[":@"];
  if (typeof raw === "object" && raw !== null)
    for (const [key, value] of Object.entries(raw)) attributes[key.replace(/^@_/, "")] = String(value);
  const content = Array.isArray(node[name]) ? (node[name] as Ordered[]) : [];
  const children: XmlElement[] = [];
  let text = "";
  for (const item of content) {
    if ("#text" in item) {
      text += String(item["#text"]);
      continue;
    }
    const element = toElement(item);
    if (element) {
      children.push(element);
      text += element.text;
    }
  }
  return { name, attributes, children, text };
}
