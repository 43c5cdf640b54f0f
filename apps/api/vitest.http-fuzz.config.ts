import { defineConfig } from "vitest/config";

// Part of `pnpm test:trust`: hostile HTTP against the running API and the built web's own server
// (src/http-fuzz.trust-test.ts). Needs `pnpm build` first.
export default defineConfig({
  test: {
    include: ["src/**/*.trust-test.ts"],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
