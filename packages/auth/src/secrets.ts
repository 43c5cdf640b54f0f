// Secrets for the embedded default: generated once, kept under .data/ (git-ignored), shared by
// the API and the web process on the same machine. In production both come from the environment.
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync, readFileSync, writeSync, closeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const LocalSecrets = z.object({ nextAuthSecret: z.string().min(32), internalSecret: z.string().min(32) });
export type LocalSecrets = z.infer<typeof LocalSecrets>;

// This file compiles to packages/auth/dist/secrets.js; the workspace root is three levels up.
export const defaultSecretsFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../..",
  ".data",
  "secrets.json",
);

/** Reads the local secrets, creating them (exclusively, so two processes agree) on first use. */
export function loadOrCreateLocalSecrets(file: string = defaultSecretsFile): LocalSecrets {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    const fd = openSync(file, "wx", 0o600);
    const fresh: LocalSecrets = {
      nextAuthSecret: randomBytes(32).toString("base64url"),
      internalSecret: randomBytes(32).toString("base64url"),
    };
    writeSync(fd, JSON.stringify(fresh, null, 2));
    closeSync(fd);
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // Another process may be writing it right now: retry briefly until it parses.
  for (let attempt = 0; ; attempt++) {
    let raw: unknown = null;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      // Half-written by the process that created it: read again shortly.
    }
    const parsed = LocalSecrets.safeParse(raw);
    if (parsed.success) return parsed.data;
    if (attempt > 50)
      throw new Error(`${file} is not a valid secrets file: delete it to generate new secrets.`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

/** The header the web sends to the API's internal procedures. */
export const INTERNAL_SECRET_HEADER = "x-lodestone-internal";

/** next-auth's database-session cookie names (plain and `__Secure-` in production). */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
