import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Dates in tests are fixed and the zone pinned, so results never depend on the machine.
    env: { TZ: "UTC" },
  },
});
