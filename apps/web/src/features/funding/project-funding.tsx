"use client";

import type { EventType } from "@lodestone/domain/events";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useLiveEvents } from "@/features/live/live-events";
import { useLiveStatusActions } from "@/features/live/live-status";
import { ResultMessage } from "@/features/ui/result-message";
import { primaryButton } from "@/features/ui/styles";
import { CapitalStack } from "./capital-stack";
import { FacilitiesTable } from "./facilities-table";
import { OpenFacilityDialog, RecordEntryDialog } from "./facility-forms";
import { FundingExport } from "./funding-export";
import type { ProjectFundingData } from "./types";
import { useProjectFunding, useRefreshFunding } from "./use-funding";

/** Changes to a project's ledger that the live feed tells its readers about. */
const FUNDING_EVENTS = [
  "funding.facility_opened",
  "funding.entry_recorded",
] as const satisfies readonly EventType[];

export interface ProjectFundingProps {
  projectId: string;
  /** The ledger as the server loaded it for the page. */
  initial: ProjectFundingData;
}

/**
 * A project's funding ledger: the capital stack against the capex, the facilities the reader may
 * see with their entries, opening a facility and recording entries (where the reader may), and
 * the ledger's export.
 */
export function ProjectFunding({ projectId, initial }: ProjectFundingProps) {
  const t = useTranslations("funding");
  const headingId = useId();
  const query = useProjectFunding(projectId, initial);
  const data = query.data ?? initial;
  const refresh = useRefreshFunding(projectId);
  const [open, setOpen] = useState<{ kind: "open" } | { kind: "record"; facilityId: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const live = useLiveStatusActions();
  useLiveEvents({ projectId, types: FUNDING_EVENTS }, (event) => {
    if (!event.mine) live.announce(t("liveUpdated"));
  });

  const close = () => setOpen(null);
  const done = async (message: string) => {
    setOpen(null);
    await refresh();
    setNotice(message);
  };
  const recording =
    open?.kind === "record" ? (data.facilities.find((f) => f.id === open.facilityId) ?? null) : null;

  return (
    <div className="flex flex-col gap-8">
      <ResultMessage message={notice} className="font-semibold text-green-900" />

      <section
        aria-labelledby={`${headingId}-stack`}
        className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
      >
        <h2 id={`${headingId}-stack`} className="text-lg font-semibold text-slate-900">
          {t("stack.heading")}
        </h2>
        <CapitalStack capexUsd={data.capexUsd} stack={data.stack} gapUsd={data.gapUsd} />
      </section>

      <section aria-labelledby={`${headingId}-facilities`} className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 id={`${headingId}-facilities`} className="text-xl font-semibold text-slate-900">
            {t("facilities.heading")}
          </h2>
          <div className="flex flex-wrap items-start gap-3">
            {data.financiers.length > 0 ? (
              <button type="button" className={primaryButton} onClick={() => setOpen({ kind: "open" })}>
                {t("open.button")}
              </button>
            ) : null}
            <FundingExport projectId={projectId} />
          </div>
        </div>
        {data.facilities.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-10 text-center">
            <p className="text-lg font-semibold text-slate-900">{t("empty.title")}</p>
            <p className="mt-2 text-slate-700">
              {data.financiers.length > 0 ? t("empty.recordHint") : t("empty.readHint")}
            </p>
          </div>
        ) : (
          <div aria-busy={query.isFetching || undefined}>
            <FacilitiesTable
              projectId={projectId}
              facilities={data.facilities}
              onRecord={(f) => setOpen({ kind: "record", facilityId: f.id })}
            />
          </div>
        )}
        <p className="text-sm text-slate-700">{t("facilities.note")}</p>
      </section>

      <OpenFacilityDialog
        open={open?.kind === "open"}
        projectId={projectId}
        financiers={data.financiers}
        programmes={data.programmes}
        onClose={close}
        onDone={done}
      />
      <RecordEntryDialog projectId={projectId} facility={recording} onClose={close} onDone={done} />
    </div>
  );
}
