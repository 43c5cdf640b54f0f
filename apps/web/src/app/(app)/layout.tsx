import type { ReactNode } from "react";
import { requireUser } from "@/features/auth/session";
import { LiveEventsProvider } from "@/features/live/live-events";

/**
 * Everything in this group needs a signed-in user. Each page checks again (layouts are not
 * re-rendered on client-side navigation), and the API checks every call. The layout stays while
 * the reader moves between these pages, and so does its one live feed (DESIGN.md §9).
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return <LiveEventsProvider>{children}</LiveEventsProvider>;
}
