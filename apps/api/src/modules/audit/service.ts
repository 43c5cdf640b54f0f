import { listAuditEvents } from "@lodestone/db/repositories/audit-log";
import type { ListAuditQuery } from "@lodestone/domain/audit";
import type { SignedInContext } from "../../context.js";

/** The audit log, newest first, for coordinators and administrators (the router checks the role). */
export function listAudit({ ctx, input }: { ctx: SignedInContext; input: ListAuditQuery }) {
  return listAuditEvents(ctx.db.prisma, input);
}
