import { canonicalJson, sha256Hex } from "./decision-seal.js";

/** SHA-256 (hex) of the canonical JSON (RFC 8785) of a revision's content: what `Revision.contentHash` holds. */
export function revisionContentHash(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}
