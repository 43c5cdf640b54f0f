import { inTransaction } from "@lodestone/db/client";
import { recordEvent } from "@lodestone/db/repositories/events";
import * as delegations from "@lodestone/db/repositories/delegation";
import { DomainError } from "@lodestone/domain/errors";
import type { DelegationInput, UpdateDelegationInput } from "@lodestone/domain/user";
import type { z } from "zod";
import type { SignedInContext, UseCase } from "../../context.js";

export function listDelegations({ ctx }: { ctx: SignedInContext }) {
  return delegations.listDelegations(ctx.db.prisma);
}

export function listOrganisations({ ctx }: { ctx: SignedInContext }) {
  return delegations.listOrganisations(ctx.db.prisma);
}

export function createDelegation({ ctx, input }: UseCase<z.output<typeof DelegationInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const created = await delegations.createDelegation(tx, input);
    await recordEvent(tx, {
      type: "delegation.created",
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      subject: { type: "Delegation", id: created.id },
      projectId: null,
      data: {},
      audit: { after: created },
    });
    return created;
  });
}

export function updateDelegation({ ctx, input }: UseCase<z.output<typeof UpdateDelegationInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const before = await delegations.getDelegation(tx, input.delegationId);
    if (!before) throw new DomainError("NOT_FOUND", "There is no such delegation.");
    const { delegationId, ...fields } = input;
    const after = await delegations.updateDelegation(tx, delegationId, fields);
    await recordEvent(tx, {
      type: "delegation.updated",
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      subject: { type: "Delegation", id: delegationId },
      projectId: null,
      data: {},
      audit: { before, after },
    });
    return after;
  });
}
