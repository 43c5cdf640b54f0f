// Secrets for the embedded default: generated once, kept under .data/ (git-ignored), shared by
// the API and the web process on the same machine. In production both come from the environment.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const LocalSecrets = z.object({
  nextAuthSecret: z.string().min(32),
  internalSecret: z.string().min(32),
  /** The API's Ed25519 key for decision records, PEM (PKCS #8); absent from files made before it. */
  decisionSigningKey: z.string().min(1).optional(),
});
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
      decisionSigningKey: newSigningKey(),
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

function newSigningKey(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/**
 * The API's local key for signing decision records: the secrets file's, added to a file made
 * before there was one (the other secrets kept; the file replaced in one rename and read again, so
 * the key returned is the one the file holds). Only the API asks for it.
 */
export function loadOrCreateLocalSigningKey(file: string = defaultSecretsFile): string {
  const secrets = loadOrCreateLocalSecrets(file);
  if (secrets.decisionSigningKey) return secrets.decisionSigningKey;
  const temp = `${file}.${process.pid}.tmp`;
  const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(temp, JSON.stringify({ ...raw, decisionSigningKey: newSigningKey() }, null, 2), {
    mode: 0o600,
  });
  renameSync(temp, file);
  const again = loadOrCreateLocalSecrets(file).decisionSigningKey;
  if (!again) throw new Error(`Could not keep the decision signing key in ${file}.`);
  return again;
}

/** The header the web sends to the API's internal procedures. */
export const INTERNAL_SECRET_HEADER = "x-lodestone-internal";

/** next-auth's database-session cookie names (plain and `__Secure-` in production). */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
