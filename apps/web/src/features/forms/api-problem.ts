import { TRPCClientError } from "@trpc/client";

/** What a form needs to know about a refused or failed request. */
export interface ApiProblem {
  /** tRPC code: BAD_REQUEST, CONFLICT, FORBIDDEN, UNAUTHORIZED, …; null when the API was not reached. */
  code: string | null;
  /** The server's own words (English). */
  message: string;
  /** Per-field messages for invalid input (zod, flattened), or null. */
  fieldErrors: Record<string, string[] | undefined> | null;
}

export function toApiProblem(error: unknown): ApiProblem {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: unknown; fieldErrors?: unknown } | undefined;
    const fieldErrors =
      data?.fieldErrors && typeof data.fieldErrors === "object"
        ? (data.fieldErrors as Record<string, string[] | undefined>)
        : null;
    return {
      code: typeof data?.code === "string" ? data.code : null,
      message: error.message,
      fieldErrors: fieldErrors && Object.keys(fieldErrors).length ? fieldErrors : null,
    };
  }
  if (error instanceof Error) return { code: null, message: error.message, fieldErrors: null };
  return { code: null, message: String(error), fieldErrors: null };
}

/**
 * Puts the server's field errors on the form's own fields (the form shows them translated),
 * focusing the first unless `focus` is false. True when any field was marked; otherwise the
 * caller shows the problem as a whole.
 */
export function markServerFieldErrors<F extends string>(
  problem: ApiProblem,
  fields: readonly F[],
  setError: (field: F, options: { shouldFocus: boolean }) => void,
  focus = true,
): boolean {
  let placed = false;
  for (const field of fields) {
    if (problem.fieldErrors?.[field]?.length) {
      setError(field, { shouldFocus: focus && !placed });
      placed = true;
    }
  }
  return placed;
}
