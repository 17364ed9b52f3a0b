/**
 * The session-note parser: SPEC §2 grammar → SPEC §3 model. A total function: any string in, a
 * result out, never an exception. The note concept is the core's base: it may import text helpers,
 * the presenter-name reader of core/index (people.ts) and the frontmatter range of core/properties.
 */
import {
  headingLevelAt,
  isNeverTitleAt,
  listMarkerLengthAt,
  mayOpenMarkerAt,
  opensStructure,
  readHashtags,
  readHashtagsIn,
  readMarker,
  readTag,
  readTagAt,
  type Tag,
} from "./grammar";
import { readHeader } from "./header";
import { kindTableFor, type KindTable } from "./kinds";
import type { ParsedNote, ParseOptions, ParseWarning, Presenter, Topic } from "./model";
import { NotePresenters, presenterAt, type PresenterLine } from "./presenters";
import { QuietLines } from "./quiet-lines";
import { readSummary } from "./summary";
import { takeUrl, URL_BODY_LINES, type Draft } from "./topic-draft";
import { readTitle } from "./title";
import {
  closesFence,
  isTrimmed,
  lineEndAt,
  NextMatch,
  normalizeBreaks,
  opensFence,
  readFrontmatter,
  textStartAt,
  trimEnd,
  type Fence,
} from "./line-scan";

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
  /** The open code block, if any. */
  #fence: Fence | null = null;
  readonly #quietLines: QuietLines;
  /** The first line with text, trimmed (the header may read a date and series from it). */
  #firstText: string | null = null;
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
    this.#source = normalizeBreaks(source.length > 0 && source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
    this.#kinds = kindTableFor(options.kindAliases);
    this.#hashes = new NextMatch(this.#source, "#");
    this.#schemes = new NextMatch(this.#source, "://");
    this.#quietLines = new QuietLines(this.#source, this.#hashes, this.#schemes);
  }

  /**
   * One pass over the text by offsets. Most lines of a note are more body of a topic whose summary
   * is known: `QuietLines` reads those by their first character, without cutting them out; `#` and
   * `://` are found by one `indexOf` walk over the whole text rather than per line.
   */
  run(): ParsedNote {
    const src = this.#source;
    const length = src.length;
    // Frontmatter: `---` on the first line, closed by `---` or `...` (else it is not frontmatter).
    const frontmatter = readFrontmatter(src);
    let pos = frontmatter?.next ?? 0;
    let i = frontmatter?.lineCount ?? 0;
    // The current topic while every plain line can only be more of its body, and it needs nothing
    // from such a line but its tags and maybe a URL: its summary is known, no title or presenter is awaited.
    let quiet: Draft | null = null;
    while (pos <= length) {
      if (quiet !== null) {
        this.#quietLines.skip(pos, i, quiet);
        pos = this.#quietLines.pos;
        i = this.#quietLines.line;
        if (pos > length) break;
      }
      // Never read past the end (the empty line after a final LF): one read out of bounds would turn
      // every later `charCodeAt` of this call site from an inlined load into a call.
      const head = pos < length ? src.charCodeAt(pos) : 0x0a;
      const end = head === 0x0a ? pos : lineEndAt(src, pos);
      const s = textStartAt(src, pos, end, head);
      if (s < end) {
        this.#textLine(i, s, end, s === pos ? head : src.charCodeAt(s));
        quiet = this.#quietDraft();
      } else if (this.#fence !== null) {
        this.#touch(i);
      }
      pos = end + 1;
      i++;
    }
    if (this.#fence !== null)
      this.#warn(i - 1, "unclosed-fence", "A code block is never closed; the rest of the note is treated as code.");
    this.#closeBlock();
    const path = this.#options.path ?? "";
    const { date, series, type } = readHeader(frontmatter?.lines ?? [], this.#firstText ?? "", path);
    return {
      path,
      date,
      series,
      presenters: this.#presenters.list,
      topics: this.#topics,
      warnings: this.#warnings.sort((a, b) => a.line - b.line),
      type,
      sectionTopics: this.#sectionTopics,
    };
  }

  /** A line with text from `s` (its first character `first`) to `end`. */
  #textLine(i: number, s: number, end: number, first: number): void {
    const src = this.#source;
    const fence = this.#fence;
    if (fence !== null) {
      if ((first === 0x60 || first === 0x7e) && closesFence(src.slice(s, trimEnd(src, s, end)), fence)) {
        this.#fence = null;
      }
      this.#touch(i);
      return;
    }
    this.#firstText ??= src.slice(s, trimEnd(src, s, end));
    this.#lineStart = s;
    this.#lineEnd = end;
    if (!opensStructure(src, s, first) && this.#isPlainState()) {
      this.#mainPresenterOpen = false; // body text has begun: a later @Name is no main-topic presenter
      const draft = this.#draft;
      if (draft !== null) this.#plainLine(draft, i, s, end);
      return;
    }
    const e = trimEnd(src, s, end);
    const opening = first === 0x60 || first === 0x7e ? opensFence(src.slice(s, e)) : null;
    if (opening) {
      this.#fence = opening;
      this.#touch(i);
    } else {
      this.#line(i, s, e);
    }
  }

  /** The current topic when it is quiet (see `run`), else null. */
  #quietDraft(): Draft | null {
    const draft = this.#draft;
    if (draft === null || draft.topic.summary === "") return null;
    return this.#fence === null && !this.#mainPresenterOpen && this.#isPlainState() ? draft : null;
  }

  /** Whether a line that opens no structure by its first characters can only be body text: no title is awaited. */
  #isPlainState(): boolean {
    return !this.#awaitingMainTitle && !(this.#presenter !== null && this.#blockTopics === 0);
  }

  /**
   * A plain body line of `draft` from `s` to `end` that may still give its topic a summary or a URL:
   * cut out of the text only when it can hold the summary, a URL or a tag.
   */
  #plainLine(draft: Draft, i: number, s: number, end: number): void {
    const src = this.#source;
    const topic = draft.topic;
    if (topic.summary === "") {
      const e = trimEnd(src, s, end);
      this.#body(i, s, e, listMarkerLengthAt(src, s, e), false);
      return;
    }
    draft.lastLine = i;
    const hasHash = this.#hashes.within(s, end);
    // `firstHttpUrl` finds nothing without `://`. It is asked on a line with a tag or a lower-case
    // `http` (so an `HTTP://` alone is not taken here, as it never was).
    if (draft.urlLines > 0) {
      draft.urlLines--;
      if (this.#schemes.within(s, end)) {
        const text = src.slice(s, trimEnd(src, s, end));
        if (hasHash || text.includes("http")) takeUrl(draft, text);
      }
    }
    if (hasHash) readHashtagsIn(src, s, end, topic.tags, this.#hashes.at);
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
      if (marker.title !== null) this.#startTopicFrom(i, marker.title);
      return;
    }
    const named = presenterAt(src, t, e);
    if (named !== null) {
      this.#openPresenter(i, named, level);
      return;
    }
    if (level > 0 && this.#closesByHeading(level)) return;
    const listMarker = listMarkerLengthAt(src, t, e);
    const isList = listMarker > 0;
    if (this.#section === "main") {
      if (this.#awaitingMainTitle && !isList && !isNeverTitleAt(src, t, e)) {
        this.#awaitingMainTitle = false;
        this.#startTopicAt(i, t, e, readTagAt(src, t, e), true);
        return;
      }
      this.#mainPresenterOpen = false;
      this.#body(i, t, e, listMarker, level > 0);
      return;
    }
    if (!this.#presenter) return;
    if (!isList && !isNeverTitleAt(src, t, e)) {
      const tag = readTagAt(src, t, e);
      if (this.#blockTopics === 0 || tag !== null) {
        this.#startTopicAt(i, t, e, tag, false);
        return;
      }
    }
    this.#body(i, t, e, listMarker, level > 0);
  }

  #openPresenter(i: number, named: PresenterLine, level: number): void {
    const person = named.person;
    if (this.#section === "main" && this.#mainPresenterOpen) {
      // One presenter directly under the main topic; a second @ line starts a presenter block.
      this.#mainPresenterOpen = false;
      this.#mainPresenter = person;
      this.#presenters.add(named);
      if (this.#draft?.topic.main) this.#draft.topic.presenter = person.name;
      return;
    }
    this.#closeBlock();
    this.#section = "topics";
    this.#presenter = person;
    this.#presenterLine = i;
    this.#presenterLevel = level;
    this.#blockTopics = 0;
    this.#presenters.add(named);
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

  /** A topic's title line `src[t, e)` (heading marks aside), with its kind tag. */
  #startTopicAt(i: number, t: number, e: number, tag: Tag | null, main: boolean): void {
    const src = this.#source;
    const topic = this.#startTopic(i, tag, tag ? tag.rest : src.slice(t, e), main);
    if (topic && this.#lineHas(this.#hashes)) readHashtagsIn(src, t, e, topic.tags, Math.max(t, this.#hashes.at));
  }

  /** The main topic named on its marker line (`<main marker>: title`). */
  #startTopicFrom(i: number, text: string): void {
    const tag = readTag(text);
    const topic = this.#startTopic(i, tag, tag ? tag.rest : text, true);
    if (topic && this.#lineHas(this.#hashes)) readHashtags(text, topic.tags);
  }

  /**
   * A new current topic from its kind tag and the text its title is read from (after the tag), and
   * whether it is the main topic; null when the title is empty.
   */
  #startTopic(i: number, tag: Tag | null, titleText: string, main: boolean): Topic | null {
    this.#finishDraft();
    if (!main) this.#blockTopics++;
    let kind: string | null = null;
    let kindLabel: string | null = null;
    if (tag) {
      const resolved = this.#kinds.resolve(tag.tag);
      kind = resolved.kind;
      kindLabel = tag.tag;
      if (!resolved.known) this.#warn(i, "unknown-kind", `Unknown kind tag [${tag.tag}]; kept as "${resolved.kind}".`);
    }
    const { title, url } = readTitle(titleText);
    if (title === "") {
      // An empty topic heading (`#### ` or `[blog]` alone, as a new note from the template has it)
      // holds the place of a topic yet to be written: it takes the slot, but is no topic.
      this.#draft = null;
      return null;
    }
    const presenter = main ? this.#mainPresenter : this.#presenter;
    const topic: Topic = {
      presenter: presenter?.name ?? null,
      kind,
      kindLabel,
      title,
      url,
      main,
      tags: [],
      line: i,
      endLine: i,
      summary: "",
    };
    this.#draft = { topic, lastLine: i, urlLines: url === null ? URL_BODY_LINES : 0, marked: this.#sectionMarked };
    return topic;
  }

  /** A body line `src[t, e)` of the current topic; `listMarker` is the length of its list marker (0: none). */
  #body(i: number, t: number, e: number, listMarker: number, isHeading: boolean): void {
    const draft = this.#draft;
    if (!draft) return;
    const src = this.#source;
    draft.lastLine = i;
    const topic = draft.topic;
    if (this.#lineHas(this.#hashes)) readHashtagsIn(src, t, e, topic.tags, Math.max(t, this.#hashes.at));
    if (draft.urlLines > 0) {
      draft.urlLines--;
      if (this.#lineHas(this.#schemes)) takeUrl(draft, src.slice(t, e));
    }
    if (topic.summary === "" && !isHeading) topic.summary = readSummary(src, t, e, listMarker);
  }

  /** Whether the current line holds what `cursor` looks for (a recognizer reads no more than the line). */
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
