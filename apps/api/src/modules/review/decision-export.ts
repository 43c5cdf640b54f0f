// An exported decision record checked on its own, with no database and no server (what
// `pnpm verify:decision` runs): hash, signature, signing key and arithmetic.
import { canonicalJson, sameJson, sealProblems } from "@lodestone/db/decision-seal";
import {
  DecisionExport,
  recordArithmetic,
  SealedRecord,
  type VerifyProblem,
} from "@lodestone/domain/decision-record";

/** One problem in words (the web says the same in the reader's language). */
export function describeProblem(p: VerifyProblem): string {
  switch (p.kind) {
    case "unsealed":
      return "The decision has no sealed record (it was recorded before records were sealed).";
    case "recordHash":
      return `The record's SHA-256 is ${p.computed}, but ${p.recorded} is stated: the record was changed.`;
    case "signature":
      return "The signature does not verify with the signing key: the record or its signature was changed.";
    case "signingKey":
      return `The record was signed with key ${p.recorded}, not the expected key ${p.expected}.`;
    case "malformed":
      return `The record is not a Lodestone decision record: ${p.detail}`;
    case "contentHash":
      return `The revision's content hashes to ${p.computed}, but the record names ${p.recorded}.`;
    case "storedHash":
      return `The revision's stored hash is ${p.stored}, but the record names ${p.recorded}.`;
    case "field":
      return `The ${p.field} stated beside the record differs from the sealed record.`;
    case "vote":
      return `The vote of ${p.voterId} differs from the sealed record (${p.what}).`;
    case "elector":
      return `Member ${p.voterId} of the electorate differs from the sealed record (${p.what}).`;
    case "voteOutsideElectorate":
      return `A vote by ${p.voterId} is not by a member of the electorate under their delegation.`;
    case "duplicateVote":
      return `${p.voterId} has more than one counted vote.`;
    case "invalidRule":
      return "The record's rule is not a valid decision rule.";
    case "figure":
      return `${p.delegation}: ${p.figure} is recorded as ${String(p.recorded)}, but the votes give ${String(p.recomputed ?? "nothing")}.`;
    case "approved":
      return `The record says the tally ${p.recorded ? "approves" : "does not approve"}; the votes say otherwise.`;
    case "outcomeNotApproved":
      return `The votes approve the project, but the record states ${p.recorded}.`;
    case "approvedWithoutVotes":
      return "The record states APPROVED, but the votes do not approve the project.";
  }
}

/** Every problem of an export (parsed JSON), with the key it was signed with. */
export function checkExport(
  value: unknown,
  expectedFingerprint?: string,
): { problems: VerifyProblem[]; fingerprint: string | null } {
  const exported = DecisionExport.safeParse(value);
  if (!exported.success) {
    const issue = exported.error.issues[0];
    return {
      problems: [{ kind: "malformed", detail: `${issue?.path.join(".") || "file"}: ${issue?.message}` }],
      fingerprint: null,
    };
  }
  const { seal } = exported.data;
  if (!seal) return { problems: [{ kind: "unsealed" }], fingerprint: null };
  const record = SealedRecord.safeParse(seal.record);
  if (!record.success) {
    const issue = record.error.issues[0];
    return {
      problems: [{ kind: "malformed", detail: `seal.record.${issue?.path.join(".")}: ${issue?.message}` }],
      fingerprint: seal.signingKey.fingerprint,
    };
  }
  const sealed = record.data as SealedRecord;
  const problems = [
    ...sealProblems({ ...seal, text: canonicalJson(seal.record) }, expectedFingerprint),
    ...recordArithmetic(sealed),
  ];
  // What the export states beside the seal for people to read must be what was sealed.
  const e = exported.data as Record<string, unknown>;
  if (e.id !== sealed.decisionId) problems.push({ kind: "field", field: "project" });
  if (e.outcome !== sealed.outcome) problems.push({ kind: "field", field: "outcome" });
  if (e.rationale !== sealed.rationale) problems.push({ kind: "field", field: "rationale" });
  if ("delegations" in e && !sameJson(e.delegations, sealed.tallies.delegations)) {
    problems.push({ kind: "field", field: "tallies" });
  }
  return { problems, fingerprint: seal.signingKey.fingerprint };
}
