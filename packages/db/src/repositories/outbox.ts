import type { Tx } from "../client.js";
import { afterCursor, keysetPage } from "./page.js";
import type { Page } from "@lodestone/domain/page";

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}

export async function addOutboxMail(
  tx: Tx,
  mail: { to: string; subject: string; text: string; html?: string | null; headers?: Record<string, string> },
): Promise<void> {
  await tx.outboxMail.create({
    data: {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      ...(mail.headers ? { headers: mail.headers } : {}),
    },
    select: { id: true },
  });
}

/** Newest first, one keyset page. */
export async function listOutboxMails(
  tx: Tx,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<OutboxMail>> {
  const rows = await tx.outboxMail.findMany({
    select: { id: true, to: true, subject: true, text: true, html: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...afterCursor(query.cursor),
  });
  return keysetPage(rows, query.limit, (r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
  }));
}
