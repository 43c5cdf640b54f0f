"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

/**
 * The live feed as the reader should know it: `off` (no feed on this page), `connecting` (the first
 * connection, said nothing about), `live`, or `paused` (the connection dropped or failed, and it is
 * reconnecting by itself).
 */
export type LiveConnection = "off" | "connecting" | "live" | "paused";

/** A short message for screen readers; `id` tells a repeated message from the one before. */
export interface LiveAnnouncement {
  text: string;
  id: number;
}

interface LiveStatusState {
  connection: LiveConnection;
  announcement: LiveAnnouncement | null;
}

interface LiveStatusActions {
  setConnection: (connection: LiveConnection) => void;
  /** Says `text` to screen-reader users, politely (after what they are hearing). */
  announce: (text: string) => void;
}

const StateContext = createContext<LiveStatusState>({ connection: "off", announcement: null });
const ActionsContext = createContext<LiveStatusActions | null>(null);

/**
 * Where the live feed's state and messages meet the header: the feed (LiveEventsProvider, on the
 * signed-in pages) and the pages report here, the header's indicator reads it. The actions are
 * a context of their own, so that announcing does not re-render whoever announces.
 */
export function LiveStatusProvider({ children }: { children: ReactNode }) {
  const [connection, setConnection] = useState<LiveConnection>("off");
  const [announcement, setAnnouncement] = useState<LiveAnnouncement | null>(null);
  const announce = useCallback(
    (text: string) => setAnnouncement((previous) => ({ text, id: (previous?.id ?? 0) + 1 })),
    [],
  );
  const actions = useMemo(() => ({ setConnection, announce }), [announce]);
  const state = useMemo(() => ({ connection, announcement }), [connection, announcement]);
  return (
    <ActionsContext value={actions}>
      <StateContext value={state}>{children}</StateContext>
    </ActionsContext>
  );
}

/** The live feed's state and the latest message, for the indicator. */
export function useLiveStatus(): LiveStatusState {
  return useContext(StateContext);
}

const NO_ACTIONS: LiveStatusActions = { setConnection: () => {}, announce: () => {} };

/** Reports the feed's state and announces messages (does nothing outside the provider). */
export function useLiveStatusActions(): LiveStatusActions {
  return useContext(ActionsContext) ?? NO_ACTIONS;
}
