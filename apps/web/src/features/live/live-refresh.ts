import type { AppRouter } from "@lodestone/api/router";
import type { LiveEvent } from "@lodestone/domain/events";
import type { QueryFilters } from "@tanstack/react-query";
import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";

type Trpc = TRPCOptionsProxy<AppRouter>;

/** What a live event changes in what this browser shows. */
export interface LiveRefresh {
  /** Queries to fetch again: at once where a page shows them, on their next use elsewhere. */
  refetch: QueryFilters[];
  /**
   * Queries only marked out of date, never fetched again by the event itself: a new comment by
   * someone else waits until the reader asks for it ("N new comments — show").
   */
  stale: QueryFilters[];
  /** The project's pages rendered on the server (its overview: status, timeline) show the change. */
  projectPage: boolean;
}

const NOTHING: LiveRefresh = { refetch: [], stale: [], projectPage: false };

/** The project's own record and the lists that show its status. */
function projectStatus(trpc: Trpc, projectId: string): QueryFilters[] {
  return [
    trpc.project.list.pathFilter(),
    trpc.project.get.queryFilter({ projectId }),
    trpc.dashboard.pipeline.pathFilter(),
  ];
}

/** A round as the reader may see it (turnout; results and reasons when the rules allow). */
function round(trpc: Trpc, roundId: string): QueryFilters[] {
  return [trpc.review.round.queryFilter({ roundId }), trpc.review.votes.infiniteQueryFilter({ roundId })];
}

function text(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === "string" ? value : null;
}

/**
 * The queries to refresh for one live event. The event only says what changed, never how: the
 * queries are read again, and the API applies its rules to them as to any read (a round's results
 * stay hidden from a delegate who has not voted until it closes, whatever the event).
 */
export function liveRefreshFor(event: LiveEvent, trpc: Trpc): LiveRefresh {
  const { projectId, data } = event;
  const roundId = text(data, "roundId");
  const commentId = text(data, "commentId");
  switch (event.type) {
    case "project.submitted":
    case "project.resubmitted":
    case "project.withdrawn":
    case "project.delivery_started":
    case "project.completed":
      return {
        refetch: [
          ...projectStatus(trpc, projectId),
          trpc.review.rounds.queryFilter({ projectId }),
          trpc.delivery.get.queryFilter({ projectId }),
          trpc.delivery.mine.pathFilter(),
        ],
        stale: [],
        projectPage: true,
      };
    case "project.edited":
      return {
        refetch: [trpc.project.list.pathFilter(), trpc.project.get.queryFilter({ projectId })],
        stale: [],
        projectPage: true,
      };
    case "project.time_zone_changed":
      return {
        refetch: [
          trpc.project.get.queryFilter({ projectId }),
          trpc.delivery.get.queryFilter({ projectId }),
          trpc.delivery.mine.pathFilter(),
        ],
        stale: [],
        projectPage: true,
      };
    case "review_round.opened":
      return {
        refetch: [...projectStatus(trpc, projectId), trpc.review.rounds.queryFilter({ projectId })],
        stale: [],
        projectPage: true,
      };
    case "review_round.rule_changed":
      return roundId
        ? { refetch: [trpc.review.round.queryFilter({ roundId })], stale: [], projectPage: false }
        : NOTHING;
    case "vote.cast":
    case "vote.changed":
      return roundId ? { refetch: round(trpc, roundId), stale: [], projectPage: false } : NOTHING;
    case "review_round.closed_at_time":
      return {
        refetch: [...(roundId ? round(trpc, roundId) : []), trpc.review.rounds.queryFilter({ projectId })],
        stale: [],
        projectPage: true,
      };
    case "decision.recorded":
      return {
        refetch: [
          ...(roundId ? round(trpc, roundId) : []),
          trpc.review.rounds.queryFilter({ projectId }),
          ...projectStatus(trpc, projectId),
          trpc.delivery.get.queryFilter({ projectId }),
        ],
        stale: [],
        projectPage: true,
      };
    case "comment.posted": {
      const lists = trpc.comment.list.infiniteQueryFilter({ projectId });
      const stats = trpc.comment.stats.queryFilter({ projectId });
      return event.mine
        ? { refetch: [lists, stats], stale: [], projectPage: false }
        : { refetch: [stats], stale: [lists], projectPage: false };
    }
    case "comment.edited":
    case "comment.deleted":
    case "comment.hidden":
    case "comment.unhidden":
      return {
        refetch: [
          trpc.comment.list.infiniteQueryFilter({ projectId }),
          trpc.comment.stats.queryFilter({ projectId }),
          ...(commentId ? [trpc.comment.history.queryFilter({ commentId })] : []),
        ],
        stale: [],
        projectPage: false,
      };
    case "milestone.created":
    case "milestone.replanned":
    case "milestone.reported":
      return {
        refetch: [
          trpc.delivery.get.queryFilter({ projectId }),
          trpc.delivery.mine.pathFilter(),
          trpc.dashboard.pipeline.pathFilter(),
        ],
        stale: [],
        projectPage: true,
      };
    case "document.added":
    case "document.version_added":
    case "document.edited":
    case "document.classified": {
      // A document's folder, list, counts and the review page's changes; the document itself if
      // open (read again: the reader may no longer see it after a classification).
      const documentId = text(data, "documentId");
      return {
        refetch: [
          trpc.documents.folders.queryFilter({ projectId }),
          trpc.documents.list.pathFilter(),
          trpc.documents.changes.queryFilter({ projectId }),
          trpc.documents.evidenceChoices.queryFilter({ projectId }),
          ...(documentId ? [trpc.documents.get.queryFilter({ documentId })] : []),
        ],
        stale: [],
        projectPage: false,
      };
    }
    case "gate.sequence_set":
    case "gate.started":
    case "gate.submitted":
    case "gate.returned":
    case "gate.passed":
    case "gate.failed":
    case "gate.waived":
    case "gate.reopened":
      // Where the project stands moved: its gates, the lists and the dashboard that show its
      // current gate, and its overview's header.
      return {
        refetch: [
          trpc.gates.get.queryFilter({ projectId }),
          trpc.gates.overview.pathFilter(),
          trpc.project.list.pathFilter(),
        ],
        stale: [],
        projectPage: true,
      };
    case "gate.signatory_designated":
    case "gate.updated":
    case "gate.evidence_cited":
    case "gate.signed_off":
      return { refetch: [trpc.gates.get.queryFilter({ projectId })], stale: [], projectPage: false };
    case "funding.facility_opened":
    case "funding.entry_recorded":
      // The ledger, every total it is part of, and the gates (the final investment decision
      // reads the committed funding).
      return {
        refetch: [
          trpc.funding.project.queryFilter({ projectId }),
          trpc.funding.totals.pathFilter(),
          trpc.funding.programmes.pathFilter(),
          trpc.gates.get.queryFilter({ projectId }),
        ],
        stale: [],
        projectPage: false,
      };
    case "permit.authorization_added":
    case "permit.outcome_set":
    case "permit.date_changed":
    case "permit.date_change_requested":
    case "permit.date_change_decided":
    case "permit.milestone_completed":
    case "permit.paused":
    case "permit.pause_summarised":
    case "permit.resumed":
      // The project's timetable, the permitting page across projects, and its overview's timeline.
      return {
        refetch: [trpc.permitting.get.queryFilter({ projectId }), trpc.permitting.overview.pathFilter()],
        stale: [],
        projectPage: true,
      };
    case "data_room.folder_created":
      return {
        refetch: [trpc.documents.folders.queryFilter({ projectId })],
        stale: [],
        projectPage: false,
      };
    default:
      // Events outside any project (users, delegations, sessions) are not live.
      return NOTHING;
  }
}

/**
 * Every query a live event can change: read again when the feed starts afresh after a break (its
 * place in the log was lost, so what happened meanwhile is unknown).
 */
export function liveQueryFilters(trpc: Trpc): QueryFilters[] {
  return [
    trpc.project.pathFilter(),
    trpc.review.pathFilter(),
    trpc.comment.pathFilter(),
    trpc.delivery.pathFilter(),
    trpc.dashboard.pathFilter(),
    trpc.documents.pathFilter(),
    trpc.gates.pathFilter(),
    trpc.funding.pathFilter(),
    trpc.permitting.pathFilter(),
  ];
}
