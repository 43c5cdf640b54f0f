import { env } from "@/env";
import { outboxAllowed, requestPeer } from "@/features/security/request-peer";
import { serverApi, trpcCodeOf } from "@/trpc/server";

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}

export type OutboxResult =
  | { status: "on"; items: OutboxMail[] }
  /**
   * There is no outbox for this request: SMTP is configured, the API or the web is in production,
   * or the request did not come from this machine.
   */
  | { status: "off" }
  | { status: "error"; message: string };

/**
 * The newest mails of the API's development outbox (no sign-in needed), for a request whose own
 * TCP peer is this machine, outside a deployment. The API checks its own peer (this server) too.
 */
export async function readOutbox(limit: number): Promise<OutboxResult> {
  if (!outboxAllowed(requestPeer(), env.deployed)) return { status: "off" };
  try {
    const api = await serverApi();
    const page = await api.dev.outbox.query({ limit });
    return { status: "on", items: page.items };
  } catch (error) {
    if (trpcCodeOf(error) === "NOT_FOUND") return { status: "off" };
    return { status: "error", message: error instanceof Error ? error.message : String(error) };
  }
}
