import { listOutboxMails } from "@lodestone/db/repositories/outbox";
import type { Context } from "../../context.js";

export function outbox({
  ctx,
  input,
}: {
  ctx: Context;
  input: { cursor?: string | undefined; limit: number };
}) {
  return listOutboxMails(ctx.db.prisma, input);
}
