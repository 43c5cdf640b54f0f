import type { AppRouter } from "@lodestone/api/router";
import type { LiveEvent } from "@lodestone/domain/events";
import { TRPCClientError, type Operation, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { answeringLink } from "./answering-link";

interface FeedObserver {
  next: (envelope: { result: unknown }) => void;
  error: (error: TRPCClientError<AppRouter>) => void;
  complete: () => void;
}

/**
 * The live feed (`live.events`) for component tests, driven by the test as the SSE link would
 * report it: events with their positions, a dropped connection, reconnecting, failing, the server
 * ending it. Every other call is answered by `respond`, as answeringLink does.
 */
export function fakeLiveFeed() {
  const subscribers = new Set<FeedObserver>();
  /** How many times the feed was subscribed to (a fresh subscription after a failure counts again). */
  let subscriptions = 0;
  let position = 0;
  /** While set, every new subscription is refused at once with this code. */
  let refusing: "NOT_FOUND" | "UNAUTHORIZED" | null = null;
  const refusal = (code?: "NOT_FOUND" | "UNAUTHORIZED") =>
    code
      ? TRPCClientError.from<AppRouter>({
          error: {
            code: -32001,
            message: "Refused",
            data: { code, httpStatus: code === "NOT_FOUND" ? 404 : 401 },
          },
        })
      : new TRPCClientError<AppRouter>("The connection failed");
  const each = (f: (observer: FeedObserver) => void) => {
    for (const observer of [...subscribers]) f(observer);
  };

  return {
    link(respond: (op: Operation) => unknown): TRPCLink<AppRouter> {
      const answering = answeringLink(respond);
      return (runtime) => {
        const answer = answering(runtime);
        return (options) => {
          if (options.op.type !== "subscription") return answer(options);
          return observable((observer) => {
            const subscriber = observer as unknown as FeedObserver;
            subscriptions += 1;
            if (refusing) {
              subscriber.error(refusal(refusing));
              return () => {};
            }
            subscribers.add(subscriber);
            subscriber.next({ result: { type: "started" } });
            return () => void subscribers.delete(subscriber);
          });
        };
      };
    },
    subscriptions: () => subscriptions,
    /** From now on, refuse every new subscription with `code` (null: accept them again). */
    refuse(code: "NOT_FOUND" | "UNAUTHORIZED" | null) {
      refusing = code;
    },
    /** An event, as the server sends it: with the next position as its id. */
    emit(event: LiveEvent) {
      position += 1;
      const id = String(position);
      each((o) => o.next({ result: { id, data: { id, data: event } } }));
    },
    /** The connection dropped; the link is reconnecting by itself. */
    drop() {
      each((o) =>
        o.next({
          result: { type: "state", state: "connecting", error: new TRPCClientError("Connection lost") },
        }),
      );
    },
    /** The link's connection is back. */
    reconnect() {
      each((o) => {
        o.next({ result: { type: "started" } });
        o.next({ result: { type: "state", state: "pending", error: null } });
      });
    },
    /** The feed failed for good (the link does not retry it), refused with `code` or unreachable. */
    fail(code?: "NOT_FOUND" | "UNAUTHORIZED") {
      const error = refusal(code);
      each((o) => {
        subscribers.delete(o);
        o.error(error);
      });
    },
  };
}
