/**
 * Statistics of a vault's sessions: per presenter, per month, the main-topic rotation and the plan of
 * upcoming meetings. Pure: it may import core/index, core/session and core/note, nothing else.
 */
import { BUILTIN_KINDS } from "../note/kinds";
import { DEFAULT_SERIES, type Language } from "../note/vocabulary";
import type { TopicIndex, SessionEntry } from "../index/topic-index";
import { mainRotation, presentersOf, scheduleOf } from "../session/plan";
import { followingMeeting, nextMeeting } from "../session/schedule";
import type { Settings } from "../settings";

/** A topic without a kind tag is counted under this key (SPEC §5). */
export const NO_KIND = "none";

export interface StatsFilter {
  /** `YYYY-MM-DD`, inclusive; null: no bound. */
  from?: string | null;
  to?: string | null;
  /** Only sessions of this series; null: all. */
  series?: string | null;
}

export interface MainGiven {
  date: string | null;
  title: string;
  file: string;
}

export interface PresenterStats {
  name: string;
  aliases: string[];
  topics: number;
  byKind: Record<string, number>;
  byMonth: Record<string, number>;
  main: MainGiven[];
  /** Date of the latest session they presented in, or null. */
  last: string | null;
  /** Members only: sessions (in the range) since their first topic in which they presented nothing. */
  missed: number | null;
}

export interface MonthStats {
  month: string;
  topics: number;
  byKind: Record<string, number>;
}

export interface RotationStats {
  order: string[];
  last: string | null;
  next: string | null;
  skipped: string[];
}

export interface Stats {
  /** Sessions in the range, and their topics. */
  sessions: number;
  topics: number;
  /** Every kind seen, the built-in ones in their usual order first, `none` last. */
  kinds: string[];
  presenters: PresenterStats[];
  /** Months with at least one session, oldest first. */
  months: MonthStats[];
  rotation: RotationStats;
  /** Every series seen in the vault (for the filter). */
  series: string[];
}

/** `stats --json` (SPEC §5): exactly the contract's keys. */
export interface StatsJson {
  presenters: Array<Omit<PresenterStats, "missed">>;
  months: MonthStats[];
  rotation: { order: string[]; last: string | null; next: string | null };
}

export function inRange(session: SessionEntry, filter: StatsFilter): boolean {
  if (filter.series && session.series !== filter.series) return false;
  if (filter.from && (session.date === null || session.date < filter.from)) return false;
  if (filter.to && (session.date === null || session.date > filter.to)) return false;
  return true;
}

export function computeStats(index: TopicIndex, settings: Settings, filter: StatsFilter = {}): Stats {
  const all = index.allSessions();
  const sessions = all.filter((s) => inRange(s, filter));
  const kinds = new Set<string>();
  const people = new Map<string, PresenterStats & { first: string | null }>();
  const months = new Map<string, MonthStats>();
  const personOf = (name: string): PresenterStats & { first: string | null } => {
    const display = index.displayName(name);
    let entry = people.get(display);
    if (!entry) {
      const person = index.person(name);
      entry = {
        name: display,
        aliases: person.aliases,
        topics: 0,
        byKind: {},
        byMonth: {},
        main: [],
        last: null,
        missed: null,
        first: null,
      };
      people.set(display, entry);
    }
    return entry;
  };
  let topicCount = 0;
  // Sessions come newest first: the first date seen for a person is their last.
  for (const session of sessions) {
    const month = session.date?.slice(0, 7) ?? null;
    let monthStats: MonthStats | undefined;
    if (month !== null) {
      monthStats = months.get(month);
      if (!monthStats) {
        monthStats = { month, topics: 0, byKind: {} };
        months.set(month, monthStats);
      }
    }
    for (const topic of session.topics) {
      topicCount++;
      const kind = topic.kind ?? NO_KIND;
      kinds.add(kind);
      if (monthStats) {
        monthStats.topics++;
        bump(monthStats.byKind, kind);
      }
      if (topic.presenter === null) continue;
      const person = personOf(topic.presenter);
      person.topics++;
      bump(person.byKind, kind);
      if (month !== null) bump(person.byMonth, month);
      if (topic.main) person.main.push({ date: topic.date, title: topic.title, file: topic.file });
      if (session.date !== null) {
        person.last ??= session.date;
        person.first = session.date;
      }
    }
  }
  // Every member, those not presenting for now included: a member who never presented shows as such.
  const roster = settings.roster.length > 0 ? settings.roster : presentersOf(all, settings);
  const members = roster.map((m) => index.displayName(m.name));
  for (const name of members) personOf(name);
  const dated = sessions.filter((s) => s.date !== null);
  for (const name of members) {
    const person = people.get(name);
    if (!person || person.first === null) continue;
    const since = person.first;
    person.missed = dated.filter(
      (s) =>
        (s.date ?? "") >= since &&
        !s.topics.some((t) => t.presenter !== null && index.displayName(t.presenter) === name),
    ).length;
  }
  const kindOrder = orderKinds(kinds);
  for (const person of people.values()) {
    person.main.sort((a, b) => compareText(a.date ?? "", b.date ?? ""));
    person.byKind = ordered(person.byKind, kindOrder);
    person.byMonth = ordered(person.byMonth, Object.keys(person.byMonth).sort());
  }
  for (const month of months.values()) month.byKind = ordered(month.byKind, kindOrder);
  const presenters = [...people.values()]
    .sort((a, b) => b.topics - a.topics || a.name.localeCompare(b.name))
    .map(({ first: _first, ...rest }) => rest);
  return {
    sessions: sessions.length,
    topics: topicCount,
    kinds: kindOrder,
    presenters,
    months: [...months.values()].sort((a, b) => compareText(a.month, b.month)),
    rotation: rotationOf(index, all, settings),
    series: [...new Set(all.map((s) => s.series).filter((s): s is string => s !== null && s !== ""))].sort(),
  };
}

export function statsToJson(stats: Stats): StatsJson {
  return {
    presenters: stats.presenters.map(({ missed: _missed, ...rest }) => rest),
    months: stats.months,
    rotation: { order: stats.rotation.order, last: stats.rotation.last, next: stats.rotation.next },
  };
}

/** The rotation as "New session note" would apply it to the next note, names as the index shows them. */
function rotationOf(index: TopicIndex, sessions: readonly SessionEntry[], settings: Settings): RotationStats {
  const dated = sessions.filter((s) => s.date !== null);
  const rotation = mainRotation(dated, settings, presentersOf(sessions, settings));
  const name = (n: string | null): string | null => (n === null ? null : index.displayName(n));
  return {
    order: rotation.order.map((n) => index.displayName(n)),
    last: name(rotation.last),
    next: name(rotation.next),
    skipped: rotation.skipped.map((n) => index.displayName(n)),
  };
}

export interface PlannedMeeting {
  date: string;
  /** The main presenter: from the session note when it exists, else by the rotation. */
  mainPresenter: string | null;
  /** The session note for that date, when there is one. */
  file: string | null;
}

/**
 * The next `count` meetings from `today` (`YYYY-MM-DD`), each with its main presenter: the rotation
 * of "New session note" applied meeting after meeting, as if each note were created in turn.
 */
export function upcomingMeetings(
  index: TopicIndex,
  settings: Settings,
  today: string,
  count: number,
): PlannedMeeting[] {
  const sessions = index.allSessions();
  const presenters = presentersOf(sessions, settings);
  const schedule = scheduleOf(settings);
  // Newest first, as the rotation reads them; planned meetings are put in front as they are planned.
  const before = sessions.filter((s) => s.date !== null && s.date < today);
  const out: PlannedMeeting[] = [];
  let date = nextMeeting(today, schedule);
  for (let i = 0; i < count; i++) {
    const existing = sessions.find((s) => s.date === date) ?? null;
    const given = existing?.topics.find((t) => t.main && t.presenter !== null)?.presenter ?? null;
    const main = given ?? mainRotation(before, settings, presenters).next;
    const name = main === null ? null : index.displayName(main);
    out.push({ date, mainPresenter: name, file: existing?.file ?? null });
    before.unshift(existing ?? plannedSession(date, main));
    date = followingMeeting(date, schedule);
  }
  return out;
}

/** The series the next notes belong to, as "New session note" names it. */
export function seriesName(index: TopicIndex, settings: Settings, language: Language): string {
  return settings.seriesName.trim() || index.allSessions().find((s) => s.series)?.series || DEFAULT_SERIES[language];
}

function plannedSession(date: string, main: string | null): SessionEntry {
  const topics =
    main === null
      ? []
      : [
          {
            presenter: main,
            kind: null,
            kindLabel: null,
            title: "",
            url: null,
            main: true,
            tags: [],
            line: -1,
            endLine: -1,
            summary: "",
            file: "",
            date,
          },
        ];
  return { file: "", date, series: null, presenters: [], topics };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** The same counts with their keys in `order` (JSON readers see kinds and months in a sensible order). */
function ordered(counts: Record<string, number>, order: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of order) if (counts[key] !== undefined) out[key] = counts[key];
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function orderKinds(kinds: ReadonlySet<string>): string[] {
  const builtin = Object.keys(BUILTIN_KINDS).filter((k) => kinds.has(k));
  const other = [...kinds].filter((k) => !(k in BUILTIN_KINDS) && k !== NO_KIND).sort();
  return [...builtin, ...other, ...(kinds.has(NO_KIND) ? [NO_KIND] : [])];
}
