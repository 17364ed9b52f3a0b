/** XML for the core's paper clients on Node: fast-xml-parser read into the core's plain `XmlElement`. */
import { XMLParser, XMLValidator } from "fast-xml-parser";
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
  // The parser accepts a truncated body as a document; only the validator tells (its successor is a
  // separate package, not worth a dependency for one call).
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  if (XMLValidator.validate(text) !== true) return null;
  const nodes = parser.parse(text) as Ordered[];
  const root = nodes.map(toElement).find((e): e is XmlElement => e !== null && !e.name.startsWith("?"));
  return root ?? null;
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
