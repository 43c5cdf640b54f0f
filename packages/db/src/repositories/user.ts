import type { Locale, Role } from "@lodestone/domain/enums";
import type { ListUsersQuery, UserSummary } from "@lodestone/domain/user";
import type { Page } from "@lodestone/domain/page";
import type { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../client.js";
import { likeLiteral } from "./like.js";
import { afterCursor, keysetPage } from "./page.js";

const summarySelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  locale: true,
  timeZone: true,
  deactivatedAt: true,
  createdAt: true,
  delegation: { select: { code: true } },
  organisation: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;

type SummaryRow = Prisma.UserGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): UserSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    delegation: row.delegation?.code ?? null,
    organisation: row.organisation,
    locale: row.locale,
    timeZone: row.timeZone,
    active: row.deactivatedAt === null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function getUserSummary(tx: Tx, id: string): Promise<UserSummary | null> {
  const row = await tx.user.findUnique({ where: { id }, select: summarySelect });
  return row ? toSummary(row) : null;
}

export async function findUserIdByEmail(tx: Tx, email: string): Promise<string | null> {
  const row = await tx.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  return row?.id ?? null;
}

/** Users by name then id, one keyset page; `q` matches name or email (trigram index on name). */
export async function listUsers(tx: Tx, query: ListUsersQuery): Promise<Page<UserSummary>> {
  // `contains` is a LIKE pattern: "%" and "_" in the search are the characters, not wildcards.
  const q = query.q ? likeLiteral(query.q.toLowerCase()) : undefined;
  const rows = await tx.user.findMany({
    where: {
      ...(query.role ? { role: query.role } : {}),
      ...(query.includeDeactivated ? {} : { deactivatedAt: null }),
      ...(q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { email: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    select: summarySelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    ...afterCursor(query.cursor),
  });
  return keysetPage(rows, query.limit, toSummary);
}

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  delegationId: string | null;
  organisationId: string | null;
  locale: Locale;
  timeZone: string;
}

export async function createUser(tx: Tx, user: NewUser): Promise<UserSummary> {
  const row = await tx.user.create({ data: user, select: summarySelect });
  return toSummary(row);
}

export async function updateUser(
  tx: Tx,
  id: string,
  data: Partial<
    Pick<NewUser, "name" | "role" | "delegationId" | "organisationId" | "locale" | "timeZone">
  > & {
    deactivatedAt?: Date | null;
  },
): Promise<UserSummary> {
  const row = await tx.user.update({ where: { id }, data, select: summarySelect });
  return toSummary(row);
}

export async function findDelegationIdByCode(tx: Tx, code: string): Promise<string | null> {
  const row = await tx.delegation.findUnique({ where: { code }, select: { id: true } });
  return row?.id ?? null;
}

export async function organisationExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.organisation.count({ where: { id } })) > 0;
}
