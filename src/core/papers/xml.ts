/**
 * The little of XML the core reads (arXiv's Atom feed), as plain data. The shell parses: DOMParser in
 * the plugin, fast-xml-parser in the CLI, so no XML library reaches the plugin bundle.
 */

export interface XmlElement {
  /** Local name, namespace prefix dropped: `arxiv:doi` is `doi`. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** All text inside the element, descendants included. */
  text: string;
}

/** Parse a document; null when it is not well-formed XML. */
export type ParseXml = (text: string) => XmlElement | null;

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
