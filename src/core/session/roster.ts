/** The group's roster as settings hold it, and as the settings tab edits it (one member a line). */
import { PeopleMerger, parsePresenterName, type RosterMember } from "../index/people";
import type { SessionEntry } from "../index/topic-index";

export interface Member extends RosterMember {
  name: string;
  aliases: string[];
  active: boolean;
}

/**
 * One member a line, written as on a presenter line: `Ryosuke Fukazawa / qluto`, or
 * `qluto (Ryosuke Fukazawa)`. A line starting with `~` is a member who is not presenting for now.
 */
export function parseRoster(text: string): Member[] {
  const members: Member[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim().replace(/^[@＠]/, "");
    const active = !line.startsWith("~");
    line = line.replace(/^~\s*[@＠]?/, "").trim();
    if (line === "") continue;
    const person = parsePresenterName(line);
    members.push({ name: person.name, aliases: [...person.aliases], active });
  }
  return members;
}

export function formatRoster(members: readonly Member[]): string {
  return members.map((m) => `${m.active ? "" : "~"}${[m.name, ...m.aliases].join(" / ")}`).join("\n");
}

/** Names one a line (the rotation order). */
export function parseNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^[@＠]/, ""))
    .filter((line) => line !== "");
}

/**
 * Without a configured roster: everyone who presented in the four most recent session notes, in the
 * order they presented in the latest one first.
 */
export function learnRoster(sessions: readonly SessionEntry[], recent = 4): Member[] {
  const latest = [...sessions]
    .sort((a, b) => ((b.date ?? "") < (a.date ?? "") ? -1 : (b.date ?? "") > (a.date ?? "") ? 1 : 0))
    .slice(0, recent);
  // One person across spellings (`@al` one week, `@Alice / al` another).
  const people = new PeopleMerger();
  for (const session of latest) for (const presenter of session.presenters) people.add(presenter);
  const members = new Map<string, Member>();
  for (const session of latest) {
    for (const presenter of session.presenters) {
      const person = people.resolve(presenter.name);
      if (!members.has(person.name) && session.topics.some((t) => t.presenter === presenter.name && !t.main)) {
        members.set(person.name, { name: person.name, aliases: [...person.aliases], active: true });
      }
    }
  }
  return [...members.values()];
}
