"use client";

import type { Classification } from "@lodestone/domain/documents";
import { useTranslations } from "next-intl";

/**
 * Each level's look: its own colour, border and mark, and always its name in words, so that no
 * level is told from another by colour alone.
 */
const LOOK: Record<Classification, { badge: string; banner: string }> = {
  PROJECT: {
    badge: "border border-slate-500 bg-white text-slate-800",
    banner: "border-l-8 border-slate-500 bg-slate-50 text-slate-900",
  },
  GOVERNMENTS: {
    badge: "border-2 border-amber-700 bg-amber-100 text-amber-950",
    banner: "border-l-8 border-amber-600 bg-amber-50 text-amber-950",
  },
  NAMED_DELEGATIONS: {
    badge: "border-2 border-dashed border-violet-700 bg-violet-100 text-violet-950",
    banner: "border-l-8 border-double border-violet-700 bg-violet-50 text-violet-950",
  },
  ORGANISATION: {
    badge: "border-2 border-red-800 bg-red-50 text-red-950",
    banner: "border-l-8 border-red-800 bg-red-50 text-red-950",
  },
};

function Mark({ classification }: { classification: Classification }) {
  const path: Record<Classification, string> = {
    // An open folder: the whole project.
    PROJECT: "M2 4h4l1.5 1.5H14v7.5H2Z",
    // A shield: governments.
    GOVERNMENTS: "M8 1.5 13.5 3.5v4c0 3.2-2.3 5.6-5.5 7-3.2-1.4-5.5-3.8-5.5-7v-4Z",
    // A list: named delegations.
    NAMED_DELEGATIONS: "M2 3h2v2H2Zm4 0h8v2H6ZM2 7h2v2H2Zm4 0h8v2H6ZM2 11h2v2H2Zm4 0h8v2H6Z",
    // A padlock: the organisation and coordinators.
    ORGANISATION: "M4.5 7V5a3.5 3.5 0 0 1 7 0v2H13v7.5H3V7Zm1.5 0h4V5a2 2 0 0 0-4 0Z",
  };
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      className="h-3.5 w-3.5 shrink-0 fill-current"
    >
      <path d={path[classification]} />
    </svg>
  );
}

/** A document's classification as a badge: its mark and its name (with the delegations it names). */
export function ClassificationBadge({
  classification,
  delegations = [],
}: {
  classification: Classification;
  /** Delegation codes of a NAMED_DELEGATIONS document. */
  delegations?: readonly string[];
}) {
  const t = useTranslations("documents.classification");
  return (
    <span
      data-classification={classification}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${LOOK[classification].badge}`}
    >
      <Mark classification={classification} />
      {t(`name.${classification}`)}
      {classification === "NAMED_DELEGATIONS" && delegations.length > 0 ? (
        <span className="font-mono">{delegations.join(", ")}</span>
      ) : null}
    </span>
  );
}

/**
 * The banner at the top of a document: which level it is, who may see it, and, above the project
 * level, that a downloaded PDF carries the reader's name.
 */
export function ClassificationBanner({
  classification,
  delegationNames,
  organisation,
}: {
  classification: Classification;
  /** Names of the delegations a NAMED_DELEGATIONS document lists, in the reader's language. */
  delegationNames: readonly string[];
  /** The uploading organisation's name in the reader's language, if there is one. */
  organisation: string | null;
}) {
  const t = useTranslations("documents.banner");
  const tName = useTranslations("documents.classification");
  const who = organisation ?? t("theUploader");
  const audience =
    classification === "PROJECT"
      ? t("PROJECT")
      : classification === "GOVERNMENTS"
        ? t("GOVERNMENTS", { organisation: who })
        : classification === "NAMED_DELEGATIONS"
          ? t("NAMED_DELEGATIONS", { delegations: delegationNames.join(", "), organisation: who })
          : t("ORGANISATION", { organisation: who });
  return (
    <div
      role="note"
      aria-label={t("label")}
      data-classification={classification}
      className={`flex flex-col gap-1 rounded-md p-4 ${LOOK[classification].banner}`}
    >
      <p className="flex items-center gap-2 text-lg font-semibold">
        <Mark classification={classification} />
        {tName(`name.${classification}`)}
      </p>
      <p>{audience}</p>
      {classification !== "PROJECT" ? <p className="text-sm">{t("stamped")}</p> : null}
    </div>
  );
}
