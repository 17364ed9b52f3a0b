/** Paths inside a Notion export: base names, folders, relative hrefs resolved, attachments' unique names. */
import { safeFileName, uniqueName } from "../session/file-names";

/** `image.png`, `image-2.png` …: the extension kept, the stem made safe and unique (`taken`: lower-cased). */
export function uniqueAttachmentName(name: string, taken: ReadonlySet<string>): string {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? safeFileName(name.slice(dot + 1), 16) : "";
  const stem = safeFileName(dot > 0 ? name.slice(0, dot) : name) || "attachment";
  const suffix = ext ? `.${ext}` : "";
  const unique = uniqueName(stem, (candidate) => taken.has(`${candidate}${suffix}`.toLowerCase()));
  return `${unique}${suffix}`;
}

/** A relative href of the export (percent-encoded, `../` allowed within the export) to an export path. */
export function resolveHref(folder: string, href: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split("#")[0] ?? "");
  } catch {
    return null;
  }
  const parts = folder === "" ? [] : folder.split("/");
  for (const part of decoded.normalize("NFC").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}
