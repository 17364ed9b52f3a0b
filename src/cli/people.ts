/** `sync` with `presenterLinks` on: who each spelling's link points at, merged as the plugin merges it. */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Presenter } from "../core/note/model";
import { PeopleMerger } from "../core/index/people";
import { PeopleLinker, aliasList, peopleNoteMembers, type PeopleNote } from "../core/index/people-links";
import { readProperties } from "../core/properties/frontmatter-read";
import type { Settings } from "../core/settings";
import { listMarkdown, readNote } from "./files";

/**
 * The vault a `data.json` belongs to: `VAULT/.obsidian/plugins/ID/data.json` (any config folder
 * name), or null for a settings file kept anywhere else.
 */
export function vaultOfConfig(configPath: string | undefined): string | null {
  if (configPath === undefined) return null;
  const plugin = dirname(resolve(configPath));
  const plugins = dirname(plugin);
  const configDir = dirname(plugins);
  if (!/[\\/]plugins$/.test(plugins) || !/[\\/]\.[^\\/]+$/.test(configDir)) return null;
  return dirname(configDir);
}

/** The people notes in `vault`'s people folder (the notes directly in it, as links name them): names and `aliases`. */
export function readPeopleNotes(vault: string, folder: string): PeopleNote[] {
  const dir = join(vault, folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const notes: PeopleNote[] = [];
  for (const file of listMarkdown(dir).filter((f) => !f.includes("/"))) {
    const name = file.slice(file.lastIndexOf("/") + 1).replace(/\.md$/i, "");
    let aliases: string[] = [];
    try {
      aliases = aliasList(readProperties(readNote(join(dir, file)))?.aliases);
    } catch {
      // An unreadable people note still names a person; its aliases are simply not known.
    }
    notes.push({ name, aliases });
  }
  return notes;
}

/**
 * The links for `presenters`: people merged from the members, the people notes of the vaults given
 * and every presenter of the notes being synced, so that syncing the whole vault writes what the
 * plugin writes.
 */
export function peopleLinker(
  settings: Settings,
  {
    vaults,
    presenters,
    links,
  }: { vaults: readonly string[]; presenters: Iterable<Presenter>; links: Iterable<readonly [string, string]> },
): PeopleLinker {
  const notes = vaults.flatMap((vault) => readPeopleNotes(vault, settings.peopleFolder));
  const merger = new PeopleMerger([...settings.roster, ...peopleNoteMembers(notes)]);
  for (const presenter of presenters) merger.add(presenter);
  for (const [spelling, note] of links) merger.addLink(spelling, note);
  return new PeopleLinker((spelling) => merger.resolve(spelling), settings.peopleFolder, notes);
}
