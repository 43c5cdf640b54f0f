"use client";

import type { EventType, LiveEvent } from "@lodestone/domain/events";
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  createContext,
  useContext,
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { useTRPC } from "@/trpc/react";
import { createFeedTracker } from "./feed-tracker";
import { liveQueryFilters, liveRefreshFor } from "./live-refresh";
import { useLiveStatusActions, type LiveConnection } from "./live-status";

/** Which events a component wants: of one project, of some types (absent: any). */
export interface LiveEventFilter {
  projectId?: string;
  types?: readonly EventType[];
}

interface Listener {
  projectId: string | null;
  types: ReadonlySet<string> | null;
  onEvent: (event: LiveEvent) => void;
}

const ListenersContext = createContext<{ listen: (listener: Listener) => () => void } | null>(null);

/**
 * The page's one live feed (`live.events`, every project the reader may see), for the signed-in
 * pages. Each event goes to the components that asked for it (useLiveEvents), and the queries it
 * changes are read again (the API applies its rules to them). The SSE link reconnects by itself
 * and resumes after the last event it got; when the feed starts afresh instead (nothing received
 * before the drop, or it failed or the server ended it and it is subscribed again), what happened
 * meanwhile is unknown, so every live query is read again.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("live");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { setConnection, announce } = useLiveStatusActions();
  const [listeners] = useState(() => new Set<Listener>());
  const [registry] = useState(() => ({
    listen(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  }));
  const [feed] = useState(createFeedTracker);

  const subscription = useSubscription(
    trpc.live.events.subscriptionOptions(
      {},
      {
        onStarted: () => {
          if (!feed.started()) return;
          for (const filter of liveQueryFilters(trpc)) void queryClient.invalidateQueries(filter);
          router.refresh();
        },
        onData: ({ id, data: event }) => {
          feed.received(id);
          // The components first: the discussion sets a new comment aside before its list is read.
          for (const listener of listeners) {
            if (listener.projectId !== null && listener.projectId !== event.projectId) continue;
            if (listener.types !== null && !listener.types.has(event.type)) continue;
            listener.onEvent(event);
          }
          const refresh = liveRefreshFor(event, trpc);
          for (const filter of refresh.refetch) void queryClient.invalidateQueries(filter);
          for (const filter of refresh.stale) {
            void queryClient.invalidateQueries({ ...filter, refetchType: "none" });
          }
        },
      },
    ),
  );

  const { status, error, reset } = subscription;
  const [wasLive, setWasLive] = useState(false);
  if (status === "pending" && !wasLive) setWasLive(true);
  // The link reconnects a dropped connection by itself, but not a feed that failed (refused, or
  // the web or the API unreachable) nor one the server ended (an API instance shutting down).
  const ended = status === "error" || (status === "idle" && wasLive);
  const connection: LiveConnection =
    status === "pending"
      ? "live"
      : ended || (status === "connecting" && (wasLive || error !== null))
        ? "paused"
        : status === "idle"
          ? "off"
          : "connecting";

  const previous = useRef<LiveConnection>("off");
  useEffect(() => {
    setConnection(connection);
    if (previous.current === "paused" && connection === "live") announce(t("resumed"));
    previous.current = connection;
  }, [connection, setConnection, announce, t]);
  useEffect(() => () => setConnection("off"), [setConnection]);

  // Subscribe again, afresh, after a wait that grows while the feed keeps ending. Refused because
  // the session ended (signed out elsewhere): the page's reads hear it too, and send the reader to
  // sign in.
  const refused = ended && error?.data?.code === "UNAUTHORIZED";
  useEffect(() => {
    if (!ended) return;
    if (refused) void queryClient.refetchQueries({ type: "active" });
    const timer = setTimeout(reset, feed.ended());
    return () => clearTimeout(timer);
  }, [ended, refused, reset, feed, queryClient]);

  return <ListenersContext value={registry}>{children}</ListenersContext>;
}

/**
 * Calls `onEvent` for each live event that matches `filter`, while the component is mounted (the
 * latest `onEvent`, without subscribing again). Outside LiveEventsProvider it does nothing.
 */
export function useLiveEvents(filter: LiveEventFilter, onEvent: (event: LiveEvent) => void): void {
  const registry = useContext(ListenersContext);
  const handle = useEffectEvent(onEvent);
  const projectId = filter.projectId ?? null;
  const types = filter.types ? [...filter.types].sort().join(" ") : null;
  useEffect(() => {
    if (!registry) return;
    return registry.listen({
      projectId,
      types: types === null ? null : new Set(types.split(" ")),
      onEvent: (event) => handle(event),
    });
  }, [registry, projectId, types]);
}
