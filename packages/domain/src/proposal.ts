import type { RevisionDocument } from "./documents.js";
import { z } from "zod";
import type { CurrentGate } from "./project-list.js";
import { canManageProposal, type Actor } from "./access.js";
import { DomainError } from "./errors.js";
import { Commodity, Locale, SupplyChainStage, TranslationStatus, type ProjectStatus } from "./enums.js";
import { IanaTimeZone } from "./time-zone.js";

// Commands on a proposal (DESIGN.md §3–§5). A draft may be incomplete; submitting checks that
// everything a reviewer needs is there.

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const delegationCode = z.string().regex(/^[A-Z]{2,8}$/, "Use a delegation code such as JP.");

export const Site = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, "Use a two-letter country code, such as AU."),
    region: text(200).default(""),
    latitude: z
      .number()
      .min(-90, "Latitude is between -90 and 90.")
      .max(90, "Latitude is between -90 and 90.")
      .nullable()
      .default(null),
    longitude: z
      .number()
      .min(-180, "Longitude is between -180 and 180.")
      .max(180, "Longitude is between -180 and 180.")
      .nullable()
      .default(null),
    /**
     * The IANA zone the project's due dates are days of (the site's, proposed from its country).
     * Left out, a new project is tracked in UTC and an edit keeps the zone it had. Not part of the
     * reviewed content: a coordinator may correct it later.
     */
    timeZone: IanaTimeZone.optional(),
  })
  .strict();

export const ProposalFields = z
  .object({
    titleEn: text(200).default(""),
    titleJa: text(200).default(""),
    summaryEn: text(2_000).default(""),
    summaryJa: text(2_000).default(""),
    bodyEn: text(50_000).default(""),
    bodyJa: text(50_000).default(""),
    bindingLanguage: Locale.default("en"),
    translationEn: TranslationStatus.default("ORIGINAL"),
    translationJa: TranslationStatus.default("MISSING"),
    commodity: Commodity,
    stage: SupplyChainStage,
    site: Site,
    capacityTpy: z
      .number()
      .int("Use whole tonnes.")
      .min(0, "Capacity cannot be negative.")
      .max(100_000_000, "That capacity is not plausible."),
    capexUsd: z
      .number()
      .int("Use whole dollars.")
      .min(0, "Capex cannot be negative.")
      .max(1_000_000_000_000, "Capex above one trillion USD is not plausible."),
    sponsors: z
      .array(delegationCode)
      .max(20)
      .default([])
      .refine((codes) => new Set(codes).size === codes.length, "Name each sponsoring delegation once."),
  })
  .strict();
export type ProposalFields = z.output<typeof ProposalFields>;

/** @alias The command that creates a proposal takes exactly its fields. */
export const CreateProposalInput = ProposalFields;
export type CreateProposalInput = z.input<typeof CreateProposalInput>;

const VersionRef = { projectId: z.uuid(), version: z.number().int().min(1) };

export const UpdateProposalInput = ProposalFields.extend(VersionRef).strict();
export type UpdateProposalInput = z.input<typeof UpdateProposalInput>;

export const ProposalRefInput = z.object(VersionRef).strict();
export type ProposalRefInput = z.input<typeof ProposalRefInput>;

export const ProjectIdInput = z.object({ projectId: z.uuid() }).strict();

/** Which fields a submission lacks, as `{ field: message }` (empty when it can be submitted). */
export function missingForSubmission(f: ProposalFields): Record<string, string> {
  const missing: Record<string, string> = {};
  const langs = [
    ["En", "en", f.translationEn],
    ["Ja", "ja", f.translationJa],
  ] as const;
  for (const [suffix, locale, status] of langs) {
    const required = locale === f.bindingLanguage || status !== "MISSING";
    if (!required) continue;
    for (const field of ["title", "summary", "body"] as const) {
      if (!f[`${field}${suffix}`])
        missing[`${field}${suffix}`] =
          `The ${field} is required in ${locale === "en" ? "English" : "Japanese"}.`;
    }
  }
  const binding = f.bindingLanguage === "en" ? f.translationEn : f.translationJa;
  if (binding !== "ORIGINAL") {
    missing[f.bindingLanguage === "en" ? "translationEn" : "translationJa"] =
      "The binding language must be the original text.";
  }
  if (!f.site.region) missing["site.region"] = "Name the region of the site.";
  if (f.sponsors.length === 0) missing.sponsors = "Name at least one sponsoring delegation.";
  return missing;
}

/** Refuses a submission that lacks something, naming every missing field. */
export function checkSubmittable(f: ProposalFields): void {
  const missing = missingForSubmission(f);
  const fields = Object.keys(missing);
  if (fields.length) {
    throw new DomainError("VALIDATION", `Before submitting, complete: ${Object.values(missing).join(" ")}`);
  }
}

/** What a revision snapshots: the submitted fields, capex as a string, sponsors sorted. */
export function revisionContent(
  f: Omit<ProposalFields, "capexUsd" | "sponsors"> & {
    capexUsd: number | bigint;
    sponsors: readonly string[];
  },
  documents: readonly RevisionDocument[] = [],
) {
  return {
    titleEn: f.titleEn,
    titleJa: f.titleJa,
    summaryEn: f.summaryEn,
    summaryJa: f.summaryJa,
    bodyEn: f.bodyEn,
    bodyJa: f.bodyJa,
    bindingLanguage: f.bindingLanguage,
    translationEn: f.translationEn,
    translationJa: f.translationJa,
    commodity: f.commodity,
    stage: f.stage,
    site: {
      country: f.site.country,
      region: f.site.region,
      latitude: f.site.latitude,
      longitude: f.site.longitude,
    },
    capacityTpy: f.capacityTpy,
    capexUsd: f.capexUsd.toString(),
    sponsors: [...f.sponsors].sort(),
    // The data room's documents as reviewed, by version hash (DESIGN.md §11); absent when there are none.
    ...(documents.length ? { documents: [...documents] } : {}),
  };
}

/** Statuses in which the proposing organisation may still edit the proposal. */
export const EDITABLE_STATUSES = ["DRAFT", "CHANGES_REQUESTED"] as const;

/**
 * A coordinator corrects a project's time zone only once the proposing organisation can no longer
 * edit the proposal: until then the site's zone is one of its fields, and their next submission
 * would put their value back over the correction.
 */
export function checkTimeZoneCorrection(status: ProjectStatus): void {
  if ((EDITABLE_STATUSES as readonly ProjectStatus[]).includes(status)) {
    throw new DomainError(
      "CONFLICT",
      "The proposing organisation can still edit this proposal, so its time zone is theirs to set. Ask them to change it, or correct it once the proposal is no longer open for changes.",
    );
  }
}

/** Whether the caller may edit, submit or withdraw the proposal now. */
export function canEditProposal(
  actor: Actor,
  project: { organisationId: string; status: ProjectStatus },
): boolean {
  return (
    canManageProposal(actor, project) &&
    (EDITABLE_STATUSES as readonly ProjectStatus[]).includes(project.status)
  );
}

/**
 * Where an edit goes. A proposal that was never submitted is edited in place (only its
 * organisation sees it). Once submitted, the project's content is what was last submitted, which
 * is what every reviewer reads; the organisation's edits wait in a working copy until it
 * resubmits them.
 */
export function editTarget(project: { submittedAt: Date | string | null }): "content" | "workingCopy" {
  return project.submittedAt === null ? "content" : "workingCopy";
}

/**
 * The fields a caller is shown: the organisation that may edit the proposal sees its working
 * copy; everyone else sees the content last submitted.
 */
export function fieldsShown(
  actor: Actor,
  project: {
    organisationId: string;
    status: ProjectStatus;
    fields: ProposalFields;
    workingCopy: ProposalFields | null;
  },
): ProposalFields {
  return canEditProposal(actor, project) && project.workingCopy ? project.workingCopy : project.fields;
}

export interface ProjectDetail {
  id: string;
  reference: string;
  status: ProjectStatus;
  version: number;
  organisation: { id: string; name: string };
  fields: ProposalFields;
  currentRevision: { id: string; number: number; contentHash: string; createdAt: string } | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Whether the caller may edit, submit or withdraw it now. */
  canManage: boolean;
  /** Where it stands in its stage gates (`project.get` only). */
  gate?: CurrentGate | null;
}

export interface RevisionSummary {
  id: string;
  number: number;
  contentHash: string;
  createdAt: string;
  createdBy: { id: string; name: string };
}

export const RevisionRefInput = z.object({ projectId: z.uuid(), number: z.number().int().min(1) }).strict();

export const TimelinePageInput = z
  .object({
    projectId: z.uuid(),
    cursor: z.uuid().nullish(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();
