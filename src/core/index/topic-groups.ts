/**
 * The sidebar's row model, kept current one note at a time: topics grouped (by kind, #tag, presenter
 * or month), each group's topics in index order (newest session first), a header row per group and
 * its topics unless folded. When one note changes only that note's topics move, so an update costs
 * the same in a vault of 100 notes or 50,000: groups hold their topics in sorted chunks, and row
 * positions are found by binary search over per-group and per-chunk counts.
 */
import type { GroupBy, IndexedTopic, SessionEntry } from "./topic-index";

export type Row =
  | { type: "group"; key: string | null; count: number; collapsed: boolean; position: number; groups: number }
  | { type: "topic"; topic: IndexedTopic; group: string | null; position: number; count: number };

/** Group keys as stored in the collapsed set (null, the "no key" group, has its own spelling). */
export function groupId(key: string | null): string {
  return key === null ? "\u0000none" : key;
}

export interface TopicGroupsOptions {
  by: GroupBy;
  /** Whether a topic is listed (the search and the "only this note" scope). */
  accept: (topic: IndexedTopic) => boolean;
  /** The merged person's name for a spelling: presenter groups gather every spelling of a person. */
  displayName: (spelling: string) => string;
}

/** Row heights in pixels: headers and topic rows each have one height, measured from the font. */
export interface RowHeights {
  group: number;
  topic: number;
}

export class TopicGroups {
  readonly #groups = new Map<string, Group>();
  /** Groups in display order. */
  #order: Group[] = [];
  /** Row index of each group's header, in display order (recomputed lazily). */
  #starts: number[] | null = null;
  #rows = 0;
  /** The listed topics of each note and the groups they went into (to take them out again). */
  readonly #byFile = new Map<string, ReadonlyArray<{ topic: IndexedTopic; ids: string[] }>>();
  readonly #collapsed = new Set<string>();
  #listed = 0;

  readonly #options: TopicGroupsOptions;

  constructor(options: TopicGroupsOptions) {
    this.#options = options;
  }

  /** Topics listed (each once, even when it sits in several tag groups). */
  get matched(): number {
    return this.#listed;
  }

  get rowCount(): number {
    this.#layout();
    return this.#rows;
  }

  /** Everything again from the index's sessions (a new search, grouping or scope). */
  rebuild(sessions: Iterable<SessionEntry>): void {
    this.#groups.clear();
    this.#byFile.clear();
    this.#listed = 0;
    const sorted = [...sessions].sort(bySessionDateDesc);
    const lists = new Map<string, { key: string | null; topics: IndexedTopic[] }>();
    for (const session of sorted) {
      const listed = this.#listedTopics(session);
      if (listed.length === 0) continue;
      const placed: Array<{ topic: IndexedTopic; ids: string[] }> = [];
      for (const topic of listed) {
        const ids: string[] = [];
        for (const key of this.#keysOf(topic)) {
          const id = groupId(key);
          let list = lists.get(id);
          if (!list) lists.set(id, (list = { key, topics: [] }));
          list.topics.push(topic);
          ids.push(id);
        }
        placed.push({ topic, ids });
      }
      this.#byFile.set(session.file, placed);
      this.#listed += listed.length;
    }
    for (const [id, list] of lists) this.#groups.set(id, new Group(list.key, SortedChunks.from(list.topics)));
    this.#order = [...this.#groups.values()].sort((a, b) => compareGroups(this.#options.by, a, b));
    this.#starts = null;
  }

  /** One note changed (`session`), appeared, or went (`null`): move only its topics. */
  update(file: string, session: SessionEntry | null): void {
    const touched = new Set<Group>();
    const before = this.#byFile.get(file);
    if (before) {
      this.#listed -= before.length;
      for (const { topic, ids } of before) {
        for (const id of ids) {
          const group = this.#groups.get(id);
          if (group && group.topics.remove(topic)) touched.add(group);
        }
      }
    }
    if (session) {
      const listed = this.#listedTopics(session);
      if (listed.length > 0) {
        const placed: Array<{ topic: IndexedTopic; ids: string[] }> = [];
        for (const topic of listed) {
          const ids: string[] = [];
          for (const key of this.#keysOf(topic)) {
            const id = groupId(key);
            let group = this.#groups.get(id);
            if (!group) {
              group = new Group(key, SortedChunks.from([]));
              this.#groups.set(id, group);
            }
            group.topics.insert(topic);
            touched.add(group);
            ids.push(id);
          }
          placed.push({ topic, ids });
        }
        // Set over the old entry: a delete then a set of the same key can cost V8's Map a pass over
        // every entry (94 µs at 50,000 notes against 0.04 µs).
        this.#byFile.set(file, placed);
        this.#listed += listed.length;
      } else if (before) this.#byFile.delete(file);
    } else if (before) this.#byFile.delete(file);
    if (touched.size > 0) this.#reposition(touched);
  }

  setCollapsed(key: string | null, collapsed: boolean): void {
    if (collapsed) this.#collapsed.add(groupId(key));
    else this.#collapsed.delete(groupId(key));
    this.#starts = null;
  }

  /** The row at index `i` (a header or a topic), or null past the end. */
  rowAt(i: number): Row | null {
    const starts = this.#layout();
    if (i < 0 || i >= this.#rows) return null;
    const g = lastAtMost(starts, i);
    const group = this.#order[g];
    if (!group) return null;
    const offset = i - (starts[g] ?? 0);
    const collapsed = this.#collapsed.has(groupId(group.key));
    if (offset === 0) {
      const count = group.topics.size;
      return { type: "group", key: group.key, count, collapsed, position: g, groups: this.#order.length };
    }
    const topic = group.topics.at(offset - 1);
    if (!topic) return null;
    return { type: "topic", topic, group: group.key, position: offset - 1, count: group.topics.size };
  }

  /** The row of a group's header, or -1. */
  groupRow(key: string | null): number {
    const starts = this.#layout();
    const group = this.#groups.get(groupId(key));
    const g = group ? this.#order.indexOf(group) : -1;
    return g < 0 ? -1 : (starts[g] ?? -1);
  }

  /** The row of a topic in a group (tag groups may list a topic more than once), or -1. */
  topicRow(topic: IndexedTopic, key: string | null): number {
    const starts = this.#layout();
    const group = this.#groups.get(groupId(key));
    if (!group || this.#collapsed.has(groupId(key))) return -1;
    const at = group.topics.indexOf(topic);
    const g = this.#order.indexOf(group);
    return at < 0 || g < 0 ? -1 : (starts[g] ?? 0) + 1 + at;
  }

  /** Top of row `i` in pixels. */
  rowTop(i: number, heights: RowHeights): number {
    const starts = this.#layout();
    if (i <= 0 || starts.length === 0) return 0;
    if (i >= this.#rows) return this.totalHeight(heights);
    const g = lastAtMost(starts, i);
    const offset = i - (starts[g] ?? 0);
    return this.#groupTop(g, heights) + (offset === 0 ? 0 : heights.group + (offset - 1) * heights.topic);
  }

  /** The row at a vertical offset in pixels (clamped to the rows there are). */
  rowAtOffset(y: number, heights: RowHeights): number {
    const starts = this.#layout();
    if (this.#rows === 0 || y <= 0) return 0;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#groupTop(mid, heights) <= y) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo] ?? 0;
    const end = lo + 1 < starts.length ? (starts[lo + 1] ?? this.#rows) : this.#rows;
    const inside = y - this.#groupTop(lo, heights);
    if (inside < heights.group) return start;
    return Math.min(end - 1, start + 1 + Math.floor((inside - heights.group) / heights.topic));
  }

  totalHeight(heights: RowHeights): number {
    this.#layout();
    const groups = this.#order.length;
    return groups * heights.group + (this.#rows - groups) * heights.topic;
  }

  /** Group keys in display order. */
  keys(): Array<string | null> {
    return this.#order.map((group) => group.key);
  }

  #groupTop(g: number, heights: RowHeights): number {
    const start = this.#layout()[g] ?? 0;
    return g * heights.group + (start - g) * heights.topic;
  }

  #layout(): number[] {
    if (this.#starts) return this.#starts;
    const starts = new Array<number>(this.#order.length);
    let row = 0;
    for (let g = 0; g < this.#order.length; g++) {
      starts[g] = row;
      row += this.#rowsOf(this.#order[g] as Group);
    }
    this.#rows = row;
    this.#starts = starts;
    return starts;
  }

  /**
   * Put groups whose sizes changed back in their places (the others stay sorted meanwhile). Mostly a
   * group stays where it was (one topic more or less seldom passes a neighbour): then only the row
   * starts after it move, in place, and nothing is allocated.
   */
  #reposition(touched: ReadonlySet<Group>): void {
    const by = this.#options.by;
    const order = this.#order;
    let first = order.length;
    let inPlace = true;
    for (const group of touched) {
      const g = order.indexOf(group);
      const before = order[g - 1];
      const after = order[g + 1];
      if (
        g < 0 ||
        group.topics.size === 0 ||
        (before !== undefined && compareGroups(by, before, group) > 0) ||
        (after !== undefined && compareGroups(by, group, after) > 0)
      ) {
        inPlace = false;
        break;
      }
      first = Math.min(first, g);
    }
    if (inPlace) {
      const starts = this.#starts;
      if (starts) {
        let row = starts[first] ?? 0;
        for (let g = first; g < order.length; g++) {
          starts[g] = row;
          row += this.#rowsOf(order[g] as Group);
        }
        this.#rows = row;
      }
      return;
    }
    this.#order = order.filter((group) => !touched.has(group));
    for (const group of touched) {
      if (group.topics.size === 0) {
        this.#groups.delete(groupId(group.key));
        continue;
      }
      let lo = 0;
      let hi = this.#order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareGroups(by, this.#order[mid] as Group, group) <= 0) lo = mid + 1;
        else hi = mid;
      }
      this.#order.splice(lo, 0, group);
    }
    this.#starts = null;
  }

  /** Rows of a group: its header, and its topics unless folded. */
  #rowsOf(group: Group): number {
    return 1 + (this.#collapsed.has(groupId(group.key)) ? 0 : group.topics.size);
  }

  #listedTopics(session: SessionEntry): IndexedTopic[] {
    const listed: IndexedTopic[] = [];
    session.topics.forEach((topic, k) => {
      ordinals.set(topic, k);
      if (this.#options.accept(topic)) listed.push(topic);
    });
    return listed;
  }

  #keysOf(topic: IndexedTopic): Array<string | null> {
    switch (this.#options.by) {
      case "kind":
        return [topic.kind];
      case "month":
        return [topic.date ? topic.date.slice(0, 7) : null];
      case "presenter":
        return [topic.presenter === null ? null : this.#options.displayName(topic.presenter)];
      case "tag": {
        if (topic.tags.length === 0) return [null];
        return [...new Set(topic.tags.map((tag) => tag.toLowerCase()))];
      }
    }
  }
}

class Group {
  constructor(
    readonly key: string | null,
    readonly topics: SortedChunks,
  ) {}
}

/** A topic's place among its session's topics (topics from properties have no line to go by). */
const ordinals = new WeakMap<IndexedTopic, number>();

/** Index order: newest session first, then by path, then as written in the note. */
function compareTopics(a: IndexedTopic, b: IndexedTopic): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da < db ? 1 : -1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (ordinals.get(a) ?? 0) - (ordinals.get(b) ?? 0);
}

/** Most topics first (then by name); months newest first; the "no key" group always last. */
function compareGroups(by: GroupBy, a: Group, b: Group): number {
  if (a.key === null || b.key === null) return Number(a.key === null) - Number(b.key === null);
  if (by === "month") return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
  return b.topics.size - a.topics.size || a.key.localeCompare(b.key);
}

function bySessionDateDesc(a: SessionEntry, b: SessionEntry): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da < db ? 1 : -1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** The largest index whose value is ≤ `value` in an ascending array. */
function lastAtMost(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((values[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Chunks of this size keep an insert or removal to a short copy, whatever the group's size. */
const CHUNK = 256;

/**
 * Topics in index order, stored in chunks: insert, remove and find by position in about log n. Where
 * each chunk starts is kept in a Fenwick tree of chunk sizes, so a change costs log(chunks), not a pass
 * over every chunk; the tree is built again only when a chunk splits or goes (once per 256 changes).
 */
class SortedChunks {
  #chunks: IndexedTopic[][] = [];
  /** Fenwick tree over chunk sizes (index c + 1 for chunk c), or null until next asked for. */
  #tree: Int32Array | null = null;
  size = 0;

  static from(sorted: readonly IndexedTopic[]): SortedChunks {
    const list = new SortedChunks();
    for (let i = 0; i < sorted.length; i += CHUNK) list.#chunks.push(sorted.slice(i, i + CHUNK));
    list.size = sorted.length;
    return list;
  }

  insert(topic: IndexedTopic): void {
    this.size++;
    if (this.#chunks.length === 0) {
      this.#chunks.push([topic]);
      this.#tree = null;
      return;
    }
    const c = Math.min(this.#chunkFor(topic), this.#chunks.length - 1);
    const chunk = this.#chunks[c] as IndexedTopic[];
    chunk.splice(lowerBound(chunk, topic), 0, topic);
    if (chunk.length > 2 * CHUNK) {
      this.#chunks.splice(c, 1, chunk.slice(0, CHUNK), chunk.slice(CHUNK));
      this.#tree = null;
    } else this.#grow(c, 1);
  }

  remove(topic: IndexedTopic): boolean {
    const c = this.#chunkFor(topic);
    const chunk = this.#chunks[c];
    if (!chunk) return false;
    for (let i = lowerBound(chunk, topic); i < chunk.length; i++) {
      if (chunk[i] === topic) {
        chunk.splice(i, 1);
        this.size--;
        if (chunk.length === 0) {
          this.#chunks.splice(c, 1);
          this.#tree = null;
        } else this.#grow(c, -1);
        return true;
      }
      if (compareTopics(chunk[i] as IndexedTopic, topic) > 0) break;
    }
    return false;
  }

  at(i: number): IndexedTopic | undefined {
    if (i < 0 || i >= this.size) return undefined;
    // Down the tree: the last chunk whose start is at most `i`, and what comes before it.
    const tree = this.#fenwick();
    let c = 0;
    let before = 0;
    for (let step = highestBit(this.#chunks.length); step > 0; step >>= 1) {
      const next = c + step;
      if (next <= this.#chunks.length && before + (tree[next] ?? 0) <= i) {
        c = next;
        before += tree[next] ?? 0;
      }
    }
    return this.#chunks[c]?.[i - before];
  }

  indexOf(topic: IndexedTopic): number {
    const c = this.#chunkFor(topic);
    const chunk = this.#chunks[c];
    if (!chunk) return -1;
    for (
      let i = lowerBound(chunk, topic);
      i < chunk.length && compareTopics(chunk[i] as IndexedTopic, topic) <= 0;
      i++
    ) {
      if (chunk[i] === topic) return this.#before(c) + i;
    }
    return -1;
  }

  /** The first chunk whose last topic sorts at or after `topic` (or one past the end). */
  #chunkFor(topic: IndexedTopic): number {
    let lo = 0;
    let hi = this.#chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.#chunks[mid] as IndexedTopic[];
      if (compareTopics(chunk[chunk.length - 1] as IndexedTopic, topic) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Topics before chunk `c`. */
  #before(c: number): number {
    const tree = this.#fenwick();
    let n = 0;
    for (let k = c; k > 0; k -= k & -k) n += tree[k] ?? 0;
    return n;
  }

  /** Chunk `c` got `delta` topics. */
  #grow(c: number, delta: number): void {
    const tree = this.#tree;
    if (!tree) return;
    for (let k = c + 1; k <= this.#chunks.length; k += k & -k) tree[k] = (tree[k] ?? 0) + delta;
  }

  #fenwick(): Int32Array {
    if (this.#tree) return this.#tree;
    const n = this.#chunks.length;
    const tree = new Int32Array(n + 1);
    for (let k = 1; k <= n; k++) {
      tree[k] = (tree[k] ?? 0) + (this.#chunks[k - 1] as IndexedTopic[]).length;
      const parent = k + (k & -k);
      if (parent <= n) tree[parent] = (tree[parent] ?? 0) + (tree[k] ?? 0);
    }
    this.#tree = tree;
    return tree;
  }
}

/** The largest power of two at most `n` (0 for 0). */
function highestBit(n: number): number {
  return n <= 0 ? 0 : 2 ** Math.floor(Math.log2(n));
}

function lowerBound(chunk: readonly IndexedTopic[], topic: IndexedTopic): number {
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareTopics(chunk[mid] as IndexedTopic, topic) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
