import type { AppRouter } from "@lodestone/api/router";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

/** What `documents.folders` answers: the folders with counts, and what the reader may do there. */
export type DataRoomFolders = Outputs["documents"]["folders"];
export type FolderRow = DataRoomFolders["folders"][number];
export type DelegationChoice = DataRoomFolders["delegations"][number];
/** One document as the data room's list shows it. */
export type DocumentRow = Outputs["documents"]["list"]["items"][number];
export type VersionRow = NonNullable<DocumentRow["current"]>;
/** One document with its versions (`documents.get`). */
export type DocumentDetail = Outputs["documents"]["get"];
export type DetailVersion = DocumentDetail["versions"][number];
export type AccessEntry = Outputs["documents"]["accessList"]["items"][number];
export type DocumentChanges = Outputs["documents"]["changes"];
export type ScanStatusData = Outputs["documents"]["scanStatus"];
export type ScanProblem = ScanStatusData["problems"][number];
export type EvidenceChoice = Outputs["documents"]["evidenceChoices"][number];
