import { loadOrCreateLocalSecrets } from "@lodestone/auth/secrets";
import { z } from "zod";

/**
 * The web app's environment, validated once. No other file reads `process.env`.
 * Server only (route handlers, server components, server actions); never import it from a
 * client component.
 */

const httpUrl = (name: string, example: string) =>
  z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL, such as ${example}.` });

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const EnvSchema = z
  .object({
    NODE_ENV: z
      .enum(["development", "production", "test"], {
        error: "NODE_ENV must be development, production or test.",
      })
      .default("development"),
    API_URL: httpUrl("API_URL", "http://127.0.0.1:4000")
      .default("http://127.0.0.1:4000")
      .transform((url) => url.replace(/\/+$/, "")),
    WEB_PORT: z.coerce
      .number({ error: "WEB_PORT must be a port number, such as 3000." })
      .int("WEB_PORT must be a port number, such as 3000.")
      .min(1, "WEB_PORT must be a port number, such as 3000.")
      .max(65535, "WEB_PORT must be a port number, such as 3000.")
      .default(3000),
    /** The web app's public URL: sign-in links point here. */
    NEXTAUTH_URL: httpUrl("NEXTAUTH_URL", "https://lodestone.example.org")
      .optional()
      .transform((url) => url?.replace(/\/+$/, "")),
    NEXTAUTH_SECRET: z
      .string()
      .min(32, "NEXTAUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`).")
      .optional(),
    LODESTONE_INTERNAL_SECRET: z
      .string()
      .min(32, "LODESTONE_INTERNAL_SECRET must be at least 32 characters (the same value as the API's).")
      .optional(),
    LODESTONE_SECRETS_FILE: optionalText,
    OIDC_ISSUER: httpUrl("OIDC_ISSUER", "https://sso.example.gov/realms/lodestone").optional(),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: optionalText,
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    const set = oidc.filter(Boolean).length;
    if (set !== 0 && set !== oidc.length) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message:
          "Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (set all three, or none).",
      });
    }
  });

export interface OidcEnv {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button; null: a generic, translated label. */
  name: string | null;
}

export interface Env {
  NODE_ENV: "development" | "production" | "test";
  API_URL: string;
  /** The public URL of the web app, without a trailing slash. */
  NEXTAUTH_URL: string;
  /**
   * A real deployment: a production build whose public URL is not this machine's loopback
   * address. Secrets must then come from the environment, and cookies are Secure. A production
   * build on localhost (`pnpm start`, the browser tests) is the local embedded default.
   */
  deployed: boolean;
  oidc: OidcEnv | null;
  /** The secrets, read from the environment or (outside a deployment) the local secrets file. */
  secrets: () => { nextAuthSecret: string; internalSecret: string };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host);
}

function fail(problems: string[]): never {
  throw new Error(`Invalid environment for @lodestone/web:\n${problems.map((p) => `  ✖ ${p}`).join("\n")}`);
}

export function parseEnv(
  source: Record<string, string | undefined>,
  loadLocalSecrets: (file?: string) => {
    nextAuthSecret: string;
    internalSecret: string;
  } = loadOrCreateLocalSecrets,
): Env {
  // An empty variable counts as unset.
  const raw = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, source[key] === "" ? undefined : source[key]]),
  );
  const result = EnvSchema.safeParse(raw);
  if (!result.success) {
    fail(result.error.issues.map((issue) => issue.message));
  }
  const parsed = result.data;
  const publicUrl = parsed.NEXTAUTH_URL ?? `http://localhost:${parsed.WEB_PORT}`;
  const deployed = parsed.NODE_ENV === "production" && !isLoopback(publicUrl);

  // `next build` loads this module too; secrets are a run-time matter, checked when the server starts.
  const building = source.NEXT_PHASE === "phase-production-build";
  if (deployed && !building) {
    const missing = [
      parsed.NEXTAUTH_SECRET ? null : "NEXTAUTH_SECRET is required in production.",
      parsed.LODESTONE_INTERNAL_SECRET
        ? null
        : "LODESTONE_INTERNAL_SECRET is required in production (the same value as the API's).",
      parsed.NEXTAUTH_URL ? null : "NEXTAUTH_URL is required in production (the public https:// address).",
      publicUrl.startsWith("https://")
        ? null
        : "NEXTAUTH_URL must be an https:// address in production (sign-in cookies are Secure).",
    ].filter((p): p is string => p !== null);
    if (missing.length) fail(missing);
  }

  let local: { nextAuthSecret: string; internalSecret: string } | null = null;
  const secrets = () => {
    if (parsed.NEXTAUTH_SECRET && parsed.LODESTONE_INTERNAL_SECRET) {
      return { nextAuthSecret: parsed.NEXTAUTH_SECRET, internalSecret: parsed.LODESTONE_INTERNAL_SECRET };
    }
    local ??= loadLocalSecrets(parsed.LODESTONE_SECRETS_FILE);
    return {
      nextAuthSecret: parsed.NEXTAUTH_SECRET ?? local.nextAuthSecret,
      internalSecret: parsed.LODESTONE_INTERNAL_SECRET ?? local.internalSecret,
    };
  };

  const oidc =
    parsed.OIDC_ISSUER && parsed.OIDC_CLIENT_ID && parsed.OIDC_CLIENT_SECRET
      ? {
          issuer: parsed.OIDC_ISSUER,
          clientId: parsed.OIDC_CLIENT_ID,
          clientSecret: parsed.OIDC_CLIENT_SECRET,
          name: parsed.OIDC_NAME ?? null,
        }
      : null;

  return {
    NODE_ENV: parsed.NODE_ENV,
    API_URL: parsed.API_URL,
    NEXTAUTH_URL: publicUrl,
    deployed,
    oidc,
    secrets,
  };
}

export const env: Env = parseEnv(process.env);

// next-auth v4 reads NEXTAUTH_URL from the environment itself (for the links it mails and its
// redirects): make it see the same value as the rest of the app.
process.env.NEXTAUTH_URL = env.NEXTAUTH_URL;
