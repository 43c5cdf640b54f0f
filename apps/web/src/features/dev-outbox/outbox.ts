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
  /** SMTP is configured or this is production: there is no outbox. */
  | { status: "off" }
  | { status: "error"; message: string };

/** The newest mails of the API's development outbox (no sign-in needed). */
export async function readOutbox(limit: number): Promise<OutboxResult> {
  try {
    const api = await serverApi();
    const page = await api.dev.outbox.query({ limit });
    return { status: "on", items: page.items };
  } catch (error) {
    if (trpcCodeOf(error) === "NOT_FOUND") return { status: "off" };
    return { status: "error", message: error instanceof Error ? error.message : String(error) };
  }
}
