/** A topic while the parser reads it: its entry so far, and what its next lines may still give it. */
import { firstHttpUrl } from "../text";
import type { Topic } from "./model";

/** Body lines after a title without a link that may still give the topic its URL. */
export const URL_BODY_LINES = 3;

export interface Draft {
  topic: Topic;
  lastLine: number;
  /** How many more body lines may give the topic its URL (0 once it has one). */
  urlLines: number;
  /** Found under a section marker (SPEC §5: such a topic makes any note a session note). */
  marked: boolean;
}

/** The first URL of a body line, if it has one, as its topic's URL. */
export function takeUrl(draft: Draft, text: string): void {
  const url = firstHttpUrl(text);
  if (url !== null) {
    draft.topic.url = url;
    draft.urlLines = 0;
  }
}
