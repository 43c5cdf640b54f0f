/**
 * Runs once when the Next.js server starts: refuse to start with a clear message on a bad
 * environment, and read (or create) the secrets now rather than on the first sign-in.
 */
export async function register() {
  // Next's documented runtime switch (replaced at build time): the app runs on Node.js only, and
  // the edge bundle of this file must not pull in node:fs.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./env");
  env.secrets();
}
