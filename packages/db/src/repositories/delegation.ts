import type { DelegationSummary } from "@lodestone/domain/user";
import type { DelegationKind } from "@lodestone/domain/enums";
import type { Tx } from "../client.js";

const select = {
  id: true,
  code: true,
  nameEn: true,
  nameJa: true,
  kind: true,
  _count: { select: { users: true } },
} as const;

type Row = {
  id: string;
  code: string;
  nameEn: string;
  nameJa: string;
  kind: DelegationKind;
  _count: { users: number };
};

const toSummary = ({ _count, ...d }: Row): DelegationSummary => ({ ...d, userCount: _count.users });

/** Every delegation (a short list: one per country), founding first, then by code. */
export async function listDelegations(tx: Tx): Promise<DelegationSummary[]> {
  const rows = await tx.delegation.findMany({ select, orderBy: [{ kind: "asc" }, { code: "asc" }] });
  return rows.map(toSummary);
}

export async function getDelegation(tx: Tx, id: string): Promise<DelegationSummary | null> {
  const row = await tx.delegation.findUnique({ where: { id }, select });
  return row ? toSummary(row) : null;
}

export interface DelegationFields {
  code: string;
  nameEn: string;
  nameJa: string;
  kind: DelegationKind;
}

export async function createDelegation(tx: Tx, data: DelegationFields): Promise<DelegationSummary> {
  return toSummary(await tx.delegation.create({ data, select }));
}

export async function updateDelegation(
  tx: Tx,
  id: string,
  data: DelegationFields,
): Promise<DelegationSummary> {
  return toSummary(await tx.delegation.update({ where: { id }, data, select }));
}

export interface OrganisationOption {
  id: string;
  name: string;
  countryCode: string;
}

export async function listOrganisations(tx: Tx): Promise<OrganisationOption[]> {
  return tx.organisation.findMany({
    select: { id: true, name: true, countryCode: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
