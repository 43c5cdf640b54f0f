/** Runs once when the Next.js server starts: refuse to start with a clear message on a bad environment. */
export async function register() {
  await import("./env");
}
