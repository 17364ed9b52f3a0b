/**
 * What the paper core needs from Obsidian: `requestUrl` as its transport (arXiv does not allow a
 * browser's cross-origin fetch), the window's timers as its clock, DOMParser for arXiv's Atom feed.
 */
import { requestUrl } from "obsidian";
import type { Clock, Transport } from "../../core/papers/http";
import type { XmlElement } from "../../core/papers/xml";

export const requestUrlTransport: Transport = async (request) => {
  const response = await requestUrl({
    url: request.url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    contentType: request.headers?.["content-type"],
    throw: false,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = value;
  return { status: response.status, headers, text: response.text };
};

export const windowClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
  timer: (ms) => {
    let handle = 0;
    const done = new Promise<void>((resolve) => (handle = window.setTimeout(resolve, ms)));
    return { done, cancel: () => window.clearTimeout(handle) };
  },
};

/** Deeper than any feed: a hostile document does not get to exhaust the stack. */
const MAX_DEPTH = 32;

export function domParseXml(text: string): XmlElement | null {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length > 0) return null;
  return toElement(doc.documentElement, 0);
}

function toElement(element: Element, depth: number): XmlElement {
  const attributes: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) attributes[attribute.localName] = attribute.value;
  return {
    name: element.localName,
    attributes,
    children: depth >= MAX_DEPTH ? [] : Array.from(element.children).map((c) => toElement(c, depth + 1)),
    text: element.textContent ?? "",
  };
}
