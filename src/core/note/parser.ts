/**
 * The session-note parser: SPEC §2 grammar → SPEC §3 model. A total function: any string in, a
 * result out, never an exception. The note concept is the core's base: it may import text helpers,
 * the presenter-name reader of core/index (people.ts) and the frontmatter range of core/properties.
 */
import {
  headingLevelAt,
  isComment,
  isNeverTitleAt,
  isSectionLabel,
  listMarkerLength,
  listMarkerLengthAt,
  mayOpenMarkerAt,
  opensStructureAt,
  readHashtags,
  readMarker,
  readPresenterAt,
  readTag,
  readTagAt,
  type Tag,
} from "./grammar";
import { readHeader } from "./header";
import { readTitle } from "./title";
import { kindTableFor, type KindTable } from "./kinds";
import type { ParsedNote, ParseOptions, ParseWarning, Presenter, Topic } from "./model";
import { NotePresenters } from "./presenters";
import { parsePresenterName } from "../index/people";
import { collapseWhitespace, firstHttpUrl, isHttpUrl, truncate } from "../text";
import {
  closesFence,
  findFrontmatterEnd,
  isTrimmed,
  NextMatch,
  normalizeBreaks,
  opensFence,
  sliceTrimmed,
  trimEnd,
  type Fence,
} from "./line-scan";

const SUMMARY_LENGTH = 200;
const URL_BODY_LINES = 3;

interface Draft {
  topic: Topic;
  lastLine: number;
  bodyLines: number;
  /** Found under a section marker (SPEC §5: such a topic makes any note a session note). */
  marked: boolean;
}

export function parseNote(text: string, options: ParseOptions = {}): ParsedNote {
  const source = typeof text === "string" ? text : "";
  return new NoteParser(source, options).run();
}

class NoteParser {
  readonly #source: string;
  readonly #kinds: KindTable;
  readonly #topics: Topic[] = [];
  readonly #presenters = new NotePresenters();
  readonly #warnings: ParseWarning[] = [];
  /** The current line (outside code), by offsets into `source`. */
  #lineStart = 0;
  #lineEnd = 0;
  readonly #hashes: NextMatch;
  readonly #schemes: NextMatch;

  #section: "none" | "topics" | "main" = "none";
  /** The current section was opened by a marker line, not by a bare `@Name`. */
  #sectionMarked = false;
  #sectionTopics = 0;
  #sectionLevel = 0;
  #presenter: Presenter | null = null;
  #presenterLine = -1;
  #presenterLevel = 0;
  #blockTopics = 0;
  #draft: Draft | null = null;
  #awaitingMainTitle = false;
  #mainPresenter: Presenter | null = null;
  /** A main topic's presenter may still follow (nothing but its title since the marker). */
  #mainPresenterOpen = false;

  readonly #options: ParseOptions;

  constructor(source: string, options: ParseOptions) {
    this.#options = options;
    this.#source = normalizeBreaks(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
    this.#kinds = kindTableFor(options.kindAliases);
    this.#hashes = new NextMatch(this.#source, "#");
    this.#schemes = new NextMatch(this.#source, "://");
  }

  /**
   * One pass over the text by offsets. Most lines of a note are body text of a topic whose summary
   * and URL are already known: those are recognized from their first character and cost no
   * substring; `#` is found by one `indexOf` walk over the whole text rather than per line.
   */
  run(): ParsedNote {
    const src = this.#source;
    const length = src.length;
    const frontmatter: string[] = [];
    let firstText: string | null = null;
    let fence: Fence | null = null;
    let pos = 0;
    let i = 0;
    // Frontmatter: `---` on the first line, closed by `---` or `...` (else it is not frontmatter).
    if (src.startsWith("---")) {
      const close = findFrontmatterEnd(src);
      if (close) {
        for (const line of src.slice(src.indexOf("\n") + 1, close.contentEnd).split("\n"))
          frontmatter.push(line.replace(/\r$/, ""));
        pos = close.next;
        i = close.lines;
      }
    }
    while (pos <= length) {
      // A blank line (a fifth of a note's lines) ends where it starts: no search for its end.
      let end = src.charCodeAt(pos) === 0x0a ? pos : src.indexOf("\n", pos);
      if (end < 0) end = length;
      let s = pos;
      let first = src.charCodeAt(s);
      // Most lines start with their text: blanks are looked for only when the first character may be one.
      if (!(first > 0x20 && first < 0xa0)) {
        while (s < end && isTrimmed(first)) first = src.charCodeAt(++s);
      }
      if (s < end) {
        if (fence) {
          if (first === 0x60 || first === 0x7e) {
            if (closesFence(src.slice(s, trimEnd(src, s, end)), fence)) fence = null;
          }
          this.#touch(i);
        } else {
          firstText ??= src.slice(s, trimEnd(src, s, end));
          this.#lineStart = s;
          this.#lineEnd = end;
          if (!opensStructureAt(src, s) && this.#isPlainState()) {
            this.#plainLine(i, s, end);
          } else {
            const e = trimEnd(src, s, end);
            const opening = first === 0x60 || first === 0x7e ? opensFence(src.slice(s, e)) : null;
            if (opening) {
              fence = opening;
              this.#touch(i);
            } else {
              this.#line(i, s, e);
            }
          }
        }
      } else if (fence) {
        this.#touch(i);
      }
      pos = end + 1;
      i++;
    }
    if (fence)
      this.#warn(i - 1, "unclosed-fence", "A code block is never closed; the rest of the note is treated as code.");
    this.#closeBlock();
    const { date, series, type } = readHeader(frontmatter, firstText ?? "", this.#options.path ?? "");
    return {
      path: this.#options.path ?? "",
      date,
      series,
      presenters: this.#presenters.list,
      topics: this.#topics,
      warnings: this.#warnings.sort((a, b) => a.line - b.line),
      type,
      sectionTopics: this.#sectionTopics,
    };
  }

  /**
   * Whether a line that is no marker, presenter, heading, fence or tag by its first characters can
   * only be body text of the current topic (or of nothing): no title is awaited.
   */
  #isPlainState(): boolean {
    return !this.#awaitingMainTitle && !(this.#presenter !== null && this.#blockTopics === 0);
  }

  /**
   * A plain body line from `s` to `end`: it extends the current topic, and is cut out of the text
   * only when it can hold the summary, a URL or a tag.
   */
  #plainLine(i: number, s: number, end: number): void {
    this.#mainPresenterOpen = false; // body text has begun: a later @Name is no main-topic presenter
    const draft = this.#draft;
    if (!draft) return;
    const src = this.#source;
    const topic = draft.topic;
    if (topic.summary === "") {
      const text = src.slice(s, trimEnd(src, s, end));
      this.#body(i, text, listMarkerLength(text), false);
      return;
    }
    draft.lastLine = i;
    const wantsUrl = draft.bodyLines < URL_BODY_LINES && topic.url === null;
    draft.bodyLines++;
    const hasHash = this.#hashes.within(s, end);
    // `firstHttpUrl` finds nothing without `://`. It is asked on a line with a tag or a lower-case
    // `http` (so an `HTTP://` alone is not taken here, as it never was).
    const mayHoldUrl = wantsUrl && this.#schemes.within(s, end);
    if (!hasHash && !mayHoldUrl) return;
    const text = src.slice(s, trimEnd(src, s, end));
    if (mayHoldUrl && (hasHash || text.includes("http"))) topic.url = firstHttpUrl(text);
    if (hasHash) readHashtags(text, topic.tags);
  }

  /** A line that may be structure: `src[s, e)`, trimmed. */
  #line(i: number, s: number, e: number): void {
    const src = this.#source;
    const level = headingLevelAt(src, s, e);
    // The heading's text: after its marks and the blanks that follow them.
    let t = s + level;
    if (level > 0) while (t < e && isTrimmed(src.charCodeAt(t))) t++;
    const marker = t < e && mayOpenMarkerAt(src, t) ? readMarker(src.slice(t, e)) : null;
    if (marker) {
      this.#closeBlock();
      this.#sectionLevel = level;
      this.#sectionMarked = true;
      if (marker.type === "topics") {
        this.#section = "topics";
        return;
      }
      this.#section = "main";
      this.#mainPresenter = null;
      this.#mainPresenterOpen = true;
      this.#awaitingMainTitle = marker.title === null;
      if (marker.title !== null) this.#startTopic(i, { text: marker.title, tag: readTag(marker.title), main: true });
      return;
    }
    const name = readPresenterAt(src, t, e);
    if (name !== null) {
      this.#openPresenter(i, name, level);
      return;
    }
    if (level > 0 && this.#closesByHeading(level)) return;
    const listMarker = listMarkerLengthAt(src, t, e);
    const isList = listMarker > 0;
    if (this.#section === "main") {
      if (this.#awaitingMainTitle && !isList && !isNeverTitleAt(src, t, e)) {
        this.#awaitingMainTitle = false;
        this.#startTopic(i, { text: src.slice(t, e), tag: readTagAt(src, t, e), main: true });
        return;
      }
      this.#mainPresenterOpen = false;
      this.#body(i, src.slice(t, e), listMarker, level > 0);
      return;
    }
    if (!this.#presenter) return;
    if (!isList && !isNeverTitleAt(src, t, e)) {
      const tag = readTagAt(src, t, e);
      if (this.#blockTopics === 0 || tag !== null) {
        this.#startTopic(i, { text: src.slice(t, e), tag, main: false });
        return;
      }
    }
    this.#body(i, src.slice(t, e), listMarker, level > 0);
  }

  #openPresenter(i: number, name: string, level: number): void {
    const person = parsePresenterName(name);
    if (this.#section === "main" && this.#mainPresenterOpen) {
      // One presenter directly under the main topic; a second @ line starts a presenter block.
      this.#mainPresenterOpen = false;
      this.#mainPresenter = person;
      this.#presenters.add(person);
      if (this.#draft?.topic.main) this.#draft.topic.presenter = person.name;
      return;
    }
    this.#closeBlock();
    this.#section = "topics";
    this.#presenter = person;
    this.#presenterLine = i;
    this.#presenterLevel = level;
    this.#blockTopics = 0;
    this.#presenters.add(person);
  }

  /** A heading no deeper than the section's or presenter's own heading ends that block. */
  #closesByHeading(level: number): boolean {
    if (this.#section !== "none" && this.#sectionLevel > 0 && level <= this.#sectionLevel) {
      this.#closeBlock();
      this.#section = "none";
      this.#sectionMarked = false;
      return true;
    }
    if (this.#presenter && this.#presenterLevel > 0 && level <= this.#presenterLevel) {
      this.#closeBlock();
      return true;
    }
    return false;
  }

  /** A topic's title line: its text (heading marks aside), its kind tag, and whether it is the main topic. */
  #startTopic(i: number, { text, tag, main }: { text: string; tag: Tag | null; main: boolean }): void {
    this.#finishDraft();
    let kind: string | null = null;
    let kindLabel: string | null = null;
    if (tag) {
      const resolved = this.#kinds.resolve(tag.tag);
      kind = resolved.kind;
      kindLabel = tag.tag;
      if (!resolved.known) this.#warn(i, "unknown-kind", `Unknown kind tag [${tag.tag}]; kept as "${resolved.kind}".`);
    }
    const { title, url } = readTitle(tag ? tag.rest : text);
    if (title === "") {
      // An empty topic heading (`#### ` or `[blog]` alone, as a new note from the template has it)
      // holds the place of a topic yet to be written: it takes the slot, but is no topic.
      this.#draft = null;
      if (!main) this.#blockTopics++;
      return;
    }
    const tags: string[] = [];
    if (this.#lineHas(this.#hashes)) readHashtags(text, tags);
    const presenter = main ? this.#mainPresenter : this.#presenter;
    this.#draft = {
      topic: {
        presenter: presenter?.name ?? null,
        kind,
        kindLabel,
        title,
        url,
        main,
        tags,
        line: i,
        endLine: i,
        summary: "",
      },
      lastLine: i,
      bodyLines: 0,
      marked: this.#sectionMarked,
    };
    if (!main) this.#blockTopics++;
  }

  /** A body line of the current topic; `listMarker` is the length of its list marker (0: none). */
  #body(i: number, text: string, listMarker: number, isHeading: boolean): void {
    const draft = this.#draft;
    if (!draft) return;
    draft.lastLine = i;
    const topic = draft.topic;
    if (this.#lineHas(this.#hashes)) readHashtags(text, topic.tags);
    if (draft.bodyLines < URL_BODY_LINES && topic.url === null && this.#lineHas(this.#schemes)) {
      topic.url = firstHttpUrl(text);
    }
    draft.bodyLines++;
    if (topic.summary === "" && !isHeading) {
      const isList = listMarker > 0;
      const item = isList ? sliceTrimmed(text, listMarker, text.length) : text;
      if (item !== "" && !(isList && isComment(item)) && !isHttpUrl(item) && !isSectionLabel(item)) {
        topic.summary = truncate(collapseWhitespace(truncate(item, SUMMARY_LENGTH + 20)), SUMMARY_LENGTH);
      }
    }
  }

  /**
   * Whether the current line holds what `cursor` looks for: a cheap test before reading its text
   * (the part of the line that a recognizer reads holds no more than the line).
   */
  #lineHas(cursor: NextMatch): boolean {
    return cursor.within(this.#lineStart, this.#lineEnd);
  }

  /** Lines inside a fenced code block belong to the current topic's body and nothing else. */
  #touch(i: number): void {
    if (this.#draft) this.#draft.lastLine = i;
  }

  #finishDraft(): void {
    const draft = this.#draft;
    if (!draft) return;
    draft.topic.endLine = draft.lastLine;
    this.#topics.push(draft.topic);
    if (draft.marked) this.#sectionTopics++;
    this.#draft = null;
  }

  #closeBlock(): void {
    this.#finishDraft();
    if (this.#presenter && this.#blockTopics === 0) {
      this.#warn(this.#presenterLine, "presenter-without-topic", `@${this.#presenter.name} has no topic.`);
    }
    this.#presenter = null;
    this.#presenterLevel = 0;
    this.#blockTopics = 0;
    this.#awaitingMainTitle = false;
    this.#mainPresenterOpen = false;
  }

  #warn(line: number, code: ParseWarning["code"], message: string): void {
    this.#warnings.push({ line: Math.max(0, line), message, code });
  }
}
