import { inTransaction, type Tx } from "@lodestone/db/client";
import { recordEvent } from "@lodestone/db/repositories/events";
import { deleteSessionsOfUser } from "@lodestone/db/repositories/session";
import * as users from "@lodestone/db/repositories/user";
import { DomainError } from "@lodestone/domain/errors";
import type { ChangeRoleInput, InviteUserInput, UpdateProfileInput } from "@lodestone/domain/user";
import { checkAffiliation, type ListUsersQuery, type UserSummary } from "@lodestone/domain/user";
import type { z } from "zod";
import type { UseCase } from "../../context.js";

async function affiliationIds(
  tx: Tx,
  role: UserSummary["role"],
  delegation: string | null,
  organisationId: string | null,
) {
  checkAffiliation(role, delegation, organisationId);
  const delegationId = delegation ? await users.findDelegationIdByCode(tx, delegation) : null;
  if (delegation && !delegationId)
    throw new DomainError("VALIDATION", `There is no delegation ${delegation}.`);
  if (organisationId && !(await users.organisationExists(tx, organisationId))) {
    throw new DomainError("VALIDATION", "That organisation does not exist.");
  }
  return { delegationId, organisationId };
}

async function existing(tx: Tx, userId: string): Promise<UserSummary> {
  const user = await users.getUserSummary(tx, userId);
  if (!user) throw new DomainError("NOT_FOUND", "There is no such user.");
  return user;
}

export function listUsers({ ctx, input }: UseCase<ListUsersQuery>) {
  return users.listUsers(ctx.db.prisma, input);
}

export function getUser({ ctx, input }: UseCase<{ userId: string }>) {
  return existing(ctx.db.prisma, input.userId);
}

/** Creates the account; the web then sends the invitee a sign-in link (the invitation mail). */
export function inviteUser({ ctx, input }: UseCase<z.output<typeof InviteUserInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    if (await users.findUserIdByEmail(tx, input.email)) {
      throw new DomainError("CONFLICT", `There is already a user with the address ${input.email}.`);
    }
    const ids = await affiliationIds(tx, input.role, input.delegation, input.organisationId);
    const created = await users.createUser(tx, {
      name: input.name,
      email: input.email,
      role: input.role,
      locale: input.locale,
      timeZone: input.timeZone,
      ...ids,
    });
    await recordEvent(tx, {
      type: "user.invited",
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      subject: { type: "User", id: created.id },
      projectId: null,
      data: {},
      audit: { after: created },
    });
    return created;
  });
}

export function changeRole({ ctx, input }: UseCase<z.output<typeof ChangeRoleInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const before = await existing(tx, input.userId);
    if (input.userId === ctx.user.id && input.role !== "ADMIN") {
      throw new DomainError("VALIDATION", "You cannot remove your own administrator role.");
    }
    const ids = await affiliationIds(tx, input.role, input.delegation, input.organisationId);
    const after = await users.updateUser(tx, input.userId, { role: input.role, ...ids });
    await recordEvent(tx, {
      type: "user.role_changed",
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      subject: { type: "User", id: input.userId },
      projectId: null,
      data: {},
      audit: { before, after },
    });
    return after;
  });
}

/** Deactivates a user and ends their sessions at once. */
export function deactivateUser({ ctx, input }: UseCase<{ userId: string }>) {
  return inTransaction(ctx.db, async (tx) => {
    const before = await existing(tx, input.userId);
    if (input.userId === ctx.user.id) throw new DomainError("VALIDATION", "You cannot deactivate yourself.");
    if (!before.active) throw new DomainError("CONFLICT", `${before.name} is already deactivated.`);
    const after = await users.updateUser(tx, input.userId, { deactivatedAt: ctx.now() });
    const sessionsEnded = await deleteSessionsOfUser(tx, input.userId);
    await recordEvent(tx, {
      type: "user.deactivated",
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      subject: { type: "User", id: input.userId },
      projectId: null,
      data: {},
      audit: { before, after: { ...after, sessionsEnded } },
    });
    return after;
  });
}

export function reactivateUser({ ctx, input }: UseCase<{ userId: string }>) {
  return inTransaction(ctx.db, async (tx) => {
    const before = await existing(tx, input.userId);
    if (before.active) throw new DomainError("CONFLICT", `${before.name} is already active.`);
    const after = await users.updateUser(tx, input.userId, { deactivatedAt: null });
    await recordEvent(tx, {
      type: "user.reactivated",
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      subject: { type: "User", id: input.userId },
      projectId: null,
      data: {},
      audit: { before, after },
    });
    return after;
  });
}

/** The caller's own language, time zone and name. */
export function updateProfile({
  ctx,
  input,
}: UseCase<z.output<typeof UpdateProfileInput>>): Promise<UserSummary> {
  return inTransaction(ctx.db, async (tx) => {
    const before = await existing(tx, ctx.user.id);
    const after = await users.updateUser(tx, ctx.user.id, input);
    await recordEvent(tx, {
      type: "user.profile_updated",
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      subject: { type: "User", id: ctx.user.id },
      projectId: null,
      data: {},
      audit: {
        before: { name: before.name, locale: before.locale, timeZone: before.timeZone },
        after: { name: after.name, locale: after.locale, timeZone: after.timeZone },
      },
    });
    return after;
  });
}
