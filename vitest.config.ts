import { defineConfig } from "vitest/config";

/**
 * One test command for the whole workspace. Unit, service and HTTP tests live next to the
 * code (`*.test.ts`); browser journeys live in `e2e/` and need Chromium and a built web app.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          exclude: ["packages/web/**", "**/node_modules/**"],
          environment: "node",
          globalSetup: ["packages/db/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          environment: "node",
          globalSetup: ["e2e/support/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
