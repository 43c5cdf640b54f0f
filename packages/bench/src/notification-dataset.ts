// The notification benchmark's data, generated inside the database as the main dataset is (ids
// from row numbers, INSERT … SELECT generate_series): the delegations, organisations and projects
// of the main dataset's generator, and people and waiting notifications of its own.
import {
  baseSql,
  FIRST_COORDINATOR,
  FIRST_PARTNER,
  projectsSql,
  uuidOf,
  type DatasetSize,
} from "./dataset.js";

/** The zones people are spread over: both sides of the date line, half hours, daylight saving. */
export const TIME_ZONES = [
  "Asia/Tokyo",
  "America/New_York",
  "America/Los_Angeles",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Asia/Manila",
  "UTC",
] as const;

/** User numbers of the people the benchmark measures (the few before them are staff and partners). */
export const FIRST_PERSON = 101;

/** The size the main generator is given: delegations, organisations and projects only. */
function sizeOf(delegations: number, organisations: number, projects: number): DatasetSize {
  return { delegations, organisations, users: 0, projects, comments: 0, votes: 0, milestones: 0 };
}

/**
 * Users `from`..`to` (numbers) with one role, time zones spread over TIME_ZONES and locales
 * alternating; `delegation` and `organisation` are SQL expressions of `n` (a delegation's or an
 * organisation's number), or null.
 */
export function peopleSql(
  from: number,
  to: number,
  role: "COORDINATOR" | "PARTNER" | "DELEGATE",
  where: { delegation?: string; organisation?: string } = {},
): string {
  const zones = `ARRAY[${TIME_ZONES.map((z) => `'${z}'`).join(",")}]`;
  return `INSERT INTO "User" (id, email, "emailVerified", name, locale, "timeZone", role, "delegationId", "organisationId", "updatedAt")
    SELECT ${uuidOf("u", "n")}, 'user' || n || '@bench.example', now(), 'Bench User ' || n,
           (CASE WHEN n % 2 = 0 THEN 'ja' ELSE 'en' END)::"Locale", (${zones})[n % ${TIME_ZONES.length} + 1],
           '${role}'::"Role", ${where.delegation ? uuidOf("d", where.delegation) : "NULL::uuid"},
           ${where.organisation ? uuidOf("o", where.organisation) : "NULL::uuid"}, now()
    FROM generate_series(${from}, ${to}) n`;
}

/** Projects 1..40 of the main generator: numbers ≡ 1, 2, 3 (mod 20) are submitted, with a revision. */
export const FAN_OUT_PROJECTS = 40;

/**
 * One delegation (US) with `delegates` active delegates and nobody else who votes (JP, the other
 * founding delegation the generator's projects are sponsored by, has none), a coordinator (user
 * FIRST_COORDINATOR, who opens the rounds), five partners of the one organisation, and the main
 * generator's projects, every one sponsored by US.
 */
export function fanOutSql(delegates: number): string[] {
  const size = sizeOf(2, 1, FAN_OUT_PROJECTS);
  return [
    ...baseSql(size),
    peopleSql(FIRST_COORDINATOR, FIRST_COORDINATOR, "COORDINATOR"),
    peopleSql(FIRST_PARTNER, FIRST_PARTNER + 4, "PARTNER", { organisation: "1" }),
    peopleSql(FIRST_PERSON, FIRST_PERSON + delegates - 1, "DELEGATE", { delegation: "1" }),
    ...projectsSql(size, 1, FAN_OUT_PROJECTS),
    `INSERT INTO "ProjectSponsor" ("projectId", "delegationId")
     SELECT id, ${uuidOf("d", 1)} FROM "Project" ON CONFLICT DO NOTHING`,
    "VACUUM ANALYZE",
  ];
}

/** Notifications per person waiting for the daily digest. */
export const DIGEST_ENTRIES = 5;
/** Projects the waiting notifications are about (the main generator's 1..20; 20 is a draft). */
const DIGEST_PROJECTS = 20;

/**
 * `people` delegates over ten delegations, each with DIGEST_ENTRIES notifications on the daily
 * channel, not yet mailed, written two days ago (and a minute apart): whatever their zone, the
 * morning of their current digest period came after them, so everyone's digest is due.
 */
export function digestSql(people: number): string[] {
  const size = sizeOf(10, 10, DIGEST_PROJECTS);
  const last = FIRST_PERSON + people - 1;
  // Submitted projects only: 1..19.
  const project = `((n * ${DIGEST_ENTRIES} + j) % ${DIGEST_PROJECTS - 1} + 1)`;
  return [
    ...baseSql(size),
    peopleSql(FIRST_COORDINATOR, FIRST_COORDINATOR, "COORDINATOR"),
    peopleSql(FIRST_PERSON, last, "DELEGATE", { delegation: "n % 10 + 1" }),
    ...projectsSql(size, 1, DIGEST_PROJECTS),
    // A mix of what a digest holds: activity on followed projects, decisions, replies.
    `INSERT INTO "Notification" (id, "userId", key, reason, "eventPosition", "eventType", "actorId", "projectId",
        "subjectType", "subjectId", data, "emailChannel", "createdAt")
     SELECT gen_random_uuid(), ${uuidOf("u", "n")}, 'bench:' || n || ':' || j,
            (CASE j WHEN 3 THEN 'DECISION' WHEN 4 THEN 'REPLY' ELSE 'ACTIVITY' END)::"NotificationReason", NULL,
            (ARRAY['project.submitted', 'comment.posted', 'decision.recorded', 'comment.posted', 'milestone.reported'])[j],
            ${uuidOf("u", FIRST_COORDINATOR)}, ${uuidOf("p", project)}, 'PROJECT', ${uuidOf("p", project)},
            CASE j WHEN 2 THEN jsonb_build_object('commentId', ${uuidOf("c", "n * 10 + j")})
                   WHEN 3 THEN jsonb_build_object('decisionId', ${uuidOf("dc", "n * 10 + j")}, 'outcome', 'APPROVED')
                   WHEN 4 THEN jsonb_build_object('commentId', ${uuidOf("c", "n * 10 + j")})
                   ELSE '{}'::jsonb END,
            'DAILY', now() - interval '2 days' - j * interval '1 minute'
     FROM generate_series(${FIRST_PERSON}, ${last}) n, generate_series(1, ${DIGEST_ENTRIES}) j`,
    "VACUUM ANALYZE",
  ];
}
