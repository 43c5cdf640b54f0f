export const DOMAIN_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "CONFLICT",
  "INVALID_STATE",
  "VALIDATION",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * A rule of the domain said no. The API maps each code to one tRPC error in exactly one place;
 * `message` is written for the person who sees it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/**
 * One thing a rule refuses: the field it is about, a stable reason (the web words each reason in
 * both languages) and the message the API answers with.
 */
export interface RuleProblem<Field extends string = string, Reason extends string = string> {
  field: Field;
  reason: Reason;
  message: string;
}

/** Refuses with the first of `problems` as a VALIDATION error (the API's answer); nothing when there are none. */
export function refuseFirst(problems: readonly RuleProblem[]): void {
  const [first] = problems;
  if (first) throw new DomainError("VALIDATION", first.message);
}
