import { z } from "zod";
import type { GateKind, GateState } from "./vocabulary.js";
import type { Locale, TranslationStatus } from "./enums.js";
import { Commodity, ProjectStatus, SupplyChainStage } from "./enums.js";
import { PROJECT_SORTS } from "./vocabulary.js";

export const PROJECT_PAGE_SIZE_MAX = 100;

// The orders the project list offers (see vocabulary.ts).
export { PROJECT_SORTS };
export const ProjectSort = z.enum(PROJECT_SORTS);
export type ProjectSort = z.infer<typeof ProjectSort>;

/** `project.list`: one keyset page of projects in the chosen order (newest change first by default), with optional filters. */
export const ListProjectsInput = z
  .object({
    /** The id of the last project of the previous page (null or absent: the first page). */
    cursor: z.uuid().nullish(),
    /** Sent by infinite-query clients; pages only go forward. */
    direction: z.literal("forward").optional(),
    limit: z.number().int().min(1).max(PROJECT_PAGE_SIZE_MAX).default(20),
    status: z.array(ProjectStatus).max(9).optional(),
    commodity: Commodity.optional(),
    stage: SupplyChainStage.optional(),
    siteCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, "Use a two-letter country code, such as AU.")
      .optional(),
    sponsor: z
      .string()
      .regex(/^[A-Z]{2,8}$/, "Use a delegation code, such as JP.")
      .optional(),
    q: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
    sort: ProjectSort.default("updated"),
  })
  .strict();
export type ListProjectsInput = z.input<typeof ListProjectsInput>;
export type ListProjectsQuery = z.output<typeof ListProjectsInput>;

export interface ProjectListItem {
  id: string;
  reference: string;
  title: { en: string; ja: string };
  summary: { en: string; ja: string };
  bindingLanguage: Locale;
  translation: { en: TranslationStatus; ja: TranslationStatus };
  status: ProjectStatus;
  commodity: Commodity;
  stage: SupplyChainStage;
  siteCountry: string;
  siteRegion: string;
  capacityTpy: number;
  capexUsd: number;
  organisation: { id: string; name: string };
  sponsors: string[];
  /** ISO 8601 instant. */
  updatedAt: string;
  gate?: CurrentGate | null;
}

/** The stage gate a project is at and the whole days since it became current (approved projects with a gate sequence). */
export interface CurrentGate {
  kind: GateKind;
  state: GateState;
  days: number;
}
