import type { Balances, FundingBucket, Instrument, LedgerEntryKind } from "@lodestone/domain/funding";
import type { FinancierKind } from "@lodestone/domain/vocabulary";
import type { ProjectStatus } from "@lodestone/domain/enums";
import type { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../client.js";

// The funding ledger (DESIGN.md §12): financiers, facilities with their balances, ledger entries
// and programmes. A facility's balances change only with an entry, both written under the
// facility's row lock.

export interface Financier {
  id: string;
  name: string;
  nameJa: string | null;
  kind: FinancierKind;
  delegation: string | null;
}

const financierSelect = {
  id: true,
  name: true,
  nameJa: true,
  financierKind: true,
  financierDelegation: { select: { code: true } },
} satisfies Prisma.OrganisationSelect;

const toFinancier = (o: Prisma.OrganisationGetPayload<{ select: typeof financierSelect }>): Financier => ({
  id: o.id,
  name: o.name,
  nameJa: o.nameJa,
  kind: o.financierKind!,
  delegation: o.financierDelegation?.code ?? null,
});

export async function listFinanciers(tx: Tx): Promise<Financier[]> {
  const rows = await tx.organisation.findMany({
    where: { financierKind: { not: null } },
    orderBy: { name: "asc" },
    select: financierSelect,
  });
  return rows.map(toFinancier);
}

export async function getFinancier(tx: Tx, id: string): Promise<Financier | null> {
  const o = await tx.organisation.findFirst({
    where: { id, financierKind: { not: null } },
    select: financierSelect,
  });
  return o ? toFinancier(o) : null;
}

export interface Programme {
  id: string;
  nameEn: string;
  nameJa: string;
  delegation: string;
  amountUsd: number;
  /** YYYY-MM-DD */
  deadline: string;
  fundingDueDays: number | null;
}

export async function listProgrammes(tx: Tx): Promise<Programme[]> {
  const rows = await tx.fundingProgramme.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      nameEn: true,
      nameJa: true,
      amountUsd: true,
      deadline: true,
      fundingDueDays: true,
      delegation: { select: { code: true } },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    nameEn: p.nameEn,
    nameJa: p.nameJa,
    delegation: p.delegation.code,
    amountUsd: Number(p.amountUsd),
    deadline: p.deadline.toISOString().slice(0, 10),
    fundingDueDays: p.fundingDueDays,
  }));
}

export async function programmeExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.fundingProgramme.count({ where: { id } })) > 0;
}

const facilitySelect = {
  id: true,
  projectId: true,
  instrument: true,
  currency: true,
  confidential: true,
  programmeId: true,
  recordedById: true,
  pledged: true,
  approved: true,
  committed: true,
  disbursed: true,
  repaid: true,
  cancelled: true,
  usdRate: true,
  rateDate: true,
  entryCount: true,
  createdAt: true,
  financier: { select: financierSelect },
  project: {
    select: {
      reference: true,
      titleEn: true,
      titleJa: true,
      status: true,
      organisationId: true,
      submittedAt: true,
      capexUsd: true,
      decisions: {
        where: { outcome: "APPROVED" },
        orderBy: { recordedAt: "desc" },
        take: 1,
        select: { recordedAt: true },
      },
    },
  },
} satisfies Prisma.FundingFacilitySelect;

type FacilitySelected = Prisma.FundingFacilityGetPayload<{ select: typeof facilitySelect }>;

export interface FacilityRow {
  id: string;
  projectId: string;
  project: {
    reference: string;
    titleEn: string;
    titleJa: string;
    status: ProjectStatus;
    organisationId: string;
    submittedAt: Date | null;
    capexUsd: number;
    /** When it was selected: its approving decision was recorded. */
    selectedAt: Date | null;
  };
  financier: Financier;
  instrument: Instrument;
  currency: string;
  confidential: boolean;
  programmeId: string | null;
  recordedById: string;
  balances: Balances;
  usdRate: number;
  rateDate: string;
  entryCount: number;
  createdAt: Date;
}

function toFacility(f: FacilitySelected): FacilityRow {
  return {
    id: f.id,
    projectId: f.projectId,
    project: {
      reference: f.project.reference,
      titleEn: f.project.titleEn,
      titleJa: f.project.titleJa,
      status: f.project.status,
      organisationId: f.project.organisationId,
      submittedAt: f.project.submittedAt,
      capexUsd: Number(f.project.capexUsd),
      selectedAt: f.project.decisions[0]?.recordedAt ?? null,
    },
    financier: toFinancier(f.financier),
    instrument: f.instrument,
    currency: f.currency,
    confidential: f.confidential,
    programmeId: f.programmeId,
    recordedById: f.recordedById,
    balances: {
      PLEDGED: Number(f.pledged),
      APPROVED: Number(f.approved),
      COMMITTED: Number(f.committed),
      DISBURSED: Number(f.disbursed),
      REPAID: Number(f.repaid),
      CANCELLED: Number(f.cancelled),
    },
    usdRate: Number(f.usdRate),
    rateDate: f.rateDate.toISOString().slice(0, 10),
    entryCount: f.entryCount,
    createdAt: f.createdAt,
  };
}

/** Facilities of one project, or of every project (the totals and the exports filter them by who may see each). */
export async function listFacilities(tx: Tx, where: { projectId?: string } = {}): Promise<FacilityRow[]> {
  const rows = await tx.fundingFacility.findMany({
    where: where.projectId ? { projectId: where.projectId } : {},
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: facilitySelect,
  });
  return rows.map(toFacility);
}

/** One facility; under a row lock when `lock` (every entry takes it first, so balances move one at a time). */
export async function getFacility(tx: Tx, id: string, lock = false): Promise<FacilityRow | null> {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "FundingFacility" WHERE id = ${id}::uuid FOR UPDATE`;
  const f = await tx.fundingFacility.findUnique({ where: { id }, select: facilitySelect });
  return f ? toFacility(f) : null;
}

export async function createFacility(
  tx: Tx,
  f: {
    projectId: string;
    financierId: string;
    instrument: Instrument;
    currency: string;
    confidential: boolean;
    programmeId: string | null;
    recordedById: string;
    usdRate: number;
    rateDate: string;
  },
): Promise<string> {
  const row = await tx.fundingFacility.create({
    data: { ...f, rateDate: new Date(`${f.rateDate}T00:00:00Z`) },
    select: { id: true },
  });
  return row.id;
}

export interface NewEntry {
  kind: LedgerEntryKind;
  bucket: FundingBucket | null;
  amount: number;
  usdRate: number;
  rateDate: string;
  usdAmount: number;
  date: string;
  documentVersionId: string | null;
  reason: string;
  recordedById: string;
}

/** Appends an entry and the balances it leads to (the facility must be locked by the caller). */
export async function appendEntry(
  tx: Tx,
  facilityId: string,
  sequence: number,
  entry: NewEntry,
  balances: Balances,
): Promise<string> {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const row = await tx.fundingEntry.create({
    data: {
      facilityId,
      sequence,
      kind: entry.kind,
      bucket: entry.bucket,
      amount: BigInt(entry.amount),
      usdRate: entry.usdRate,
      rateDate: day(entry.rateDate),
      usdAmount: BigInt(entry.usdAmount),
      date: day(entry.date),
      documentVersionId: entry.documentVersionId,
      reason: entry.reason,
      recordedById: entry.recordedById,
    },
    select: { id: true },
  });
  await tx.fundingFacility.update({
    where: { id: facilityId },
    data: {
      pledged: BigInt(balances.PLEDGED),
      approved: BigInt(balances.APPROVED),
      committed: BigInt(balances.COMMITTED),
      disbursed: BigInt(balances.DISBURSED),
      repaid: BigInt(balances.REPAID),
      cancelled: BigInt(balances.CANCELLED),
      usdRate: entry.usdRate,
      rateDate: day(entry.rateDate),
      entryCount: sequence,
    },
  });
  return row.id;
}

export interface EntryRow {
  id: string;
  facilityId: string;
  sequence: number;
  kind: LedgerEntryKind;
  bucket: FundingBucket | null;
  amount: number;
  usdRate: number;
  rateDate: string;
  usdAmount: number;
  date: string;
  document: {
    id: string;
    titleEn: string;
    titleJa: string;
    versionId: string;
    access: {
      classification: "PROJECT" | "GOVERNMENTS" | "NAMED_DELEGATIONS" | "ORGANISATION";
      delegations: string[];
      organisationId: string | null;
      uploadedById: string;
    };
  } | null;
  reason: string;
  recordedBy: { id: string; name: string };
  createdAt: Date;
}

/** The entries of some facilities, oldest first. */
export async function entriesOf(tx: Tx, facilityIds: readonly string[]): Promise<EntryRow[]> {
  if (facilityIds.length === 0) return [];
  const rows = await tx.fundingEntry.findMany({
    where: { facilityId: { in: [...facilityIds] } },
    orderBy: [{ facilityId: "asc" }, { sequence: "asc" }],
    select: {
      id: true,
      facilityId: true,
      sequence: true,
      kind: true,
      bucket: true,
      amount: true,
      usdRate: true,
      rateDate: true,
      usdAmount: true,
      date: true,
      reason: true,
      createdAt: true,
      documentVersionId: true,
      documentVersion: {
        select: {
          document: {
            select: {
              id: true,
              titleEn: true,
              titleJa: true,
              classification: true,
              delegations: true,
              organisationId: true,
              createdById: true,
            },
          },
        },
      },
      recordedBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((e) => ({
    id: e.id,
    facilityId: e.facilityId,
    sequence: e.sequence,
    kind: e.kind,
    bucket: e.bucket,
    amount: Number(e.amount),
    usdRate: Number(e.usdRate),
    rateDate: e.rateDate.toISOString().slice(0, 10),
    usdAmount: Number(e.usdAmount),
    date: e.date.toISOString().slice(0, 10),
    document:
      e.documentVersion && e.documentVersionId
        ? {
            id: e.documentVersion.document.id,
            titleEn: e.documentVersion.document.titleEn,
            titleJa: e.documentVersion.document.titleJa,
            versionId: e.documentVersionId,
            access: {
              classification: e.documentVersion.document.classification,
              delegations: e.documentVersion.document.delegations,
              organisationId: e.documentVersion.document.organisationId,
              uploadedById: e.documentVersion.document.createdById,
            },
          }
        : null,
    reason: e.reason,
    recordedBy: e.recordedBy,
    createdAt: e.createdAt,
  }));
}

export async function capexOf(tx: Tx, projectId: string): Promise<number> {
  const p = await tx.project.findUnique({ where: { id: projectId }, select: { capexUsd: true } });
  return Number(p?.capexUsd ?? 0);
}
