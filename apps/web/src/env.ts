import { z } from "zod";

/**
 * The web app's environment, validated once. No other file reads `process.env`.
 * Read on the server only (the route handler that forwards `/trpc`); never import it from a
 * client component.
 */
const EnvSchema = z.object({
  API_URL: z
    .url({ protocol: /^https?$/, error: "API_URL must be an http(s) URL, such as http://127.0.0.1:4000." })
    .default("http://127.0.0.1:4000")
    .transform((url) => url.replace(/\/+$/, "")),
});

type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse({ API_URL: source.API_URL || undefined });
  if (!result.success) {
    throw new Error(`Invalid environment for @lodestone/web:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
