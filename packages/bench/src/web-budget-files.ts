// Which scripts a route loads first, read from Next's client-reference manifest.
import { runInNewContext } from "node:vm";

/** The root main files plus every script listed for the manifest's entries, once each. */
export function firstLoadFiles(manifestSource: string, rootMainFiles: readonly string[]): string[] {
  const sandbox = { globalThis: {} as Record<string, unknown> };
  runInNewContext(manifestSource.replaceAll("globalThis", "sandbox.globalThis"), { sandbox });
  const manifests = (sandbox.globalThis.__RSC_MANIFEST ?? {}) as Record<
    string,
    { entryJSFiles?: Record<string, string[]> }
  >;
  const files = new Set(rootMainFiles);
  for (const m of Object.values(manifests)) {
    for (const list of Object.values(m.entryJSFiles ?? {})) for (const f of list) files.add(f);
  }
  return [...files];
}
