import { inTransaction, type Tx } from "@lodestone/db/client";
import { recordEvent } from "@lodestone/db/repositories/events";
import * as funding from "@lodestone/db/repositories/funding";
import { versionOfProject } from "@lodestone/db/repositories/gates";
import { projectLabel } from "@lodestone/db/repositories/notifications";
import { canSeeProject } from "@lodestone/domain/access";
import { dateIn } from "@lodestone/domain/delivery";
import { canSeeDocument, isReleased } from "@lodestone/domain/documents";
import { DomainError } from "@lodestone/domain/errors";
import {
  EMPTY_BALANCES,
  addStacks,
  applyMove,
  canRecordFunding,
  committedFundingUsd,
  facilityAccess,
  facilityStateOf,
  fundingDueDate,
  gapUsd,
  iatiCodeOf,
  iatiValueOf,
  programmeStanding,
  stackOf,
  usdOf,
  type Balances,
  type CreateFacilityInput,
  type RecordEntryInput,
} from "@lodestone/domain/funding";
import type { z } from "zod";
import type { SignedInContext, UseCase } from "../../context.js";
import { csvFile, type CsvColumn } from "../../csv.js";
import { projectChange, visibleProject } from "../project/service.js";

// The funding ledger (DESIGN.md §12): rules in @lodestone/domain/funding, rows in the funding repository.

const accessOf = (f: funding.FacilityRow) =>
  facilityAccess({
    confidential: f.confidential,
    financierDelegation: f.financier.delegation,
    financierId: f.financier.id,
    recordedById: f.recordedById,
  });

/** Whether the caller may see a facility: its project, then its confidentiality. */
const canSeeFacility = (ctx: SignedInContext, f: funding.FacilityRow) =>
  canSeeProject(ctx.user, f.project) && canSeeDocument(ctx.user, f.project, accessOf(f));

/**
 * Funding committed to a project, in USD: every facility for the rules (the final investment
 * decision), or only those `viewer` may see, for display.
 */
export async function committedUsdOf(tx: Tx, projectId: string, viewer?: SignedInContext["user"]) {
  const rows = await funding.listFacilities(tx, { projectId });
  const seen = viewer ? rows.filter((f) => canSeeDocument(viewer, f.project, accessOf(f))) : rows;
  return committedFundingUsd(addStacks(seen.map((f) => stackOf(f.balances, f.usdRate))));
}

const visibleFacilities = async (tx: Tx, ctx: SignedInContext, where: { projectId?: string } = {}) =>
  (await funding.listFacilities(tx, where)).filter((f) => canSeeFacility(ctx, f));

const BALANCE_FIELDS = ["PLEDGED", "APPROVED", "COMMITTED", "DISBURSED", "REPAID", "CANCELLED"] as const;

function usdBalances(b: Balances, rate: number): Balances {
  const out = { ...EMPTY_BALANCES };
  for (const k of BALANCE_FIELDS) out[k] = usdOf(b[k], rate);
  return out;
}

/** Everyone who may see the project reads its financiers and facilities they may see. */
export async function listFinanciers({ ctx }: UseCase<undefined>) {
  return funding.listFinanciers(ctx.db.prisma);
}

/** A project's ledger as the caller may see it: facilities, entries, the capital stack against capex. */
export async function projectFunding({ ctx, input }: UseCase<{ projectId: string }>) {
  const tx = ctx.db.prisma;
  const project = await visibleProject(tx, ctx, input.projectId);
  const [facilities, financiers, programmes] = await Promise.all([
    visibleFacilities(tx, ctx, { projectId: project.id }),
    funding.listFinanciers(tx),
    funding.listProgrammes(tx),
  ]);
  const entries = await funding.entriesOf(
    tx,
    facilities.map((f) => f.id),
  );
  const capexUsd = facilities[0]?.project.capexUsd ?? (await funding.capexOf(tx, project.id));
  const stack = addStacks(facilities.map((f) => stackOf(f.balances, f.usdRate)));
  return {
    projectId: project.id,
    capexUsd,
    stack,
    committedUsd: committedFundingUsd(stack),
    gapUsd: gapUsd(stack, capexUsd),
    /** Financiers the caller may record for (all, for a coordinator; their delegation's, for a delegate). */
    financiers: financiers.filter((f) => canRecordFunding(ctx.user, f)),
    programmes: programmes.map((p) => ({ id: p.id, nameEn: p.nameEn, nameJa: p.nameJa })),
    facilities: facilities.map((f) => ({
      id: f.id,
      financier: f.financier,
      instrument: f.instrument,
      currency: f.currency,
      confidential: f.confidential,
      programmeId: f.programmeId,
      state: facilityStateOf(f.balances),
      balances: f.balances,
      usdRate: f.usdRate,
      rateDate: f.rateDate,
      usd: usdBalances(f.balances, f.usdRate),
      stack: stackOf(f.balances, f.usdRate),
      canRecord: canRecordFunding(ctx.user, f.financier),
      entries: entries
        .filter((e) => e.facilityId === f.id)
        .map(({ document, ...e }) => ({
          ...e,
          iatiCode: iatiCodeOf(e, f.instrument),
          // A cited document the caller may not see is not named.
          document:
            document && canSeeDocument(ctx.user, f.project, document.access)
              ? {
                  id: document.id,
                  titleEn: document.titleEn,
                  titleJa: document.titleJa,
                  versionId: document.versionId,
                }
              : null,
        })),
    })),
  };
}

function facilityChange(ctx: SignedInContext, projectId: string, facilityId: string) {
  return { ...projectChange(ctx, projectId), subject: { type: "FundingFacility" as const, id: facilityId } };
}

async function checkDocument(tx: Tx, ctx: SignedInContext, projectId: string, versionId: string | null) {
  if (!versionId) return;
  const v = await versionOfProject(tx, versionId, projectId);
  const project = await visibleProject(tx, ctx, projectId);
  if (!v || !canSeeDocument(ctx.user, project, v.access)) {
    throw new DomainError("VALIDATION", "Cite a document of this project's data room.");
  }
  if (!isReleased(v.scanStatus)) {
    throw new DomainError(
      "VALIDATION",
      "That version is not released yet: it is still being scanned or was quarantined.",
    );
  }
}

/** Opens a facility with its pledge: a coordinator, or a delegate for their own delegation's financier. */
export function openFacility({ ctx, input }: UseCase<z.output<typeof CreateFacilityInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const project = await visibleProject(tx, ctx, input.projectId);
    const financier = await funding.getFinancier(tx, input.financierId);
    if (!financier) throw new DomainError("VALIDATION", "That organisation is not a financier.");
    if (!canRecordFunding(ctx.user, financier)) {
      throw new DomainError(
        "FORBIDDEN",
        "Only a coordinator or a delegate of the financier's delegation can record its funding.",
      );
    }
    if (input.programmeId && !(await funding.programmeExists(tx, input.programmeId))) {
      throw new DomainError("VALIDATION", "There is no such programme.");
    }
    await checkDocument(tx, ctx, project.id, input.documentVersionId);
    const move = { kind: "PLEDGE" as const, amount: input.amount };
    const balances = applyMove({ ...EMPTY_BALANCES }, move, input.instrument, true);
    const facilityId = await funding.createFacility(tx, {
      projectId: project.id,
      financierId: financier.id,
      instrument: input.instrument,
      currency: input.currency,
      confidential: input.confidential,
      programmeId: input.programmeId,
      recordedById: ctx.user.id,
      usdRate: input.usdRate,
      rateDate: input.rateDate,
    });
    const entryId = await funding.appendEntry(
      tx,
      facilityId,
      1,
      {
        kind: "PLEDGE",
        bucket: null,
        amount: input.amount,
        usdRate: input.usdRate,
        rateDate: input.rateDate,
        usdAmount: usdOf(input.amount, input.usdRate),
        date: input.date,
        documentVersionId: input.documentVersionId,
        reason: input.note,
        recordedById: ctx.user.id,
      },
      balances,
    );
    const access = facilityAccess({
      confidential: input.confidential,
      financierDelegation: financier.delegation,
      financierId: financier.id,
      recordedById: ctx.user.id,
    });
    await recordEvent(tx, {
      type: "funding.facility_opened",
      ...facilityChange(ctx, project.id, facilityId),
      data: {
        facilityId,
        entryId,
        entryKind: "PLEDGE",
        access: { ...access, delegations: [...access.delegations] },
      },
      audit: { after: { ...input } },
    });
    return { id: facilityId, entryId };
  });
}

/**
 * Records an entry on a facility. The facility is locked while its balances are read and written,
 * so entries recorded at once (two tranches) apply one after the other and none takes more than
 * is there.
 */
export function recordEntry({ ctx, input }: UseCase<z.output<typeof RecordEntryInput>>) {
  return inTransaction(ctx.db, async (tx) => {
    const f = await funding.getFacility(tx, input.facilityId, true);
    if (!f || !canSeeFacility(ctx, f)) throw new DomainError("NOT_FOUND", "There is no such facility.");
    if (!canRecordFunding(ctx.user, f.financier)) {
      throw new DomainError(
        "FORBIDDEN",
        "Only a coordinator or a delegate of the financier's delegation can record its funding.",
      );
    }
    if (f.currency === "USD" && input.usdRate !== 1) {
      throw new DomainError("VALIDATION", "A facility in US dollars has the rate 1.");
    }
    await checkDocument(tx, ctx, f.projectId, input.documentVersionId);
    const move = { kind: input.kind, amount: input.amount, bucket: input.bucket };
    const balances = applyMove(f.balances, move, f.instrument, false);
    const entryId = await funding.appendEntry(
      tx,
      f.id,
      f.entryCount + 1,
      {
        kind: input.kind,
        bucket: input.bucket,
        amount: input.amount,
        usdRate: input.usdRate,
        rateDate: input.rateDate,
        usdAmount: usdOf(input.amount, input.usdRate),
        date: input.date,
        documentVersionId: input.documentVersionId,
        reason: input.reason,
        recordedById: ctx.user.id,
      },
      balances,
    );
    const access = accessOf(f);
    await recordEvent(tx, {
      type: "funding.entry_recorded",
      ...facilityChange(ctx, f.projectId, f.id),
      data: {
        facilityId: f.id,
        entryId,
        entryKind: input.kind,
        access: { ...access, delegations: [...access.delegations] },
      },
      audit: { before: f.balances, after: { ...balances, entry: input } },
    });
    return { id: f.id, entryId, state: facilityStateOf(balances), balances };
  });
}

/** Totals by state across every facility the caller may see, per financier's delegation or per financier. */
export async function fundingTotals({ ctx, input }: UseCase<{ by: "delegation" | "financier" }>) {
  const tx = ctx.db.prisma;
  const facilities = await visibleFacilities(tx, ctx);
  const groups = new Map<
    string,
    { key: string; label: string; labelJa: string | null; usd: Balances; projects: Set<string> }
  >();
  for (const f of facilities) {
    const key = input.by === "delegation" ? (f.financier.delegation ?? "") : f.financier.id;
    const label = input.by === "delegation" ? (f.financier.delegation ?? "") : f.financier.name;
    const g = groups.get(key) ?? {
      key,
      label,
      labelJa: input.by === "financier" ? f.financier.nameJa : null,
      usd: { ...EMPTY_BALANCES },
      projects: new Set(),
    };
    const usd = usdBalances(f.balances, f.usdRate);
    for (const k of BALANCE_FIELDS) g.usd[k] += usd[k];
    g.projects.add(f.projectId);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ key: g.key, label: g.label, labelJa: g.labelJa, usd: g.usd, projects: g.projects.size }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Each programme (a pledge across projects): what is allocated against it, its deadline, and when each project's funding falls due. */
export async function listProgrammes({ ctx }: UseCase<undefined>) {
  const tx = ctx.db.prisma;
  const [programmes, facilities] = await Promise.all([
    funding.listProgrammes(tx),
    visibleFacilities(tx, ctx),
  ]);
  const today = dateIn(ctx.now(), ctx.user.timeZone);
  return programmes.map((p) => {
    const mine = facilities.filter((f) => f.programmeId === p.id);
    const stack = addStacks(mine.map((f) => stackOf(f.balances, f.usdRate)));
    const projects = new Map<
      string,
      {
        projectId: string;
        reference: string;
        titleEn: string;
        titleJa: string;
        dueDate: string | null;
        committedUsd: number;
        allocatedUsd: number;
      }
    >();
    for (const f of mine) {
      const s = stackOf(f.balances, f.usdRate);
      const row = projects.get(f.projectId) ?? {
        projectId: f.projectId,
        reference: f.project.reference,
        titleEn: f.project.titleEn,
        titleJa: f.project.titleJa,
        dueDate:
          f.project.selectedAt && p.fundingDueDays !== null
            ? fundingDueDate(dateIn(f.project.selectedAt, "UTC"), p.fundingDueDays)
            : null,
        committedUsd: 0,
        allocatedUsd: 0,
      };
      row.committedUsd += committedFundingUsd(s);
      row.allocatedUsd += s.pledgedUsd + s.committedUsd + s.disbursedUsd;
      projects.set(f.projectId, row);
    }
    return {
      ...p,
      stack,
      ...programmeStanding(p, stack, today),
      projects: [...projects.values()].map((r) => ({
        ...r,
        overdue: r.dueDate !== null && r.dueDate < today && r.committedUsd < r.allocatedUsd,
      })),
    };
  });
}

interface ExportRow {
  project: string;
  financier: string;
  delegation: string;
  instrument: string;
  currency: string;
  facilityId: string;
  sequence: number;
  kind: string;
  bucket: string | null;
  iatiCode: number;
  value: number;
  date: string;
  usdRate: number;
  rateDate: string;
  usdValue: number;
  reason: string;
  recordedBy: string;
}

const EXPORT_COLUMNS: CsvColumn<ExportRow>[] = [
  { header: { en: "Project", ja: "プロジェクト" }, value: (r) => r.project },
  { header: { en: "Financier", ja: "資金提供者" }, value: (r) => r.financier },
  { header: { en: "Delegation", ja: "代表団" }, value: (r) => r.delegation },
  { header: { en: "Instrument", ja: "手段" }, value: (r) => r.instrument },
  { header: { en: "Facility", ja: "ファシリティ" }, value: (r) => r.facilityId },
  { header: { en: "Entry", ja: "記帳番号" }, value: (r) => r.sequence },
  { header: { en: "Entry kind", ja: "記帳種別" }, value: (r) => r.kind },
  { header: { en: "Amount changed", ja: "対象額" }, value: (r) => r.bucket },
  { header: { en: "IATI transaction type", ja: "IATI取引種別" }, value: (r) => r.iatiCode },
  { header: { en: "Currency", ja: "通貨" }, value: (r) => r.currency },
  { header: { en: "Value", ja: "金額" }, value: (r) => r.value },
  { header: { en: "Value date", ja: "取引日" }, value: (r) => r.date },
  { header: { en: "USD rate", ja: "米ドル換算レート" }, value: (r) => r.usdRate },
  { header: { en: "Rate date", ja: "レート基準日" }, value: (r) => r.rateDate },
  { header: { en: "USD value", ja: "米ドル換算額" }, value: (r) => r.usdValue },
  { header: { en: "Reason", ja: "理由" }, value: (r) => r.reason },
  { header: { en: "Recorded by", ja: "記録者" }, value: (r) => r.recordedBy },
];

/** Every entry the caller may see (of one project or all), with its IATI transaction code: CSV or JSON. */
export async function exportLedger({ ctx, input }: UseCase<{ projectId?: string; format: "csv" | "json" }>) {
  const tx = ctx.db.prisma;
  if (input.projectId) await visibleProject(tx, ctx, input.projectId);
  const facilities = await visibleFacilities(tx, ctx, { projectId: input.projectId });
  const entries = await funding.entriesOf(
    tx,
    facilities.map((f) => f.id),
  );
  const byId = new Map(facilities.map((f) => [f.id, f]));
  const rows: ExportRow[] = entries.map((e) => {
    const f = byId.get(e.facilityId)!;
    const value = iatiValueOf(e);
    return {
      project: f.project.reference,
      financier: f.financier.name,
      delegation: f.financier.delegation ?? "",
      instrument: f.instrument,
      currency: f.currency,
      facilityId: f.id,
      sequence: e.sequence,
      kind: e.kind,
      bucket: e.bucket,
      iatiCode: iatiCodeOf(e, f.instrument),
      value,
      date: e.date,
      usdRate: e.usdRate,
      rateDate: e.rateDate,
      usdValue: usdOf(value, e.usdRate),
      reason: e.reason,
      recordedBy: e.recordedBy.name,
    };
  });
  const label = input.projectId ? ((await projectLabel(tx, input.projectId))?.reference ?? "project") : "all";
  const kind = `funding-${label}`;
  if (input.format === "json") {
    const file = csvFile(kind, [], [], ctx.user, ctx.now());
    return {
      fileName: file.filename.replace(/\.csv$/, ".json"),
      contentType: "application/json",
      body: JSON.stringify({ generatedAt: ctx.now().toISOString(), transactions: rows }, null, 2),
    };
  }
  const file = csvFile(kind, EXPORT_COLUMNS, rows, ctx.user, ctx.now());
  return { fileName: file.filename, contentType: "text/csv", body: file.content };
}
