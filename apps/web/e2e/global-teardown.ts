import { rmSync } from "node:fs";

/**
 * Removes this run's directory: the embedded database the API used and its lock file.
 * @public Playwright loads it by name (globalTeardown).
 */
export default function globalTeardown() {
  const dir = process.env.LODESTONE_E2E_RUN_DIR;
  if (dir && dir.includes("lodestone-e2e-")) rmSync(dir, { recursive: true, force: true });
}
