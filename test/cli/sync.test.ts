import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = run(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }) as number;
  return { code, out, err };
}

function vaultWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "ssn-sync-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const SESSION = "2024-08-29 機械学習勉強会\n今週のTOPIC\n@Alice\n[blog] A #x\n";
const WORK = "@alice\nDiscussed pricing for Q3.\n";

describe("sync: only session notes (SPEC §5)", () => {
  it("leaves a work note with @mentions alone, in a folder walk and when named", () => {
    const dir = vaultWith({ "Work/Vendor call.md": WORK, "Sessions/2024-09-05.md": WORK });
    const walk = cli("sync", dir);
    expect(walk.code).toBe(0);
    expect(walk.out).toContain("1 updated, 0 unchanged, 0 failed, 1 not session notes");
    expect(readFileSync(join(dir, "Work/Vendor call.md"), "utf8")).toBe(WORK);
    // Inside the sessions folder the same text is a session note.
    expect(readFileSync(join(dir, "Sessions/2024-09-05.md"), "utf8")).toContain("type: study-session");
    const named = cli("sync", join(dir, "Work/Vendor call.md"));
    expect(named.err).toContain("not a session note");
    expect(readFileSync(join(dir, "Work/Vendor call.md"), "utf8")).toBe(WORK);
  });

  it("takes the sessions folder from --config", () => {
    const dir = vaultWith({ "Weekly/a.md": WORK, "data.json": JSON.stringify({ sessionsFolder: "Weekly" }) });
    expect(JSON.parse(cli("index", dir, "--json").out)).toMatchObject({ sessions: [] });
    expect(cli("sync", join(dir, "Weekly"), "--config", join(dir, "data.json")).out).toContain("1 updated");
    expect(cli("index", dir, "--json", "--config", join(dir, "data.json")).out).toContain('"Weekly/a.md"');
  });

  it("reports a data.json field of the wrong type on stderr, once", () => {
    const dir = vaultWith({ "data.json": JSON.stringify({ autoSync: "yes", weekday: "Thu" }), "a.md": "x\n" });
    const result = cli("sync", join(dir, "a.md"), "--config", join(dir, "data.json"));
    expect(result.err.match(/"weekday" should be/g)).toHaveLength(1);
    expect(result.err).toContain('"autoSync" should be true or false');
  });

  it("refuses a file that is not a .md note, with exit 1 and no write", () => {
    const dir = vaultWith({ "x.txt": SESSION });
    const result = cli("sync", join(dir, "x.txt"));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/x\.txt: not a Markdown note \(\.md\); nothing written/);
    expect(readFileSync(join(dir, "x.txt"), "utf8")).toBe(SESSION);
  });
});

describe("sync: how a note is written", () => {
  it("keeps a UTF-8 BOM", () => {
    const dir = vaultWith({ "a.md": `\uFEFF${SESSION}` });
    expect(cli("sync", join(dir, "a.md")).code).toBe(0);
    const bytes = readFileSync(join(dir, "a.md"));
    expect([...bytes.subarray(0, 6)]).toEqual([0xef, 0xbb, 0xbf, 0x2d, 0x2d, 0x2d]);
    expect(cli("sync", join(dir, "a.md")).out).toContain("0 updated, 1 unchanged");
  });

  it("follows a symbolic link and writes its target; the link stays a link", () => {
    const dir = vaultWith({ "real/2024-08-29.md": SESSION });
    symlinkSync(join(dir, "real/2024-08-29.md"), join(dir, "link.md"));
    const result = cli("sync", join(dir, "link.md"));
    expect(result.code).toBe(0);
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real/2024-08-29.md"), "utf8")).toContain("type: study-session");
    expect(readdirSync(join(dir, "real"))).toEqual(["2024-08-29.md"]);
  });

  it("refuses a read-only note with exit 1, leaving it as it was", () => {
    const dir = vaultWith({ "ro.md": SESSION });
    chmodSync(join(dir, "ro.md"), 0o444);
    const result = cli("sync", join(dir, "ro.md"));
    expect(result.code).toBe(1);
    expect(result.err).toContain("ro.md: is read-only; nothing written");
    expect(readFileSync(join(dir, "ro.md"), "utf8")).toBe(SESSION);
    expect(lstatSync(join(dir, "ro.md")).mode & 0o777).toBe(0o444);
  });

  it("keeps the note's permissions on a write", () => {
    const dir = vaultWith({ "a.md": SESSION });
    chmodSync(join(dir, "a.md"), 0o640);
    cli("sync", join(dir, "a.md"));
    expect(lstatSync(join(dir, "a.md")).mode & 0o777).toBe(0o640);
  });
});

describe("sync: presenters as links to people notes (presenterLinks in --config)", () => {
  const CONFIG = ".obsidian/plugins/study-session-notes/data.json";
  const notes = {
    "Sessions/2024-08-29.md": "今週のTOPIC\n@qluto (Ryosuke Fukazawa)\n[blog] A\n@Bob\n[blog] B\n",
    "Sessions/2024-09-05.md": "今週のTOPIC\n@qluto\n[blog] C\n@ボブ\n[blog] D\n",
    "People/Bob.md": "---\naliases: [ボブ]\n---\n",
  };

  it("writes links merged over the vault and its people notes, as the plugin does; off, plain names again", () => {
    const dir = vaultWith({ ...notes, [CONFIG]: JSON.stringify({ presenterLinks: true }) });
    const config = join(dir, CONFIG);
    expect(cli("sync", dir, "--config", config).code).toBe(0);
    const second = readFileSync(join(dir, "Sessions/2024-09-05.md"), "utf8");
    expect(second).toContain('presenters: ["[[People/Ryosuke Fukazawa|qluto]]", "[[People/Bob|ボブ]]"]\n');
    expect(second).toContain("    presenter: qluto\n");
    expect(readFileSync(join(dir, "People/Bob.md"), "utf8")).toBe("---\naliases: [ボブ]\n---\n");
    expect(cli("sync", dir, "--config", config, "--check").code).toBe(0);
    // Without the setting, the plain names of today, byte for byte.
    const plain = vaultWith(notes);
    cli("sync", plain);
    expect(cli("sync", dir).out).toContain("2 updated");
    for (const file of Object.keys(notes))
      expect(readFileSync(join(dir, file), "utf8")).toBe(readFileSync(join(plain, file), "utf8"));
  });

  it("keeps a link Obsidian rewrote when a people note was renamed", () => {
    const dir = vaultWith({
      "Sessions/a.md": '---\npresenters: ["[[People/Robert|Bob]]"]\n---\n今週のTOPIC\n@Bob\n[blog] A\n',
      "People/Robert.md": "",
      [CONFIG]: JSON.stringify({ presenterLinks: true }),
    });
    cli("sync", dir, "--config", join(dir, CONFIG));
    expect(readFileSync(join(dir, "Sessions/a.md"), "utf8")).toContain('presenters: ["[[People/Robert|Bob]]"]\n');
  });

  it("reads people notes of the folder named when data.json is kept outside a vault", () => {
    const dir = vaultWith({ ...notes, "settings.json": JSON.stringify({ presenterLinks: true, peopleFolder: "" }) });
    cli("sync", dir, "--config", join(dir, "settings.json"));
    expect(readFileSync(join(dir, "Sessions/2024-09-05.md"), "utf8")).toContain(
      'presenters: ["[[Ryosuke Fukazawa|qluto]]", "[[ボブ]]"]\n',
    );
  });
});
