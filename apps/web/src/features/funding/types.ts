import type { AppRouter } from "@lodestone/api/router";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `funding.project` answers: a project's ledger as the reader may see it. */
export type ProjectFundingData = Outputs["funding"]["project"];
export type Facility = ProjectFundingData["facilities"][number];
export type LedgerEntry = Facility["entries"][number];
export type FinancierChoice = ProjectFundingData["financiers"][number];
export type ProgrammeChoice = ProjectFundingData["programmes"][number];
/** Totals by state across the facilities the reader may see (`funding.totals`). */
export type FundingTotalsRow = Outputs["funding"]["totals"][number];
/** A pledge across projects (`funding.programmes`). */
export type Programme = Outputs["funding"]["programmes"][number];
