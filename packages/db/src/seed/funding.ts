import { GATE_TEMPLATES } from "@lodestone/domain/gates";
import { EMPTY_BALANCES, applyMove, usdOf, type Balances, type LedgerMove } from "@lodestone/domain/funding";
import type {
  EvidenceKind,
  FinancierKind,
  GateKind,
  GateState,
  Instrument,
  SupplyChainStage,
} from "@lodestone/domain/vocabulary";
import type { Prisma } from "../generated/prisma/client.js";
import { seedDocument, simplePdf, type SeedIds } from "./documents.js";

type Tx = Prisma.TransactionClient;

// Demo data for stage gates and the funding ledger (DESIGN.md §12): approved projects at
// different gates, each passed gate with its cited evidence and sign-offs, and ledgers with
// realistic financiers, currencies and states. Idempotent: fixed ids.

const FINANCIERS: readonly {
  key: string;
  name: string;
  nameJa: string;
  kind: FinancierKind;
  delegation: string | null;
  country: string;
}[] = [
  {
    key: "jbic",
    name: "Japan Bank for International Cooperation",
    nameJa: "国際協力銀行",
    kind: "EXPORT_CREDIT",
    delegation: "JP",
    country: "JP",
  },
  {
    key: "jogmec",
    name: "Japan Organization for Metals and Energy Security",
    nameJa: "エネルギー・金属鉱物資源機構",
    kind: "GOVERNMENT_AGENCY",
    delegation: "JP",
    country: "JP",
  },
  {
    key: "dfc",
    name: "U.S. International Development Finance Corporation",
    nameJa: "米国国際開発金融公社",
    kind: "DEVELOPMENT_FINANCE",
    delegation: "US",
    country: "US",
  },
  {
    key: "exim",
    name: "Export-Import Bank of the United States",
    nameJa: "米国輸出入銀行",
    kind: "EXPORT_CREDIT",
    delegation: "US",
    country: "US",
  },
  {
    key: "efa",
    name: "Export Finance Australia",
    nameJa: "オーストラリア輸出金融公社",
    kind: "EXPORT_CREDIT",
    delegation: "AU",
    country: "AU",
  },
  {
    key: "sojitz",
    name: "Sojitz Corporation",
    nameJa: "双日株式会社",
    kind: "OFFTAKER",
    delegation: "JP",
    country: "JP",
  },
  {
    key: "mizuho",
    name: "Mizuho Bank",
    nameJa: "みずほ銀行",
    kind: "COMMERCIAL_LENDER",
    delegation: "JP",
    country: "JP",
  },
];

const EVIDENCE: Record<EvidenceKind, { en: string; ja: string; folder: number }> = {
  SCOPING_STUDY: { en: "Scoping study", ja: "概略検討書", folder: 1 },
  RESOURCE_STATEMENT: { en: "Resource statement", ja: "資源量報告書", folder: 1 },
  PILOT_RESULTS: { en: "Pilot plant results", ja: "パイロットプラント試験結果", folder: 1 },
  PRE_FEASIBILITY_STUDY: { en: "Pre-feasibility study", ja: "予備的実現可能性調査", folder: 1 },
  FEASIBILITY_STUDY: { en: "Feasibility study", ja: "実現可能性調査", folder: 1 },
  ESIA: { en: "Environmental and social impact assessment", ja: "環境・社会影響評価書", folder: 2 },
  PERMIT: { en: "Operating permit", ja: "操業許可", folder: 5 },
  OFFTAKE_AGREEMENT: { en: "Offtake agreement", ja: "引取契約", folder: 3 },
  FEEDSTOCK_AGREEMENT: { en: "Feedstock supply agreement", ja: "原料供給契約", folder: 3 },
  QUALIFICATION_REPORT: { en: "Customer qualification report", ja: "顧客認定報告書", folder: 3 },
  FINANCING_AGREEMENT: { en: "Common terms agreement", ja: "共通条件契約書", folder: 4 },
  BOARD_RESOLUTION: {
    en: "Board resolution on the final investment decision",
    ja: "最終投資決定に関する取締役会決議",
    folder: 4,
  },
  CONSTRUCTION_REPORT: { en: "Construction completion report", ja: "建設完了報告書", folder: 1 },
  COMMISSIONING_REPORT: { en: "Commissioning report", ja: "試運転報告書", folder: 1 },
  PRODUCTION_REPORT: { en: "Ramp-up production report", ja: "立ち上げ生産報告書", folder: 1 },
};

interface GatePlan {
  reference: string;
  /** The partner who uploads the evidence. */
  partner: string;
  /** Designated signatories by delegation (user keys). */
  signatories: Record<string, string>;
  /** Gates passed (in order), the state of the next and its days in it; waived gate kinds with their reason. */
  passed: number;
  next?: { state: GateState; days: number; signedBy?: string[] };
  waived?: Partial<Record<GateKind, string>>;
  /** Evidence documents uploaded for the gates after the passed ones (the browser tests cite them). */
  evidenceFor?: number;
}

const SIGNATORIES = { US: "usDelegate", JP: "jpDelegate", AU: "auDelegate", IN: "inDelegate" };

const GATE_PLANS: readonly GatePlan[] = [
  { reference: "LD-0001", partner: "quandongPartner", signatories: SIGNATORIES, passed: 99 },
  { reference: "LD-0002", partner: "shiranamiPartner", signatories: SIGNATORIES, passed: 99 },
  {
    reference: "LD-0003",
    partner: "quandongPartner",
    signatories: SIGNATORIES,
    passed: 6,
    next: { state: "IN_PROGRESS", days: 120 },
  },
  {
    reference: "LD-0004",
    partner: "larkspurPartner",
    signatories: SIGNATORIES,
    passed: 5,
    next: { state: "SUBMITTED", days: 34, signedBy: ["COORDINATOR", "US"] },
  },
  {
    reference: "LD-0005",
    partner: "godavariPartner",
    signatories: SIGNATORIES,
    passed: 3,
    next: { state: "IN_PROGRESS", days: 41 },
  },
  // The browser tests take these two through their first gates.
  { reference: "LD-0008", partner: "shiranamiPartner", signatories: SIGNATORIES, passed: 0, evidenceFor: 2 },
  {
    reference: "LD-0011",
    partner: "larkspurPartner",
    signatories: { US: "usDelegate2", JP: "jpDelegate2" },
    passed: 0,
    evidenceFor: 2,
  },
  {
    reference: "LD-0012",
    partner: "picmPartner",
    signatories: SIGNATORIES,
    passed: 1,
    waived: {
      SCOPING: "Scoped in the institute's earlier alloy programme; the committee accepted that study.",
    },
    next: { state: "IN_PROGRESS", days: 25 },
  },
  {
    reference: "LD-0016",
    partner: "larkspurPartner",
    signatories: SIGNATORIES,
    passed: 0,
    next: { state: "IN_PROGRESS", days: 10 },
  },
];

interface FacilityPlan {
  key: string;
  reference: string;
  financier: string;
  instrument: Instrument;
  currency: string;
  usdRate: number;
  confidential?: boolean;
  programme?: boolean;
  by: string;
  /** Entries: a move and how many days ago it was recorded. */
  entries: (LedgerMove & { daysAgo: number; reason?: string })[];
}

const FACILITIES: readonly FacilityPlan[] = [
  // LD-0003, in construction: committed funding covers the US$620M capex (its investment decision passed).
  {
    key: "ld3-dfc",
    reference: "LD-0003",
    financier: "dfc",
    instrument: "LOAN",
    currency: "USD",
    usdRate: 1,
    by: "usDelegate",
    entries: [
      { kind: "PLEDGE", amount: 250_000_000, daysAgo: 300 },
      { kind: "APPROVAL", amount: 250_000_000, daysAgo: 260 },
      { kind: "COMMITMENT", amount: 250_000_000, daysAgo: 200 },
      { kind: "DISBURSEMENT", amount: 60_000_000, daysAgo: 150 },
      { kind: "DISBURSEMENT", amount: 40_000_000, daysAgo: 60 },
    ],
  },
  {
    key: "ld3-jbic",
    reference: "LD-0003",
    financier: "jbic",
    instrument: "LOAN",
    currency: "JPY",
    usdRate: 0.0067,
    programme: true,
    by: "coordinator",
    entries: [
      { kind: "PLEDGE", amount: 30_000_000_000, daysAgo: 290 },
      { kind: "APPROVAL", amount: 30_000_000_000, daysAgo: 250 },
      { kind: "COMMITMENT", amount: 30_000_000_000, daysAgo: 205 },
      { kind: "DISBURSEMENT", amount: 5_000_000_000, daysAgo: 30 },
    ],
  },
  {
    key: "ld3-efa",
    reference: "LD-0003",
    financier: "efa",
    instrument: "LOAN",
    currency: "AUD",
    usdRate: 0.66,
    by: "coordinator",
    entries: [
      { kind: "PLEDGE", amount: 150_000_000, daysAgo: 280 },
      { kind: "APPROVAL", amount: 150_000_000, daysAgo: 240 },
      { kind: "COMMITMENT", amount: 150_000_000, daysAgo: 210 },
    ],
  },
  {
    key: "ld3-sojitz",
    reference: "LD-0003",
    financier: "sojitz",
    instrument: "OFFTAKE_PREPAYMENT",
    currency: "USD",
    usdRate: 1,
    by: "coordinator",
    entries: [
      { kind: "PLEDGE", amount: 80_000_000, daysAgo: 270 },
      { kind: "APPROVAL", amount: 80_000_000, daysAgo: 230 },
      { kind: "COMMITMENT", amount: 80_000_000, daysAgo: 206 },
    ],
  },
  // LD-0004, at its investment decision: "up to $465M" became a $565M loan, but committed funding is short of the capex.
  {
    key: "ld4-exim",
    reference: "LD-0004",
    financier: "exim",
    instrument: "LOAN",
    currency: "USD",
    usdRate: 1,
    by: "usDelegate",
    entries: [
      { kind: "PLEDGE", amount: 465_000_000, daysAgo: 200 },
      {
        kind: "AMENDMENT",
        amount: 100_000_000,
        bucket: "PLEDGED",
        daysAgo: 120,
        reason: "The letter of interest was for up to $465M; the board approved a $565M loan.",
      },
      { kind: "APPROVAL", amount: 565_000_000, daysAgo: 90 },
    ],
  },
  {
    key: "ld4-jogmec",
    reference: "LD-0004",
    financier: "jogmec",
    instrument: "EQUITY",
    currency: "USD",
    usdRate: 1,
    programme: true,
    by: "jpDelegate",
    entries: [
      { kind: "PLEDGE", amount: 100_000_000, daysAgo: 180 },
      { kind: "APPROVAL", amount: 100_000_000, daysAgo: 150 },
      { kind: "COMMITMENT", amount: 100_000_000, daysAgo: 70 },
    ],
  },
  {
    key: "ld4-mizuho",
    reference: "LD-0004",
    financier: "mizuho",
    instrument: "LOAN",
    currency: "JPY",
    usdRate: 0.0066,
    confidential: true,
    by: "jpDelegate",
    entries: [{ kind: "PLEDGE", amount: 10_000_000_000, daysAgo: 40 }],
  },
  // LD-0005, permits in progress.
  {
    key: "ld5-jbic",
    reference: "LD-0005",
    financier: "jbic",
    instrument: "LOAN",
    currency: "JPY",
    usdRate: 0.0067,
    programme: true,
    by: "coordinator",
    entries: [
      { kind: "PLEDGE", amount: 5_000_000_000, daysAgo: 100 },
      { kind: "APPROVAL", amount: 5_000_000_000, daysAgo: 60 },
    ],
  },
  // The browser tests record a commitment on these and look for the confidential ones.
  {
    key: "ld8-jbic",
    reference: "LD-0008",
    financier: "jbic",
    instrument: "LOAN",
    currency: "JPY",
    usdRate: 0.0067,
    programme: true,
    by: "coordinator",
    entries: [
      { kind: "PLEDGE", amount: 30_000_000_000, daysAgo: 50 },
      { kind: "APPROVAL", amount: 30_000_000_000, daysAgo: 20 },
    ],
  },
  {
    key: "ld8-jogmec",
    reference: "LD-0008",
    financier: "jogmec",
    instrument: "EQUITY",
    currency: "USD",
    usdRate: 1,
    confidential: true,
    by: "jpDelegate",
    entries: [{ kind: "PLEDGE", amount: 40_000_000, daysAgo: 15 }],
  },
  {
    key: "ld11-dfc",
    reference: "LD-0011",
    financier: "dfc",
    instrument: "LOAN",
    currency: "USD",
    usdRate: 1,
    by: "usDelegate",
    entries: [
      { kind: "PLEDGE", amount: 120_000_000, daysAgo: 45 },
      { kind: "APPROVAL", amount: 120_000_000, daysAgo: 18 },
    ],
  },
  {
    key: "ld11-jbic",
    reference: "LD-0011",
    financier: "jbic",
    instrument: "LOAN",
    currency: "JPY",
    usdRate: 0.0067,
    confidential: true,
    programme: true,
    by: "jpDelegate",
    entries: [{ kind: "PLEDGE", amount: 8_000_000_000, daysAgo: 12 }],
  },
  // Completed projects: disbursed, partly repaid, an undrawn balance cancelled.
  {
    key: "ld1-jogmec",
    reference: "LD-0001",
    financier: "jogmec",
    instrument: "EQUITY",
    currency: "USD",
    usdRate: 1,
    by: "coordinator",
    entries: [
      { kind: "PLEDGE", amount: 50_000_000, daysAgo: 900 },
      { kind: "APPROVAL", amount: 50_000_000, daysAgo: 870 },
      { kind: "COMMITMENT", amount: 50_000_000, daysAgo: 840 },
      { kind: "DISBURSEMENT", amount: 50_000_000, daysAgo: 800 },
    ],
  },
  {
    key: "ld1-efa",
    reference: "LD-0001",
    financier: "efa",
    instrument: "LOAN",
    currency: "AUD",
    usdRate: 0.65,
    by: "coordinator",
    entries: [
      { kind: "PLEDGE", amount: 60_000_000, daysAgo: 890 },
      { kind: "APPROVAL", amount: 60_000_000, daysAgo: 860 },
      { kind: "COMMITMENT", amount: 60_000_000, daysAgo: 830 },
      { kind: "DISBURSEMENT", amount: 55_000_000, daysAgo: 700 },
      {
        kind: "CANCELLATION",
        amount: 5_000_000,
        bucket: "COMMITTED",
        daysAgo: 400,
        reason: "The plant was finished under budget; the undrawn balance was cancelled.",
      },
      { kind: "REPAYMENT", amount: 10_000_000, daysAgo: 120 },
    ],
  },
  {
    key: "ld2-mizuho",
    reference: "LD-0002",
    financier: "mizuho",
    instrument: "LOAN",
    currency: "JPY",
    usdRate: 0.0068,
    by: "coordinator",
    entries: [
      { kind: "PLEDGE", amount: 4_500_000_000, daysAgo: 800 },
      { kind: "APPROVAL", amount: 4_500_000_000, daysAgo: 780 },
      { kind: "COMMITMENT", amount: 4_500_000_000, daysAgo: 760 },
      { kind: "DISBURSEMENT", amount: 4_500_000_000, daysAgo: 600 },
    ],
  },
  {
    key: "ld2-dfc",
    reference: "LD-0002",
    financier: "dfc",
    instrument: "GRANT",
    currency: "USD",
    usdRate: 1,
    by: "usDelegate",
    entries: [
      { kind: "PLEDGE", amount: 12_000_000, daysAgo: 790 },
      { kind: "APPROVAL", amount: 12_000_000, daysAgo: 775 },
      { kind: "COMMITMENT", amount: 12_000_000, daysAgo: 765 },
      { kind: "DISBURSEMENT", amount: 12_000_000, daysAgo: 640 },
    ],
  },
];

const day = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);

/** Financiers, the programme, gate sequences and ledgers for the demo's approved projects. */
export async function seedGatesAndFunding(
  tx: Tx,
  projects: readonly { id: string; reference: string; stage: SupplyChainStage; decidedAt: Date | null }[],
  ids: SeedIds,
): Promise<void> {
  const delegations = new Map(
    (await tx.delegation.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]),
  );
  await tx.organisation.createMany({
    data: FINANCIERS.map((f) => ({
      id: ids.seedId(`financier:${f.key}`),
      name: f.name,
      nameJa: f.nameJa,
      kind: "GOVERNMENT_BODY" as const,
      countryCode: f.country,
      financierKind: f.kind,
      financierDelegationId: f.delegation ? (delegations.get(f.delegation) ?? null) : null,
    })),
    skipDuplicates: true,
  });
  const programmeId = ids.seedId("programme:jp-550");
  await tx.fundingProgramme.createMany({
    data: [
      {
        id: programmeId,
        nameEn: "Japan's US$550 billion investment",
        nameJa: "日本の5,500億ドル投資",
        delegationId: delegations.get("JP")!,
        amountUsd: 550_000_000_000n,
        deadline: new Date("2029-01-19T00:00:00Z"),
        fundingDueDays: 45,
      },
    ],
    skipDuplicates: true,
  });
  const byRef = new Map(projects.map((p) => [p.reference, p]));

  for (const plan of GATE_PLANS) {
    const project = byRef.get(plan.reference);
    if (!project) continue;
    await seedGates(tx, project, plan, ids, delegations);
  }

  for (const f of FACILITIES) {
    const project = byRef.get(f.reference);
    if (!project) continue;
    const id = ids.seedId(`facility:${f.key}`);
    let balances: Balances = { ...EMPTY_BALANCES };
    const entries: Prisma.FundingEntryCreateManyInput[] = [];
    f.entries.forEach((e, i) => {
      balances = applyMove(balances, e, f.instrument, i === 0);
      const at = ids.at(-e.daysAgo);
      entries.push({
        id: ids.seedId(`entry:${f.key}:${i + 1}`),
        facilityId: id,
        sequence: i + 1,
        kind: e.kind,
        bucket: e.bucket ?? null,
        amount: BigInt(e.amount),
        usdRate: f.usdRate,
        rateDate: day(at),
        usdAmount: BigInt(usdOf(e.amount, f.usdRate)),
        date: day(at),
        reason: e.reason ?? "",
        recordedById: ids.user(f.by),
        createdAt: at,
      });
    });
    const last = ids.at(-f.entries.at(-1)!.daysAgo);
    await tx.fundingFacility.createMany({
      data: [
        {
          id,
          projectId: project.id,
          financierId: ids.seedId(`financier:${f.financier}`),
          instrument: f.instrument,
          currency: f.currency,
          confidential: f.confidential ?? false,
          programmeId: f.programme ? programmeId : null,
          recordedById: ids.user(f.by),
          pledged: BigInt(balances.PLEDGED),
          approved: BigInt(balances.APPROVED),
          committed: BigInt(balances.COMMITTED),
          disbursed: BigInt(balances.DISBURSED),
          repaid: BigInt(balances.REPAID),
          cancelled: BigInt(balances.CANCELLED),
          usdRate: f.usdRate,
          rateDate: day(last),
          entryCount: entries.length,
          createdAt: ids.at(-f.entries[0]!.daysAgo),
        },
      ],
      skipDuplicates: true,
    });
    await tx.fundingEntry.createMany({ data: entries, skipDuplicates: true });
  }
}

async function seedGates(
  tx: Tx,
  project: { id: string; reference: string; stage: SupplyChainStage; decidedAt: Date | null },
  plan: GatePlan,
  ids: SeedIds,
  delegations: Map<string, string>,
) {
  const template = GATE_TEMPLATES[project.stage];
  const sponsors = (
    await tx.projectSponsor.findMany({
      where: { projectId: project.id },
      select: { delegation: { select: { code: true } } },
    })
  ).map((s) => s.delegation.code);
  await tx.gateSignatory.createMany({
    data: sponsors.flatMap((code) => {
      const key = plan.signatories[code];
      return key
        ? [{ projectId: project.id, delegationId: delegations.get(code)!, userId: ids.user(key) }]
        : [];
    }),
    skipDuplicates: true,
  });
  const start = project.decidedAt ?? ids.at(-30);
  const passed = Math.min(plan.passed, template.length);
  // Passed gates close evenly between the decision and the day the next gate was entered.
  const nextEntered = ids.at(-(plan.next?.days ?? 5));
  const span = Math.max(1, nextEntered.getTime() - start.getTime());
  const closeOf = (i: number) => new Date(start.getTime() + (span * (i + 1)) / Math.max(1, passed));
  const evidenceUpTo = passed + (plan.next ? 1 : 0) + (plan.evidenceFor ?? 0);

  for (const [i, t] of template.entries()) {
    const gateId = ids.seedId(`gate:${project.reference}:${t.kind}`);
    const waived = plan.waived?.[t.kind];
    const closed = i < passed;
    const isNext = i === passed && plan.next;
    const state: GateState = closed
      ? waived
        ? "WAIVED"
        : "PASSED"
      : isNext
        ? plan.next!.state
        : "NOT_STARTED";
    const entered = i === 0 ? start : i <= passed ? closeOf(i - 1) : null;
    const evidence = await Promise.all(
      t.evidence.map(async (kind, position) => {
        if (i >= evidenceUpTo || waived) return { kind, position, versionId: null };
        const words = EVIDENCE[kind];
        // Evidence of a passed gate is the organisation's, open to the project; for a gate still
        // ahead it is the secretariat's review copy, for governments only (so the organisation's
        // own data room starts as it left it).
        const versionId = await seedDocument(
          tx,
          project.id,
          {
            project: project.reference,
            folder: words.folder,
            by: closed ? plan.partner : "coordinator",
            classification: closed ? "PROJECT" : "GOVERNMENTS",
            titleEn: words.en,
            titleJa: words.ja,
            descriptionEn: `${words.en} for the ${t.kind.toLowerCase().replaceAll("_", " ")} gate.`,
            descriptionJa: `${words.ja}（ステージゲート用）`,
            fileName: `${kind.toLowerCase().replaceAll("_", "-")}.pdf`,
            mimeType: "application/pdf",
            content: () =>
              simplePdf(`${words.en} - ${project.reference}`, ["Prepared for the stage gate review."]),
            daysAgo: Math.max(
              1,
              Math.round((ids.at(0).getTime() - (entered ?? start).getTime()) / 86_400_000),
            ),
          },
          ids,
        );
        // Evidence is cited on gates passed or under way; the browser tests cite the rest themselves.
        return { kind, position, versionId: closed || isNext ? versionId : null };
      }),
    );
    await tx.stageGate.createMany({
      data: [
        {
          id: gateId,
          projectId: project.id,
          position: i,
          kind: t.kind,
          state,
          ownerId: ids.user(plan.partner),
          targetDate: day(new Date(start.getTime() + t.months * 30 * 86_400_000)),
          checklist: t.checklist.map((c) => ({
            en: c.en,
            ja: c.ja,
            done: closed || (isNext && plan.next!.state === "SUBMITTED") || false,
          })),
          reason: waived ?? null,
          enteredAt: entered,
          closedAt: closed ? closeOf(i) : null,
          createdAt: start,
        },
      ],
      skipDuplicates: true,
    });
    await tx.gateEvidence.createMany({
      data: evidence.map((e) => ({ gateId, kind: e.kind, position: e.position, versionId: e.versionId })),
      skipDuplicates: true,
    });
    const signers =
      closed && !waived ? ["COORDINATOR", ...sponsors] : isNext ? (plan.next!.signedBy ?? []) : [];
    await tx.gateSignOff.createMany({
      data: signers.flatMap((party) => {
        const key = party === "COORDINATOR" ? "coordinator" : plan.signatories[party];
        return key
          ? [
              {
                id: ids.seedId(`signoff:${project.reference}:${t.kind}:${party}`),
                gateId,
                party,
                userId: ids.user(key),
                createdAt: closed ? closeOf(i) : ids.at(-2),
              },
            ]
          : [];
      }),
      skipDuplicates: true,
    });
  }
}
