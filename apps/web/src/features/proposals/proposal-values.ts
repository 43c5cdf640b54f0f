import type { Commodity, Locale, SupplyChainStage, TranslationStatus } from "@lodestone/domain/enums";
import { ProposalFields, Site, type CreateProposalInput } from "@lodestone/domain/proposal";
import { z } from "zod";
import { choiceOrMissing, numberFromText, numberOrNullFromText } from "@/features/forms/form-values";

/** What the form holds: every field as typed (numbers as text), the site's fields under `site`. */
export interface ProposalValues {
  titleEn: string;
  titleJa: string;
  summaryEn: string;
  summaryJa: string;
  bodyEn: string;
  bodyJa: string;
  bindingLanguage: Locale;
  translationEn: TranslationStatus;
  translationJa: TranslationStatus;
  commodity: Commodity | "";
  stage: SupplyChainStage | "";
  site: {
    country: string;
    /** The site's IANA time zone; "" until chosen. */
    timeZone: string;
    region: string;
    latitude: string;
    longitude: string;
  };
  capacityTpy: string;
  capexUsd: string;
  sponsors: string[];
}

/**
 * The domain's proposal fields, read from what the form holds: numbers from their text, the
 * country code in capitals, no time zone until one is chosen. Every limit is the domain's own.
 */
export const ProposalFormSchema = ProposalFields.extend({
  site: Site.extend({
    country: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), Site.shape.country),
    latitude: z.preprocess(numberOrNullFromText, Site.shape.latitude),
    longitude: z.preprocess(numberOrNullFromText, Site.shape.longitude),
    timeZone: z.preprocess(choiceOrMissing, Site.shape.timeZone),
  }),
  capacityTpy: z.preprocess(numberFromText, ProposalFields.shape.capacityTpy),
  capexUsd: z.preprocess(numberFromText, ProposalFields.shape.capexUsd),
});
export type ProposalFormOutput = z.output<typeof ProposalFormSchema>;

/** The fields the server may name in its refusal, as the form names them. */
export const SERVER_FIELDS = [
  "titleEn",
  "titleJa",
  "summaryEn",
  "summaryJa",
  "bodyEn",
  "bodyJa",
  "bindingLanguage",
  "translationEn",
  "translationJa",
  "commodity",
  "stage",
  "capacityTpy",
  "capexUsd",
  "sponsors",
] as const;

export function emptyProposalValues(): ProposalValues {
  return {
    titleEn: "",
    titleJa: "",
    summaryEn: "",
    summaryJa: "",
    bodyEn: "",
    bodyJa: "",
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MISSING",
    commodity: "",
    stage: "",
    site: { country: "", timeZone: "", region: "", latitude: "", longitude: "" },
    capacityTpy: "",
    capexUsd: "",
    sponsors: [],
  };
}

export function proposalValuesOf(f: ProposalFields): ProposalValues {
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
      timeZone: f.site.timeZone ?? "",
      region: f.site.region,
      latitude: f.site.latitude === null ? "" : String(f.site.latitude),
      longitude: f.site.longitude === null ? "" : String(f.site.longitude),
    },
    capacityTpy: String(f.capacityTpy),
    capexUsd: String(f.capexUsd),
    sponsors: [...f.sponsors],
  };
}

/** The command to send: the checked fields, without a time zone until one is chosen. */
export function commandOf(values: ProposalFormOutput): CreateProposalInput {
  const { timeZone, ...site } = values.site;
  // Left out until chosen: the API then keeps the zone the project has.
  return { ...values, site: timeZone ? { ...site, timeZone } : site };
}
