import type { AuditAction, AuditEntityType } from "@lodestone/domain/audit";
import type { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../client.js";

export interface AuditRecord {
  actorId: string | null;
  action: AuditAction;
  /** One of the domain's entity types: the audit log's filter and labels know only these. */
  entityType: AuditEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

const json = (value: unknown) =>
  value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Appends one audit event; call it inside the use-case's transaction. */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: json(record.before),
      after: json(record.after),
      requestId: record.requestId ?? null,
    },
    select: { id: true },
  });
}
