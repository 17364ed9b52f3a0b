// `npm run demo`: (after the build) make demo-vault/ with the plugin installed and enabled, the real
// Notion exports and notes in the plugin's own Markdown form, then print the vault's topic index.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const vault = join(root, "demo-vault");
const pluginDir = join(vault, ".obsidian", "plugins", "study-session-notes");
const sessions = join(vault, "Sessions");

for (const built of ["main.js", "dist/cli.js"]) {
  if (!existsSync(join(root, built))) {
    console.error(`demo: ${built} is missing; run "npm run demo", which builds it first`);
    process.exit(1);
  }
}

// The demo vault is generated: it is rebuilt from scratch on every run.
rmSync(vault, { recursive: true, force: true });
mkdirSync(pluginDir, { recursive: true });
mkdirSync(sessions, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) copyFileSync(join(root, file), join(pluginDir, file));
writeFileSync(
  join(vault, ".obsidian", "community-plugins.json"),
  `${JSON.stringify(["study-session-notes"], null, 2)}\n`,
);

const exports = join(root, "test", "fixtures", "notion-export");
for (const file of readdirSync(exports).filter((name) => name.endsWith(".txt"))) {
  copyFileSync(join(exports, file), join(sessions, `${file.replace(/\.txt$/, "")} 機械学習勉強会 (Notion).md`));
}
const notes = join(root, "demo", "notes");
for (const file of readdirSync(notes)) copyFileSync(join(notes, file), join(sessions, file));
copyFileSync(join(root, "demo", "Topics.base"), join(vault, "Topics.base"));
copyFileSync(join(root, "demo", "Papers.base"), join(vault, "Papers.base"));

// Write every session note's topic entries into its properties, as the plugin's sync does.
execFileSync(process.execPath, [join(root, "dist", "cli.js"), "sync", sessions], { stdio: "inherit" });

process.stdout.write(
  `Demo vault: ${vault}\nOpen it in Obsidian (Open folder as vault); the plugin is installed and enabled.\n\n`,
);
execFileSync(process.execPath, [join(root, "dist", "cli.js"), "index", vault, "--by", "presenter"], {
  stdio: "inherit",
});
