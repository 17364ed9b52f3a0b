import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Dates in tests are fixed and the zone pinned, so results never depend on the machine.
    env: { TZ: "UTC" },
    // Generous: the suite must not fail because the machine is busy (speed is the bench's job).
    testTimeout: 30000,
    hookTimeout: 30000,
    projects: [
      {
        extends: true,
        test: {
          name: "core",
          include: [
            "test/core/**/*.test.ts",
            "test/cli/**/*.test.ts",
            "test/i18n/**/*.test.ts",
            "test/scripts/**/*.test.ts",
            "test/*.test.ts",
          ],
          environment: "node",
          // The core's YAML parser and date formatter, set as the CLI sets them (the plugin sets Obsidian's in onload).
          setupFiles: ["test/setup/yaml-parser.ts", "test/setup/date-format.ts"],
        },
      },
      {
        // The plugin shell against an in-memory Obsidian App (obsidian-test-mocks) in a DOM.
        extends: true,
        // The `obsidian` package ships types only; at run time the plugin gets the in-memory App.
        resolve: { alias: [{ find: /^obsidian$/, replacement: "obsidian-test-mocks/obsidian" }] },
        test: {
          name: "app",
          include: ["test/app/**/*.test.ts"],
          environment: "happy-dom",
          setupFiles: [
            "obsidian-test-mocks/vitest-setup",
            "test/app/no-unhandled-rejections.ts",
            "test/app/yaml-parser.ts",
            "test/app/date-format.ts",
          ],
        },
      },
      {
        // The view in a real Chromium (playwright-core driving Debian's /usr/bin/chromium).
        extends: true,
        test: { name: "browser", include: ["test/browser/**/*.test.ts"], environment: "node", testTimeout: 60000 },
      },
    ],
  },
});
