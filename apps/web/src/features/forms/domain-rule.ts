import { DomainError } from "@lodestone/domain/errors";
import type { z } from "zod";
import type { OwnErrorKey } from "./field-errors";

/** Where a refusal is shown: on which field, with which message. */
export interface RefusalPlace {
  path: string;
  key: OwnErrorKey;
}

/**
 * A rule of the domain (a `check…` function that throws a `DomainError`) as a refinement of a
 * form's schema: the form refuses exactly what the API refuses, by calling the same rule. The
 * refusal is shown on the field `places` names for the rule's message (the domain's messages are
 * English; the form shows its own words for each), or at `otherwise`.
 */
export function domainRule<T>(
  check: (value: T) => void,
  places: Readonly<Record<string, RefusalPlace>>,
  otherwise: RefusalPlace,
): (value: T, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    try {
      check(value);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const place = places[error.message] ?? otherwise;
      ctx.addIssue({ code: "custom", path: [place.path], message: place.key });
    }
  };
}
