import { defineConfig } from "vitest/config";

// `pnpm test:faults`: fault injection against the built server on PostgreSQL (see src/faults).
export default defineConfig({
  test: {
    include: ["src/faults/**/*.fault-test.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
