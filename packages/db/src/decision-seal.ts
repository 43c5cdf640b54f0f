// Canonical JSON, hashing and signing of decision records (DESIGN.md §6): RFC 8785 (JCS) through
// the `canonicalize` library, SHA-256 and Ed25519 from node:crypto. No database: `pnpm
// verify:decision` uses the same functions offline.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from "node:crypto";
import canonicalize from "canonicalize";
import type { DecisionSeal, SealedRecord, VerifyProblem } from "@lodestone/domain/decision-record";

/** The RFC 8785 canonical JSON of a value (throws on values JSON cannot hold, such as lone surrogates). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("canonicalJson: the value has no JSON form.");
  return text;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Whether two JSON values are the same value (key order aside). */
export const sameJson = (a: unknown, b: unknown): boolean =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The deployment's key that signs decision records. */
export interface DecisionSigner {
  /** SHA-256 (hex) of the public key's DER (SubjectPublicKeyInfo). */
  fingerprint: string;
  /** The public key, PEM (SPKI). */
  publicKey: string;
  sign(text: string): string;
}

/** A new Ed25519 private key, PEM (PKCS #8). */
export function generateSigningKey(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex");
}

/** A signer from an Ed25519 private key (PEM, PKCS #8); throws with a clear message otherwise. */
export function createDecisionSigner(privateKeyPem: string): DecisionSigner {
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new Error("The decision signing key is not a private key in PEM (PKCS #8) form.");
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new Error(
      `The decision signing key must be an Ed25519 key (this one is ${key.asymmetricKeyType}).`,
    );
  }
  const publicKey = createPublicKey(key).export({ type: "spki", format: "pem" }).toString();
  return {
    publicKey,
    fingerprint: keyFingerprint(publicKey),
    sign: (text) => sign(null, Buffer.from(text, "utf8"), key).toString("base64"),
  };
}

/** Seals a record: its canonical text (what is stored), SHA-256 and signature. */
export function sealRecord(record: SealedRecord, signer: DecisionSigner) {
  const text = canonicalJson(record);
  return { text, sha256: sha256Hex(text), signature: signer.sign(text), fingerprint: signer.fingerprint };
}

/**
 * Checks a seal's hash and signature: the record's canonical JSON hashes to `sha256`, the signature
 * verifies with the seal's public key, and that key is the one expected (when one is given).
 */
export function sealProblems(
  seal: Pick<DecisionSeal, "sha256" | "signature" | "signingKey"> & { text: string },
  expectedFingerprint?: string,
): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const computed = sha256Hex(seal.text);
  if (computed !== seal.sha256) problems.push({ kind: "recordHash", computed, recorded: seal.sha256 });
  let fingerprint: string | null = null;
  let valid = false;
  try {
    fingerprint = keyFingerprint(seal.signingKey.publicKey);
    valid = verify(
      null,
      Buffer.from(seal.text, "utf8"),
      createPublicKey(seal.signingKey.publicKey),
      Buffer.from(seal.signature, "base64"),
    );
  } catch {
    // Not a public key, or not a signature: it does not verify (valid stays false).
  }
  if (fingerprint !== seal.signingKey.fingerprint) {
    problems.push({
      kind: "signingKey",
      recorded: seal.signingKey.fingerprint,
      expected: fingerprint ?? "—",
    });
  } else if (expectedFingerprint && fingerprint !== expectedFingerprint) {
    problems.push({ kind: "signingKey", recorded: fingerprint, expected: expectedFingerprint });
  }
  if (!valid) problems.push({ kind: "signature" });
  return problems;
}
