// The dataset's size at a given scale, and the SQL that generates it inside the database
// (INSERT … SELECT generate_series: no rows travel through Node). Ids are derived from row numbers
// (md5 of a tag and the number, as a uuid), so later statements can point at earlier rows
// without looking them up.
import { COMMODITIES, SUPPLY_CHAIN_STAGES } from "@lodestone/domain/vocabulary";

export interface DatasetSize {
  delegations: number;
  organisations: number;
  users: number;
  projects: number;
  comments: number;
  votes: number;
  milestones: number;
}

export const FULL_SIZE: DatasetSize = {
  delegations: 10,
  organisations: 40,
  users: 2_000,
  projects: 20_000,
  comments: 1_000_000,
  votes: 200_000,
  milestones: 100_000,
};

/** The dataset at `scale` (1 = the issue's default); delegations stay 10, the rest scale with floors. */
export function sizeAt(scale: number): DatasetSize {
  const s = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const users = s(FULL_SIZE.users, 60);
  const projects = s(FULL_SIZE.projects, 100);
  // Each round takes one vote per delegate; the rounds sit on projects in review (a fifth), and
  // two of those are kept empty for the vote load.
  const voteCapacity = delegateCount(users) * (Math.floor(projects / 20) * 4 - 2);
  return {
    delegations: FULL_SIZE.delegations,
    organisations: FULL_SIZE.organisations,
    users,
    projects,
    comments: s(FULL_SIZE.comments, 1_000),
    votes: Math.min(voteCapacity, s(FULL_SIZE.votes, 200)),
    milestones: s(FULL_SIZE.milestones, 100),
  };
}

export const DELEGATION_CODES = ["US", "JP", "AU", "IN", "CA", "GB", "DE", "FR", "KR", "PH"] as const;
/** Users 1–2 are admins, 3–12 coordinators, then partners (15 %), then delegates. */
export const FIRST_COORDINATOR = 3;
export const FIRST_PARTNER = 13;

export function partnerCount(users: number): number {
  return Math.max(5, Math.floor(users * 0.15));
}
export function firstDelegate(users: number): number {
  return FIRST_PARTNER + partnerCount(users);
}
export function delegateCount(users: number): number {
  return users - firstDelegate(users) + 1;
}

/** Projects whose number ≡ these (mod 20) are in review; the first one carries the long thread. */
const STATUS_BY_MOD20 = [
  "DRAFT",
  "SUBMITTED",
  "SUBMITTED",
  "SUBMITTED",
  "IN_REVIEW",
  "IN_REVIEW",
  "IN_REVIEW",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "APPROVED",
  "APPROVED",
  "REJECTED",
  "IN_DELIVERY",
  "IN_DELIVERY",
  "IN_DELIVERY",
  "IN_DELIVERY",
  "COMPLETED",
  "COMPLETED",
  "WITHDRAWN",
];
const DELIVERY_SLOTS = STATUS_BY_MOD20.flatMap((s, i) =>
  ["APPROVED", "IN_DELIVERY", "COMPLETED"].includes(s) ? [i] : [],
);
/** SUPPLY_CHAIN_STAGES in words, in the same order. */
const STAGES_EN = ["mine", "separation plant", "metal and alloy plant", "magnet factory", "recycling plant"];
const STAGES_JA = ["鉱山", "分離精製プラント", "金属・合金プラント", "磁石工場", "リサイクル工場"];
const COUNTRIES = ["AU", "JP", "US", "IN", "CA", "VN", "PH", "MY", "KZ", "BR"];

/** The project (by number) that carries the long comment thread: the first one in review. */
export const LONG_THREAD_PROJECT = STATUS_BY_MOD20.indexOf("IN_REVIEW");

const arr = (xs: readonly (string | number)[]) =>
  `ARRAY[${xs.map((x) => (typeof x === "number" ? String(x) : `'${x}'`)).join(",")}]`;

/** A valid version-4-shaped uuid derived from a tag and a number (the API's inputs check the version). */
export const uuidOf = (tag: string, n: number | string) =>
  `overlay(overlay(md5('${tag}' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;

/** The rule every generated round uses: all ten delegations counted, US and JP required. */
export const RULE_JSON = JSON.stringify({
  countedDelegations: [...DELEGATION_CODES].sort(),
  requiredDelegations: ["US", "JP"],
  quorum: 0.5,
  approval: "MORE_APPROVE_THAN_REJECT",
});

export function baseSql(size: DatasetSize): string[] {
  const partners = partnerCount(size.users);
  const fd = firstDelegate(size.users);
  return [
    `INSERT INTO "Delegation" (id, code, "nameEn", "nameJa", kind, "updatedAt")
     SELECT ${uuidOf("d", "n")}, (${arr(DELEGATION_CODES)})[n], 'Delegation ' || (${arr(DELEGATION_CODES)})[n],
            (${arr(DELEGATION_CODES)})[n] || '代表団', CASE WHEN n <= 2 THEN 'FOUNDING' ELSE 'PARTNER' END::"DelegationKind", now()
     FROM generate_series(1, ${size.delegations}) n`,
    `INSERT INTO "Organisation" (id, name, "nameJa", kind, "countryCode", "updatedAt")
     SELECT ${uuidOf("o", "n")}, 'Organisation ' || n || ' Resources', '資源会社' || n,
            (ARRAY['COMPANY','GOVERNMENT_BODY','RESEARCH'])[n % 3 + 1]::"OrganisationKind", (${arr(COUNTRIES)})[n % 10 + 1], now()
     FROM generate_series(1, ${size.organisations}) n`,
    `INSERT INTO "User" (id, email, "emailVerified", name, locale, "timeZone", role, "delegationId", "organisationId", "updatedAt")
     SELECT ${uuidOf("u", "n")}, 'user' || n || '@bench.example', now(), 'Bench User ' || n,
            (CASE WHEN n % 2 = 0 THEN 'ja' ELSE 'en' END)::"Locale",
            CASE WHEN n % 2 = 0 THEN 'Asia/Tokyo' ELSE 'America/New_York' END,
            (CASE WHEN n < ${FIRST_COORDINATOR} THEN 'ADMIN' WHEN n < ${FIRST_PARTNER} THEN 'COORDINATOR'
                  WHEN n < ${FIRST_PARTNER + partners} THEN 'PARTNER' ELSE 'DELEGATE' END)::"Role",
            CASE WHEN n >= ${fd} THEN ${uuidOf("d", `n % ${size.delegations} + 1`)} END,
            CASE WHEN n >= ${FIRST_PARTNER} AND n < ${fd} THEN ${uuidOf("o", `n % ${size.organisations} + 1`)} END,
            now()
     FROM generate_series(1, ${size.users}) n`,
  ];
}

/** Projects `from`..`to` (numbers), with sponsors and a first revision for the submitted ones. */
export function projectsSql(size: DatasetSize, from: number, to: number): string[] {
  const series = `generate_series(${from}, ${to}) n`;
  return [
    `INSERT INTO "Project" (id, reference, number, "titleEn", "titleJa", "summaryEn", "summaryJa", "bodyEn", "bodyJa",
        "bindingLanguage", "translationEn", "translationJa", commodity, stage, "siteCountry", "siteRegion",
        "siteLatitude", "siteLongitude", "capacityTpy", "capexUsd", "organisationId", status, "searchText",
        "createdById", "submittedAt", "createdAt", "updatedAt")
     SELECT id, ref, n, te, tj, se, sj, be, bj, bl::"Locale", 'ORIGINAL', 'HUMAN_CHECKED', c::"Commodity", st::"SupplyChainStage",
            country, 'Region ' || (n % 50), (n % 90) - 45 + 0.5, (n % 360) - 180 + 0.25, cap, capex, org,
            status::"ProjectStatus", lower(concat_ws(E'\\n', ref, te, tj, se, sj, be, bj)),
            ${uuidOf("u", FIRST_COORDINATOR)}, CASE WHEN status <> 'DRAFT' THEN ts END, ts - interval '30 days', ts
     FROM (
       SELECT n, ${uuidOf("p", "n")} AS id,
              'LD-' || CASE WHEN n < 10000 THEN lpad(n::text, 4, '0') ELSE n::text END AS ref,
              c, st, country, status,
              initcap(lower(c)) || ' ' || se_en || ' ' || n AS te,
              c || ' ' || se_ja || ' 第' || n || '号' AS tj,
              'A ' || se_en || ' for ' || lower(c) || ' in ' || country || ', reducing dependence on a single supplier.' AS se,
              country || 'における' || c || 'の' || se_ja || '。単一供給国への依存を減らす。' AS sj,
              'The project builds a ' || se_en || ' with a capacity of ' || ((n::bigint * 104729) % 20000 + 100) ||
                ' t/yr. It sources feedstock from partner mines, meets the framework''s environmental and labour standards, ' ||
                'and sells to magnet makers in the United States and Japan under long-term offtake agreements.' AS be,
              'このプロジェクトは年産' || ((n::bigint * 104729) % 20000 + 100) || 'トンの' || se_ja ||
                'を建設する。原料は提携鉱山から調達し、枠組みの環境・労働基準を満たし、日米の磁石メーカーへ長期契約で供給する。' AS bj,
              CASE WHEN n % 3 = 0 THEN 'ja' ELSE 'en' END AS bl,
              (n::bigint * 104729) % 20000 + 100 AS cap, ((n::bigint * 7919) % 900 + 10) * 1000000 AS capex,
              ${uuidOf("o", `n % ${size.organisations} + 1`)} AS org,
              now() - (n * interval '7 minutes') AS ts
       FROM (
         SELECT n, (${arr(COMMODITIES)})[n % ${COMMODITIES.length} + 1] AS c,
                (${arr(SUPPLY_CHAIN_STAGES)})[n % ${SUPPLY_CHAIN_STAGES.length} + 1] AS st, (${arr(STAGES_EN)})[n % ${STAGES_EN.length} + 1] AS se_en,
                (${arr(STAGES_JA)})[n % 5 + 1] AS se_ja, (${arr(COUNTRIES)})[n % 10 + 1] AS country,
                (${arr(STATUS_BY_MOD20)})[n % 20 + 1] AS status
         FROM ${series}
       ) base
     ) p`,
    `INSERT INTO "ProjectSponsor" ("projectId", "delegationId")
     SELECT ${uuidOf("p", "n")}, ${uuidOf("d", `n % ${size.delegations} + 1`)} FROM ${series}
     UNION
     SELECT ${uuidOf("p", "n")}, ${uuidOf("d", "n % 2 + 1")} FROM ${series}`,
    `INSERT INTO "Revision" (id, "projectId", number, content, "contentHash", "createdById", "createdAt")
     SELECT ${uuidOf("r", "p.number")}, p.id, 1, content, encode(sha256(convert_to(content::text, 'UTF8')), 'hex'),
            p."createdById", p."submittedAt"
     FROM (SELECT p.*, jsonb_build_object('titleEn', p."titleEn", 'titleJa', p."titleJa", 'summaryEn', p."summaryEn",
                   'summaryJa', p."summaryJa", 'bodyEn', p."bodyEn", 'bodyJa', p."bodyJa") AS content
           FROM "Project" p WHERE p.number BETWEEN ${from} AND ${to} AND p.status <> 'DRAFT') p`,
    `UPDATE "Project" SET "currentRevisionId" = ${uuidOf("r", "number")}
     WHERE number BETWEEN ${from} AND ${to} AND status <> 'DRAFT'`,
    `SELECT setval(pg_get_serial_sequence('"Project"', 'number'), ${to})`,
  ];
}

/** The k-th project (1-based) in review: number ≡ 4..7 (mod 20). */
const inReviewNumber = (k: string) => `(20 * ((${k} - 1) / 4) + 4 + (${k} - 1) % 4)`;

export interface RoundPlan {
  /** Rounds holding the generated votes. */
  dataRounds: number;
  /** Two empty rounds (API and baseline) for the vote load, after the data rounds. */
  apiRound: number;
  baselineRound: number;
}

export function roundPlan(size: DatasetSize): RoundPlan {
  const dataRounds = Math.ceil(size.votes / delegateCount(size.users));
  return { dataRounds, apiRound: dataRounds + 1, baselineRound: dataRounds + 2 };
}

export function roundProjectNumber(k: number): number {
  return 20 * Math.floor((k - 1) / 4) + 4 + ((k - 1) % 4);
}

export function activitySql(size: DatasetSize): string[] {
  const plan = roundPlan(size);
  const d = delegateCount(size.users);
  const fd = firstDelegate(size.users);
  const longThread = Math.floor(size.comments / 4);
  const perDelivery = DELIVERY_SLOTS.length;
  const deliveryProjects = perDelivery * Math.floor(size.projects / 20);
  return [
    `INSERT INTO "ReviewRound" (id, "projectId", "revisionId", status, rule, "opensAt", "closesAt", "openedById", "createdAt", "updatedAt")
     SELECT ${uuidOf("rr", "k")}, ${uuidOf("p", inReviewNumber("k"))}, ${uuidOf("r", inReviewNumber("k"))}, 'OPEN',
            '${RULE_JSON}'::jsonb, now() - interval '1 day', now() + interval '30 days', ${uuidOf("u", FIRST_COORDINATOR)},
            now() - interval '1 day', now()
     FROM generate_series(1, ${plan.baselineRound}) k`,
    // Each round's electorate, frozen at opening as the API does: every delegate.
    `INSERT INTO "RoundElector" ("roundId", "voterId", "delegationId")
     SELECT ${uuidOf("rr", "k")}, ${uuidOf("u", `${fd} + j`)}, ${uuidOf("d", `(${fd} + j) % ${size.delegations} + 1`)}
     FROM generate_series(1, ${plan.baselineRound}) k, generate_series(0, ${d - 1}) j`,
    `INSERT INTO "Vote" (id, "roundId", "voterId", "delegationId", choice, reason, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), ${uuidOf("rr", `i / ${d} + 1`)}, ${uuidOf("u", `${fd} + i % ${d}`)},
            ${uuidOf("d", `(${fd} + i % ${d}) % ${size.delegations} + 1`)},
            (ARRAY['APPROVE','REJECT','ABSTAIN'])[i % 3 + 1]::"VoteChoice",
            CASE WHEN i % 3 = 1 THEN 'Offtake terms are not yet firm.' END, now(), now()
     FROM generate_series(0, ${size.votes - 1}) i`,
    // A quarter of the comments in one long thread; the rest spread over the visible projects.
    `INSERT INTO "Comment" (id, "projectId", "authorId", stance, body, "createdAt", "updatedAt")
     SELECT gen_random_uuid(),
            ${uuidOf("p", `CASE WHEN i < ${longThread} THEN ${LONG_THREAD_PROJECT} ELSE pn END`)},
            ${uuidOf("u", `i % ${size.users} + 1`)},
            (ARRAY['SUPPORT','OPPOSE','NEUTRAL','QUESTION'])[i % 4 + 1]::"Stance",
            'Comment ' || i || ': the offtake terms and the tailings plan look sound; ' ||
              'what is the water budget during commissioning? 試運転中の水使用量の見通しは?',
            ts, ts
     FROM (SELECT i, timestamp '2026-01-01' + i * interval '1 second' AS ts,
                  CASE WHEN ((i * 7) % ${size.projects} + 1) % 20 = 0
                       THEN (i * 7) % ${size.projects} ELSE (i * 7) % ${size.projects} + 1 END AS pn
           FROM generate_series(0, ${size.comments - 1}) i) c`,
    `INSERT INTO "Milestone" (id, "projectId", position, weight, "titleEn", "titleJa", "dueDate", "assigneeOrganisationId",
        status, progress, "updatedAt")
     SELECT gen_random_uuid(), ${uuidOf("p", "pn")}, i / ${Math.max(1, deliveryProjects)}, 1 + i % 3,
            'Milestone ' || i, 'マイルストーン' || i, current_date + ((i * 37) % 720 - 240),
            ${uuidOf("o", `pn % ${size.organisations} + 1`)},
            (ARRAY['PLANNED','IN_PROGRESS','BLOCKED','DONE','CANCELLED'])[i % 5 + 1]::"MilestoneStatus",
            (ARRAY[0, 40, 20, 100, 0])[i % 5 + 1], now()
     FROM (SELECT i, 20 * ((i % ${Math.max(1, deliveryProjects)}) / ${perDelivery}) +
                  (${arr(DELIVERY_SLOTS)})[(i % ${Math.max(1, deliveryProjects)}) % ${perDelivery} + 1] AS pn
           FROM generate_series(0, ${size.milestones - 1}) i) m
     WHERE pn BETWEEN 1 AND ${size.projects}`,
  ];
}
