import type { RuleProblem } from "@lodestone/domain/errors";
import type { z } from "zod";
import type { OwnErrorKey } from "./field-errors";

/**
 * A rule of the domain (a `…Problems` function, the list its `check…` refuses with) as a
 * refinement of a form's schema: the form refuses exactly what the API refuses, by calling the same
 * rule. Each problem is shown on the field the domain names, in the form's own words for its
 * reason (`keys` must word every reason the rule can give, so a new reason fails to compile here).
 */
export function domainRule<T, Reason extends string>(
  problems: (value: T) => readonly RuleProblem<string, Reason>[],
  keys: Readonly<Record<Reason, OwnErrorKey>>,
): (value: T, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    for (const problem of problems(value)) {
      ctx.addIssue({ code: "custom", path: [problem.field], message: keys[problem.reason] });
    }
  };
}
