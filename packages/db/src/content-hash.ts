import { createHash } from "node:crypto";
import { canonicalJson } from "@lodestone/domain/project-content";

/** SHA-256 (hex) of the canonical JSON of a revision's content: what `Revision.contentHash` holds. */
export function revisionContentHash(content: unknown): string {
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}
