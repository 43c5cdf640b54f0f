import { z } from "zod";
import { EmailAddress } from "./email.js";
import { refuseFirst, type RuleProblem } from "./errors.js";
import { Locale, Role, type DelegationKind } from "./enums.js";

export const USER_PAGE_SIZE_MAX = 100;

const email = EmailAddress;
const name = z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");
const delegationCode = z
  .string()
  .regex(/^[A-Z]{2,8}$/, "Use a delegation code of 2–8 capital letters, such as AU.");

/** An IANA time zone the runtime knows, e.g. Asia/Tokyo. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Choose a valid time zone, such as Asia/Tokyo.");

export const InviteUserInput = z
  .object({
    name,
    email,
    role: Role,
    delegation: delegationCode.nullable().default(null),
    organisationId: z.uuid().nullable().default(null),
    locale: Locale.default("en"),
    timeZone: TimeZone.default("UTC"),
  })
  .strict();
export type InviteUserInput = z.input<typeof InviteUserInput>;

export const ChangeRoleInput = z
  .object({
    userId: z.uuid(),
    role: Role,
    delegation: delegationCode.nullable().default(null),
    organisationId: z.uuid().nullable().default(null),
  })
  .strict();
export type ChangeRoleInput = z.input<typeof ChangeRoleInput>;

export const UserIdInput = z.object({ userId: z.uuid() }).strict();

export const ListUsersInput = z
  .object({
    cursor: z.uuid().nullish(),
    /** Sent by infinite-query clients; pages only go forward. */
    direction: z.literal("forward").optional(),
    limit: z.number().int().min(1).max(USER_PAGE_SIZE_MAX).default(25),
    q: z.string().trim().max(120).optional(),
    role: Role.optional(),
    includeDeactivated: z.boolean().default(true),
  })
  .strict();
export type ListUsersInput = z.input<typeof ListUsersInput>;
export type ListUsersQuery = z.output<typeof ListUsersInput>;

export const UpdateProfileInput = z
  .object({ locale: Locale.optional(), timeZone: TimeZone.optional(), name: name.optional() })
  .strict();
export type UpdateProfileInput = z.input<typeof UpdateProfileInput>;

export const DelegationInput = z
  .object({
    code: delegationCode,
    nameEn: z.string().trim().min(1, "Enter the English name.").max(120),
    nameJa: z.string().trim().min(1, "Enter the Japanese name.").max(120),
    kind: z.enum(["FOUNDING", "PARTNER"]),
  })
  .strict();
export type DelegationInput = z.input<typeof DelegationInput>;

export const UpdateDelegationInput = DelegationInput.extend({ delegationId: z.uuid() }).strict();

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  delegation: string | null;
  organisation: { id: string; name: string } | null;
  locale: Locale;
  timeZone: string;
  active: boolean;
  createdAt: string;
}

export interface DelegationSummary {
  id: string;
  code: string;
  nameEn: string;
  nameJa: string;
  kind: DelegationKind;
  userCount: number;
}

/**
 * Who may hold which affiliation: delegates belong to a delegation, partners to an organisation,
 * coordinators and admins to neither (DESIGN.md §3–§4).
 */
export function affiliationProblems(
  role: Role,
  delegation: string | null,
  organisationId: string | null,
): RuleProblem<
  "delegation" | "organisationId",
  "delegationRequired" | "organisationRequired" | "delegationNotAllowed" | "organisationNotAllowed"
>[] {
  const problems: ReturnType<typeof affiliationProblems> = [];
  if (role === "DELEGATE" && !delegation) {
    problems.push({
      field: "delegation",
      reason: "delegationRequired",
      message: "A delegate must belong to a delegation.",
    });
  }
  if (role === "PARTNER" && !organisationId) {
    problems.push({
      field: "organisationId",
      reason: "organisationRequired",
      message: "A partner must belong to an organisation.",
    });
  }
  if (role !== "DELEGATE" && delegation) {
    problems.push({
      field: "delegation",
      reason: "delegationNotAllowed",
      message: "Only delegates belong to a delegation.",
    });
  }
  if (role !== "PARTNER" && organisationId) {
    problems.push({
      field: "organisationId",
      reason: "organisationNotAllowed",
      message: "Only partners belong to an organisation.",
    });
  }
  return problems;
}

/** `affiliationProblems` as the API applies it: the first problem refuses. */
export function checkAffiliation(role: Role, delegation: string | null, organisationId: string | null): void {
  refuseFirst(affiliationProblems(role, delegation, organisationId));
}
