import type { AppRouter } from "@lodestone/api/router";
import type { EventType, LiveEvent } from "@lodestone/domain/events";
import { QueryClient, type QueryFilters, type QueryKey } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { describe, expect, it } from "vitest";
import { liveQueryFilters, liveRefreshFor } from "./live-refresh";

const PROJECT = "3d7e9a10-6a2b-4c1d-9e8f-1a2b3c4d5e6f";
const OTHER_PROJECT = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const ROUND = "00000000-0000-4000-8000-000000000001";
const OTHER_ROUND = "00000000-0000-4000-8000-000000000002";
const COMMENT = "00000000-0000-4000-8000-000000000003";
const OTHER_COMMENT = "00000000-0000-4000-8000-000000000004";
const MILESTONE = "00000000-0000-4000-8000-000000000005";
const DECISION = "00000000-0000-4000-8000-000000000006";
const DOCUMENT = "00000000-0000-4000-8000-000000000007";
const OTHER_DOCUMENT = "00000000-0000-4000-8000-000000000008";
const FOLDER = "00000000-0000-4000-8000-000000000009";
const GATE = "00000000-0000-4000-8000-00000000000a";
const FACILITY = "00000000-0000-4000-8000-00000000000b";
const ENTRY = "00000000-0000-4000-8000-00000000000c";

const queryClient = new QueryClient();
const trpc = createTRPCOptionsProxy<AppRouter>({
  client: createTRPCClient<AppRouter>({ links: [] }),
  queryClient,
});

/** The queries the pages hold, by a name for each, under the keys the pages use. */
const CACHED = {
  projectList: trpc.project.list.infiniteQueryKey({ limit: 20, sort: "updated" }),
  projectListFiltered: trpc.project.list.infiniteQueryKey({ limit: 20, status: ["IN_REVIEW"] }),
  project: trpc.project.get.queryKey({ projectId: PROJECT }),
  otherProject: trpc.project.get.queryKey({ projectId: OTHER_PROJECT }),
  rounds: trpc.review.rounds.queryKey({ projectId: PROJECT }),
  otherRounds: trpc.review.rounds.queryKey({ projectId: OTHER_PROJECT }),
  round: trpc.review.round.queryKey({ roundId: ROUND }),
  otherRound: trpc.review.round.queryKey({ roundId: OTHER_ROUND }),
  votes: trpc.review.votes.infiniteQueryKey({ roundId: ROUND, limit: 50 }),
  otherVotes: trpc.review.votes.infiniteQueryKey({ roundId: OTHER_ROUND, limit: 50 }),
  threads: trpc.comment.list.infiniteQueryKey({ projectId: PROJECT, parentId: null, limit: 20 }),
  replies: trpc.comment.list.infiniteQueryKey({ projectId: PROJECT, parentId: COMMENT, limit: 20 }),
  otherThreads: trpc.comment.list.infiniteQueryKey({ projectId: OTHER_PROJECT, parentId: null, limit: 20 }),
  stats: trpc.comment.stats.queryKey({ projectId: PROJECT }),
  otherStats: trpc.comment.stats.queryKey({ projectId: OTHER_PROJECT }),
  history: trpc.comment.history.queryKey({ commentId: COMMENT }),
  otherHistory: trpc.comment.history.queryKey({ commentId: OTHER_COMMENT }),
  delivery: trpc.delivery.get.queryKey({ projectId: PROJECT }),
  otherDelivery: trpc.delivery.get.queryKey({ projectId: OTHER_PROJECT }),
  myMilestones: trpc.delivery.mine.infiniteQueryKey({ limit: 25 }),
  dashboard: trpc.dashboard.pipeline.queryKey(),
  users: trpc.user.list.infiniteQueryKey({ limit: 20 }),
  delegations: trpc.delegation.list.queryKey(),
  folders: trpc.documents.folders.queryKey({ projectId: PROJECT }),
  otherFolders: trpc.documents.folders.queryKey({ projectId: OTHER_PROJECT }),
  documents: trpc.documents.list.infiniteQueryKey({ projectId: PROJECT, limit: 25 }),
  documentSearch: trpc.documents.list.infiniteQueryKey({ projectId: PROJECT, limit: 25, q: "plan" }),
  document: trpc.documents.get.queryKey({ documentId: DOCUMENT }),
  otherDocument: trpc.documents.get.queryKey({ documentId: OTHER_DOCUMENT }),
  documentChanges: trpc.documents.changes.queryKey({ projectId: PROJECT }),
  evidenceChoices: trpc.documents.evidenceChoices.queryKey({ projectId: PROJECT }),
  gates: trpc.gates.get.queryKey({ projectId: PROJECT }),
  otherGates: trpc.gates.get.queryKey({ projectId: OTHER_PROJECT }),
  gateOverview: trpc.gates.overview.queryKey(),
  funding: trpc.funding.project.queryKey({ projectId: PROJECT }),
  otherFunding: trpc.funding.project.queryKey({ projectId: OTHER_PROJECT }),
  fundingByDelegation: trpc.funding.totals.queryKey({ by: "delegation" }),
  fundingByFinancier: trpc.funding.totals.queryKey({ by: "financier" }),
  programmes: trpc.funding.programmes.queryKey(),
  permitting: trpc.permitting.get.queryKey({ projectId: PROJECT }),
  otherPermitting: trpc.permitting.get.queryKey({ projectId: OTHER_PROJECT }),
  permittingOverview: trpc.permitting.overview.queryKey({}),
  permittingOverviewFiltered: trpc.permitting.overview.queryKey({ jurisdiction: "JP_NATIONAL" }),
} as const;
type Cached = keyof typeof CACHED;

for (const key of Object.values(CACHED)) queryClient.setQueryData<object>(key as QueryKey, {});

/** Which of the cached queries the filters select, by name. */
function selected(filters: QueryFilters[]): Cached[] {
  const cache = queryClient.getQueryCache();
  const hit = new Set(filters.flatMap((filter) => cache.findAll(filter)).map((q) => q.queryHash));
  return (Object.keys(CACHED) as Cached[])
    .filter((name) => hit.has(cache.find({ queryKey: CACHED[name], exact: true })!.queryHash))
    .sort();
}

function event(type: EventType, data: Record<string, unknown>, mine = false): LiveEvent {
  return {
    type,
    projectId: PROJECT,
    subject: { type: "Project", id: PROJECT },
    data,
    mine,
    at: "2026-11-20T01:00:00.000Z",
  };
}

describe("liveRefreshFor", () => {
  it.each(["vote.cast", "vote.changed"] as const)(
    "%s reads that round again (turnout, and results where the reader may see them), nothing else",
    (type) => {
      const refresh = liveRefreshFor(event(type, { roundId: ROUND }), trpc);
      expect(selected(refresh.refetch)).toEqual(["round", "votes"]);
      expect(refresh.stale).toEqual([]);
      expect(refresh.projectPage).toBe(false);
    },
  );

  it("a recorded decision reads the round, the project's rounds, its status everywhere and its delivery again", () => {
    const refresh = liveRefreshFor(
      event("decision.recorded", {
        roundId: ROUND,
        decisionId: DECISION,
        outcome: "APPROVED",
        from: "IN_REVIEW",
        to: "APPROVED",
      }),
      trpc,
    );
    expect(selected(refresh.refetch)).toEqual(
      [
        "dashboard",
        "delivery",
        "project",
        "projectList",
        "projectListFiltered",
        "round",
        "rounds",
        "votes",
      ].sort(),
    );
    expect(refresh.projectPage).toBe(true);
  });

  it("a round closed at its time reads the round and the project's rounds again, and the overview's timeline", () => {
    const refresh = liveRefreshFor(event("review_round.closed_at_time", { roundId: ROUND }), trpc);
    expect(selected(refresh.refetch)).toEqual(["round", "rounds", "votes"]);
    expect(refresh.projectPage).toBe(true);
  });

  it("an opened round reads the project's rounds and its status again", () => {
    const refresh = liveRefreshFor(
      event("review_round.opened", { roundId: ROUND, revision: 2, closesAt: "2026-12-01T00:00:00.000Z" }),
      trpc,
    );
    expect(selected(refresh.refetch)).toEqual(
      ["dashboard", "project", "projectList", "projectListFiltered", "rounds"].sort(),
    );
    expect(refresh.projectPage).toBe(true);
  });

  it("a changed rule reads only its round again", () => {
    expect(
      selected(liveRefreshFor(event("review_round.rule_changed", { roundId: ROUND }), trpc).refetch),
    ).toEqual(["round"]);
  });

  it("someone else's new comment refreshes the counts but only marks the project's threads out of date", () => {
    const refresh = liveRefreshFor(event("comment.posted", { commentId: COMMENT, parentId: null }), trpc);
    expect(selected(refresh.refetch)).toEqual(["stats"]);
    expect(selected(refresh.stale)).toEqual(["replies", "threads"]);
    expect(refresh.projectPage).toBe(false);
  });

  it("the reader's own new comment (from another tab) reads the project's threads again at once", () => {
    const refresh = liveRefreshFor(
      event("comment.posted", { commentId: COMMENT, parentId: null }, true),
      trpc,
    );
    expect(selected(refresh.refetch)).toEqual(["replies", "stats", "threads"]);
    expect(refresh.stale).toEqual([]);
  });

  it.each(["comment.edited", "comment.deleted", "comment.hidden", "comment.unhidden"] as const)(
    "%s reads the project's threads, counts and that comment's history again, in place",
    (type) => {
      const refresh = liveRefreshFor(event(type, { commentId: COMMENT, parentId: null }), trpc);
      expect(selected(refresh.refetch)).toEqual(["history", "replies", "stats", "threads"]);
      expect(refresh.stale).toEqual([]);
    },
  );

  it.each(["milestone.created", "milestone.replanned", "milestone.reported"] as const)(
    "%s reads the project's delivery, the reader's milestones and the dashboard again",
    (type) => {
      const refresh = liveRefreshFor(event(type, { milestoneId: MILESTONE }), trpc);
      expect(selected(refresh.refetch)).toEqual(["dashboard", "delivery", "myMilestones"]);
      expect(refresh.projectPage).toBe(true);
    },
  );

  it.each([
    "project.submitted",
    "project.withdrawn",
    "project.delivery_started",
    "project.completed",
  ] as const)("%s reads the project's status everywhere it shows again", (type) => {
    const refresh = liveRefreshFor(event(type, { from: "DRAFT", to: "SUBMITTED" }), trpc);
    expect(selected(refresh.refetch)).toEqual(
      [
        "dashboard",
        "delivery",
        "myMilestones",
        "project",
        "projectList",
        "projectListFiltered",
        "rounds",
      ].sort(),
    );
    expect(refresh.projectPage).toBe(true);
  });

  it("an edit reads the project and the lists again", () => {
    const refresh = liveRefreshFor(event("project.edited", {}), trpc);
    expect(selected(refresh.refetch)).toEqual(["project", "projectList", "projectListFiltered"]);
    expect(refresh.projectPage).toBe(true);
  });

  it.each(["document.added", "document.version_added", "document.edited", "document.classified"] as const)(
    "%s reads the data room's folders, its lists, the review page's changes and that document again",
    (type) => {
      const refresh = liveRefreshFor(event(type, { documentId: DOCUMENT, folderId: FOLDER }), trpc);
      expect(selected(refresh.refetch)).toEqual(
        (
          [
            "document",
            "documentChanges",
            "documentSearch",
            "documents",
            "evidenceChoices",
            "folders",
          ] as Cached[]
        ).sort(),
      );
      expect(refresh.projectPage).toBe(false);
    },
  );

  it("a new folder reads the data room's folders again", () => {
    const refresh = liveRefreshFor(event("data_room.folder_created", { folderId: FOLDER }), trpc);
    expect(selected(refresh.refetch)).toEqual(["folders"]);
  });

  it.each(["gate.started", "gate.submitted", "gate.passed", "gate.waived"] as const)(
    "%s reads the project's gates, the gate panel and the project lists again, and its overview",
    (type) => {
      const refresh = liveRefreshFor(
        event(type, { gateId: GATE, gateKind: "SCOPING", gateState: "IN_PROGRESS" }),
        trpc,
      );
      expect(selected(refresh.refetch)).toEqual(
        (["gateOverview", "gates", "projectList", "projectListFiltered"] as Cached[]).sort(),
      );
      expect(refresh.projectPage).toBe(true);
    },
  );

  it.each(["gate.updated", "gate.evidence_cited", "gate.signed_off", "gate.signatory_designated"] as const)(
    "%s reads only the project's gates again",
    (type) => {
      const refresh = liveRefreshFor(event(type, { gateId: GATE }), trpc);
      expect(selected(refresh.refetch)).toEqual(["gates"]);
      expect(refresh.projectPage).toBe(false);
    },
  );

  it.each(["funding.facility_opened", "funding.entry_recorded"] as const)(
    "%s reads the project's ledger and gates, the totals and the programmes again",
    (type) => {
      const refresh = liveRefreshFor(
        event(type, { facilityId: FACILITY, entryId: ENTRY, entryKind: "COMMITMENT" }),
        trpc,
      );
      expect(selected(refresh.refetch)).toEqual(
        (["funding", "fundingByDelegation", "fundingByFinancier", "gates", "programmes"] as Cached[]).sort(),
      );
      expect(refresh.projectPage).toBe(false);
    },
  );

  it.each([
    "permit.authorization_added",
    "permit.outcome_set",
    "permit.date_changed",
    "permit.date_change_requested",
    "permit.date_change_decided",
    "permit.milestone_completed",
    "permit.paused",
    "permit.pause_summarised",
    "permit.resumed",
  ] as const)("%s reads the project's timetable and the permitting page again, and its overview", (type) => {
    const refresh = liveRefreshFor(event(type, { authorizationId: ENTRY }), trpc);
    expect(selected(refresh.refetch)).toEqual(
      (["permitting", "permittingOverview", "permittingOverviewFiltered"] as Cached[]).sort(),
    );
    expect(refresh.projectPage).toBe(true);
  });

  it("an event outside any project changes nothing", () => {
    expect(liveRefreshFor(event("user.invited", {}), trpc)).toEqual({
      refetch: [],
      stale: [],
      projectPage: false,
    });
  });
});

describe("liveQueryFilters", () => {
  it("selects every query a live event can change (of every project), and none that no event changes", () => {
    const unchanged: Cached[] = ["delegations", "users"];
    expect(selected(liveQueryFilters(trpc))).toEqual(
      (Object.keys(CACHED) as Cached[]).filter((name) => !unchanged.includes(name)).sort(),
    );
  });
});
