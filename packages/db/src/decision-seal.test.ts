import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  createDecisionSigner,
  generateSigningKey,
  keyFingerprint,
  sealProblems,
  sha256Hex,
} from "./decision-seal.js";

describe("canonicalJson (RFC 8785, through the canonicalize library)", () => {
  it("is independent of key order and parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reordered = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse())
            : v,
        ) as unknown;
        expect(canonicalJson(reordered)).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe("sealing", () => {
  const signer = createDecisionSigner(generateSigningKey());
  const text = canonicalJson({ outcome: "APPROVED", rationale: "Both founding delegations approve." });
  const seal = (
    over: Partial<{ text: string; sha256: string; signature: string; publicKey: string }> = {},
  ) => ({
    text: over.text ?? text,
    sha256: over.sha256 ?? sha256Hex(text),
    signature: over.signature ?? signer.sign(text),
    signingKey: {
      algorithm: "Ed25519" as const,
      fingerprint: signer.fingerprint,
      publicKey: over.publicKey ?? signer.publicKey,
    },
  });

  it("verifies what it signed, and names a changed text, hash, signature or key", () => {
    expect(sealProblems(seal())).toEqual([]);
    expect(sealProblems(seal(), signer.fingerprint)).toEqual([]);
    const changed = text.replace("APPROVED", "REJECTED");
    expect(sealProblems(seal({ text: changed })).map((p) => p.kind)).toEqual(["recordHash", "signature"]);
    expect(sealProblems(seal({ text: changed, sha256: sha256Hex(changed) })).map((p) => p.kind)).toEqual([
      "signature",
    ]);
    const other = createDecisionSigner(generateSigningKey());
    // Re-signed with another key and that key put in the export: the key is not the expected one.
    const forged = { ...seal({ signature: other.sign(text), publicKey: other.publicKey }) };
    forged.signingKey.fingerprint = other.fingerprint;
    expect(sealProblems(forged)).toEqual([]);
    expect(sealProblems(forged, signer.fingerprint)).toEqual([
      { kind: "signingKey", recorded: other.fingerprint, expected: signer.fingerprint },
    ]);
    expect(sealProblems(seal({ signature: "AAAA" })).map((p) => p.kind)).toEqual(["signature"]);
  });

  it("fingerprints the public key (SHA-256 of its DER) and refuses keys that are not Ed25519", () => {
    expect(keyFingerprint(signer.publicKey)).toBe(signer.fingerprint);
    expect(signer.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(() => createDecisionSigner("not a key")).toThrow(/PEM/);
  });
});
