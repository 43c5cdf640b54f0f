import { scheduleFor } from "@lodestone/domain/permitting";
import type {
  DateChangeReason,
  Jurisdiction,
  PauseReason,
  PermitInstrument,
} from "@lodestone/domain/vocabulary";
import { addCalendarDays, daysFrom } from "@lodestone/domain/working-days";
import type { Prisma } from "../generated/prisma/client.js";
import type { SeedIds } from "./documents.js";

type Tx = Prisma.TransactionClient;

// Demo data for the permitting timetable (DESIGN.md §12): US, Japanese and other authorizations
// on approved projects, some complete, some late, one project paused. Dates are relative to the
// seed's clock; ids are fixed, so seeding again changes nothing. LD-0002 and LD-0016 are left
// without authorizations: the permitting browser test adds its own there.

interface DemoChange {
  /** Which milestone moved (its index). */
  milestone: number;
  days: number;
  reason: DateChangeReason;
  justification: string;
  by: string;
  /** A coordinator's determination (a final date moved more than 30 days). */
  determination?: string;
}

interface DemoAuthorization {
  key: string;
  jurisdiction: Jurisdiction;
  authority: string;
  instrument: PermitInstrument;
  titleEn: string;
  titleJa: string;
  region?: string;
  /** Days from the seed's today (negative: in the past). */
  start: number;
  owner: string;
  /** Completed milestones: days each was done after (positive) or before its current target. */
  done: number[];
  changes?: DemoChange[];
}

interface DemoPlan {
  reference: string;
  authorizations: DemoAuthorization[];
  pause?: { reason: PauseReason; start: number; by: string; summary: string };
}

const PLANS: readonly DemoPlan[] = [
  {
    reference: "LD-0001",
    authorizations: [
      {
        key: "ld1-qld",
        jurisdiction: "OTHER",
        authority: "Queensland Department of Environment, Tourism, Science and Innovation",
        instrument: "GENERIC",
        titleEn: "Environmental authority (prescribed ERA 8)",
        titleJa: "環境許可（指定環境関連活動 ERA 8）",
        region: "Queensland, Australia",
        start: -900,
        owner: "quandongPartner",
        done: [0, -5, 3],
      },
    ],
  },
  {
    reference: "LD-0003",
    authorizations: [
      {
        key: "ld3-wa-epa",
        jurisdiction: "OTHER",
        authority: "Western Australia Environmental Protection Authority",
        instrument: "GENERIC",
        titleEn: "Part IV environmental assessment",
        titleJa: "第IV部 環境アセスメント",
        region: "Western Australia",
        start: -720,
        owner: "quandongPartner",
        done: [0, 12, 20],
      },
      {
        key: "ld3-epbc",
        jurisdiction: "OTHER",
        authority: "Australian Government DCCEEW (EPBC Act)",
        instrument: "GENERIC",
        titleEn: "EPBC Act approval",
        titleJa: "EPBC法に基づく承認",
        region: "Australia",
        start: -700,
        owner: "quandongPartner",
        done: [0, 40, 10],
        changes: [
          {
            milestone: 2,
            days: 28,
            reason: "NEW_INFORMATION",
            justification: "Additional survey of the Carnaby's black cockatoo habitat requested.",
            by: "quandongPartner",
          },
        ],
      },
    ],
  },
  {
    reference: "LD-0004",
    authorizations: [
      {
        key: "ld4-nepa",
        jurisdiction: "US_FEDERAL",
        authority: "U.S. Army Corps of Engineers, Galveston District",
        instrument: "NEPA_EIS",
        titleEn: "Separation facility environmental impact statement",
        titleJa: "分離施設の環境影響評価書",
        region: "Texas",
        start: -760,
        owner: "larkspurPartner",
        done: [0, 25, 9, 2],
        changes: [
          {
            milestone: 1,
            days: 20,
            reason: "PUBLIC_COMMENT",
            justification: "Over 4,000 scoping comments; the comment analysis took longer.",
            by: "larkspurPartner",
          },
        ],
      },
      {
        key: "ld4-404",
        jurisdiction: "US_FEDERAL",
        authority: "U.S. Army Corps of Engineers, Galveston District",
        instrument: "CWA_404",
        titleEn: "Section 404 permit for the barge dock",
        titleJa: "バージ桟橋の404条許可",
        region: "Texas",
        start: -300,
        owner: "larkspurPartner",
        done: [0, 2, 0, 14],
      },
      {
        key: "ld4-tceq",
        jurisdiction: "US_STATE",
        authority: "Texas Commission on Environmental Quality",
        instrument: "GENERIC",
        titleEn: "New source review air permit",
        titleJa: "新規発生源審査（大気）許可",
        region: "Texas",
        start: -200,
        owner: "larkspurPartner",
        // Review complete was due 20 days ago and is not yet done: late.
        done: [0],
      },
    ],
  },
  {
    reference: "LD-0005",
    authorizations: [
      {
        key: "ld5-appcb",
        jurisdiction: "OTHER",
        authority: "Andhra Pradesh Pollution Control Board",
        instrument: "GENERIC",
        titleEn: "Consent to establish",
        titleJa: "設置同意",
        region: "Andhra Pradesh, India",
        start: -150,
        owner: "godavariPartner",
        done: [0],
      },
      {
        key: "ld5-moefcc",
        jurisdiction: "OTHER",
        authority: "Ministry of Environment, Forest and Climate Change (India)",
        instrument: "GENERIC",
        titleEn: "Environmental clearance",
        titleJa: "環境クリアランス",
        region: "India",
        start: -240,
        owner: "godavariPartner",
        done: [0],
        changes: [
          {
            milestone: 1,
            days: 30,
            reason: "CONSULTATION",
            justification: "Public hearing rescheduled by the district collector.",
            by: "godavariPartner",
          },
        ],
      },
    ],
  },
  {
    reference: "LD-0012",
    authorizations: [
      {
        key: "ld12-gas",
        jurisdiction: "JP_PREFECTURE",
        authority: "Ibaraki Prefecture (茨城県)",
        instrument: "GENERIC",
        titleEn: "High Pressure Gas Safety Act manufacturing permit",
        titleJa: "高圧ガス保安法に基づく製造許可",
        region: "Ibaraki",
        start: -120,
        owner: "picmPartner",
        done: [0],
      },
      {
        key: "ld12-cscl",
        jurisdiction: "JP_NATIONAL",
        authority: "Ministry of Economy, Trade and Industry (経済産業省)",
        instrument: "GENERIC",
        titleEn: "Chemical Substances Control Law notification",
        titleJa: "化審法に基づく届出",
        start: -90,
        owner: "picmPartner",
        done: [0],
      },
    ],
    pause: {
      reason: "AWAITING_APPLICANT_INFORMATION",
      start: -40,
      by: "coordinator",
      summary:
        "The prefecture asked for the revised hazard analysis of the hydrogen furnace; the applicant expects to file it next month.",
    },
  },
];

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const date = (d: string) => new Date(`${d}T00:00:00Z`);

export async function seedPermitting(
  tx: Tx,
  projects: readonly { id: string; reference: string }[],
  ids: SeedIds,
): Promise<void> {
  const byRef = new Map(projects.map((p) => [p.reference, p]));
  const today = isoOf(ids.at(0));
  for (const plan of PLANS) {
    const project = byRef.get(plan.reference);
    if (!project) continue;
    for (const a of plan.authorizations) {
      const startDate = addCalendarDays(today, a.start);
      const schedule = scheduleFor(a.instrument, startDate);
      const current = schedule.map((s) => s.target);
      for (const c of a.changes ?? []) current[c.milestone] = addCalendarDays(current[c.milestone]!, c.days);
      const authorizationId = ids.seedId(`permit:${a.key}`);
      await tx.permitAuthorization.createMany({
        data: [
          {
            id: authorizationId,
            projectId: project.id,
            jurisdiction: a.jurisdiction,
            authority: a.authority,
            instrument: a.instrument,
            titleEn: a.titleEn,
            titleJa: a.titleJa,
            region: a.region ?? null,
            startDate: date(startDate),
            ownerId: ids.user(a.owner),
            addedById: ids.user(a.owner),
            createdAt: ids.at(a.start),
          },
        ],
        skipDuplicates: true,
      });
      await tx.permitMilestone.createMany({
        data: schedule.map((s, i) => {
          const late = a.done[i];
          return {
            id: ids.seedId(`permit:${a.key}:${i}`),
            authorizationId,
            position: i,
            kind: s.kind,
            nameEn: s.en,
            nameJa: s.ja,
            baselineDate: date(s.target),
            currentDate: date(current[i]!),
            // Completed milestones are done by today at the latest.
            actualDate:
              late === undefined ? null : date([addCalendarDays(current[i]!, late), today].sort()[0]!),
          };
        }),
        skipDuplicates: true,
      });
      await tx.permitDateChange.createMany({
        data: (a.changes ?? []).map((c, n) => {
          const from = schedule[c.milestone]!.target;
          // Recorded a month before the date it moved, or at the start.
          const at = ids.at(Math.max(a.start + 1, -Math.max(1, daysFrom(from, today) + 30)));
          return {
            id: ids.seedId(`permit:${a.key}:change:${n}`),
            projectId: project.id,
            authorizationId,
            milestoneId: ids.seedId(`permit:${a.key}:${c.milestone}`),
            fromDate: date(from),
            toDate: date(addCalendarDays(from, c.days)),
            reason: c.reason,
            justification: c.justification,
            state: "APPLIED" as const,
            changedById: ids.user(c.by),
            changedAt: at,
            determination: c.determination ?? null,
            decidedById: c.determination ? ids.user("coordinator") : null,
            decidedAt: c.determination ? at : null,
          };
        }),
        skipDuplicates: true,
      });
    }
    if (plan.pause) {
      const pauseId = ids.seedId(`permit-pause:${plan.reference}`);
      const startedOn = addCalendarDays(today, plan.pause.start);
      await tx.permitPause.createMany({
        data: [
          {
            id: pauseId,
            projectId: project.id,
            reason: plan.pause.reason,
            startedOn: date(startedOn),
            startedById: ids.user(plan.pause.by),
            createdAt: ids.at(plan.pause.start),
          },
        ],
        skipDuplicates: true,
      });
      await tx.permitPauseSummary.createMany({
        data: [
          {
            id: ids.seedId(`permit-pause:${plan.reference}:summary`),
            pauseId,
            authorId: ids.user(plan.pause.by),
            text: plan.pause.summary,
            writtenOn: date(startedOn),
            createdAt: ids.at(plan.pause.start),
          },
        ],
        skipDuplicates: true,
      });
    }
  }
}
