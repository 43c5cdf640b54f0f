import type { AppRouter } from "@lodestone/api/router";
import { TRPCClientError, type Operation, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";

/**
 * A tRPC link for component tests that answers each call with `respond(op)`: its return value is
 * the call's data; an Error it throws is the call's error, as the server's would be.
 */
export function answeringLink(respond: (op: Operation) => unknown): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        try {
          observer.next({ result: { type: "data", data: respond(op) } });
          observer.complete();
        } catch (error) {
          observer.error(TRPCClientError.from(error as Error));
        }
      });
}
