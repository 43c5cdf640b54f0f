import type { ListAuditQuery, AuditEventView } from "@lodestone/domain/audit";
import type { Page } from "@lodestone/domain/page";
import type { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../client.js";
import { likeLiteral } from "./like.js";
import { afterCursor, keysetPage } from "./page.js";

/** One keyset page of the audit log, newest first (`createdAt desc, id desc`, indexed). */
export async function listAuditEvents(tx: Tx, query: ListAuditQuery): Promise<Page<AuditEventView>> {
  const where: Prisma.AuditEventWhereInput = {
    ...(query.action ? { action: { startsWith: likeLiteral(query.action) } } : {}),
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.from || query.to
      ? {
          createdAt: {
            ...(query.from ? { gte: new Date(query.from) } : {}),
            ...(query.to ? { lt: new Date(query.to) } : {}),
          },
        }
      : {}),
  };
  const rows = await tx.auditEvent.findMany({
    where,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      requestId: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...afterCursor(query.cursor),
  });
  return keysetPage(rows, query.limit, (r) => ({
    id: r.id,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    actor: r.actor,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.requestId,
    createdAt: r.createdAt.toISOString(),
  }));
}
