import { z } from "zod";
import { BoundedDate } from "./time-range.js";
import { DecisionRule } from "./decision.js";
import { may } from "./access.js";
import { DomainError } from "./errors.js";
import { Stance, VoteChoice, type DecisionOutcome, type Role } from "./enums.js";

// Comments, review rounds, votes and the decision record (DESIGN.md §4, §6).

/** Replies nest at most this deep (0 is a top-level comment). */
export const MAX_COMMENT_DEPTH = 4;

const body = z.string().trim().min(1, "Write something first.").max(20_000, "Use at most 20,000 characters.");

export const PostCommentInput = z
  .object({
    projectId: z.uuid(),
    parentId: z.uuid().nullable().default(null),
    /** Required on a top-level comment, not allowed on a reply. */
    stance: Stance.nullable().default(null),
    body,
  })
  .strict()
  .refine((c) => (c.parentId === null) === (c.stance !== null), {
    message: "A new thread takes a stance; a reply does not.",
    path: ["stance"],
  });

export const EditCommentInput = z.object({ commentId: z.uuid(), body }).strict();
export const CommentIdInput = z.object({ commentId: z.uuid() }).strict();
export const HideCommentInput = z
  .object({ commentId: z.uuid(), reason: z.string().trim().min(3, "Give a reason.").max(500) })
  .strict();
export const ListCommentsInput = z
  .object({
    projectId: z.uuid(),
    /** null: the top-level threads; an id: the replies to that comment. */
    parentId: z.uuid().nullable().default(null),
    cursor: z.uuid().nullish(),
    /** Sent by infinite-query clients ("Load more"); pages only go forward. */
    direction: z.literal("forward").optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();

export interface CommentView {
  id: string;
  parentId: string | null;
  depth: number;
  stance: z.infer<typeof Stance> | null;
  /** Null when removed, or hidden from this reader. */
  body: string | null;
  author: { id: string; name: string } | null;
  state: "visible" | "deleted" | "hidden";
  hiddenReason: string | null;
  edited: boolean;
  replyCount: number;
  createdAt: string;
  canEdit: boolean;
}

/** Who may comment where (DESIGN.md §4): delegates and coordinators anywhere they can see, partners on their own projects. */
export function canComment(
  actor: { role: Role; organisationId: string | null },
  project: { organisationId: string },
): boolean {
  if (!may(actor.role, "comment.write")) return false;
  if (actor.role !== "PARTNER") return true;
  return actor.organisationId !== null && actor.organisationId === project.organisationId;
}

/** Who may hide and unhide comments and read their history (DESIGN.md §4). */
export function canModerate(actor: { role: Role }): boolean {
  return may(actor.role, "comment.moderate");
}

/** What a reader sees of a comment: removed text is gone; hidden text only for its author and moderators. */
export function commentVisibility(
  reader: { id: string; role: Role },
  c: { authorId: string; deletedAt: Date | null; hiddenAt: Date | null },
): CommentView["state"] | "hidden-but-shown" {
  if (c.deletedAt) return "deleted";
  if (!c.hiddenAt) return "visible";
  return canModerate(reader) || reader.id === c.authorId ? "hidden-but-shown" : "hidden";
}

/** Who may read a comment's edit history: anyone while it is visible; once removed or hidden, its author and moderators. */
export function canReadCommentHistory(
  reader: { id: string; role: Role },
  c: { authorId: string; deletedAt: Date | null; hiddenAt: Date | null },
): boolean {
  return commentVisibility(reader, c) === "visible" || reader.id === c.authorId || canModerate(reader);
}

export const OpenRoundInput = z
  .object({
    projectId: z.uuid(),
    closesAt: BoundedDate,
    /** Omitted: the defaults of DESIGN.md §6. */
    rule: DecisionRule.optional(),
  })
  .strict();

export const UpdateRoundRuleInput = z.object({ roundId: z.uuid(), rule: DecisionRule }).strict();

export const CastVoteInput = z
  .object({
    roundId: z.uuid(),
    choice: VoteChoice,
    reason: z.string().trim().max(5_000).nullable().default(null),
  })
  .strict()
  .refine((v) => v.choice !== "REJECT" || (v.reason !== null && v.reason.length > 0), {
    message: "Give a reason when you vote to reject.",
    path: ["reason"],
  });

export const RoundIdInput = z.object({ roundId: z.uuid() }).strict();

export const CloseRoundInput = z
  .object({
    roundId: z.uuid(),
    rationale: z.string().trim().min(10, "Explain the decision in a sentence or two.").max(10_000),
    /** When the tally does not approve: reject, or send back for changes. */
    ifNotApproved: z.enum(["REJECTED", "CHANGES_REQUESTED"]),
  })
  .strict();

/** The outcome the record states: approval follows from the tally; otherwise the coordinator's call. */
export function decisionOutcome(
  approved: boolean,
  ifNotApproved: "REJECTED" | "CHANGES_REQUESTED",
): DecisionOutcome {
  return approved ? "APPROVED" : ifNotApproved;
}

/** Whether a round is open at `now`: not closed and before its closing time. */
export function isRoundOpen(round: { status: "OPEN" | "CLOSED"; closesAt: Date }, now: Date): boolean {
  return round.status === "OPEN" && round.closesAt > now;
}

/**
 * Whether a reader may see every vote's choice and reason (DESIGN.md §6): coordinators at once,
 * everyone who may see the project once the round is no longer open.
 */
export function canReadVotes(reader: { role: Role }, open: boolean): boolean {
  return !open || may(reader.role, "round.readVotesWhileOpen");
}

/**
 * Whether a reader may see a round's results (Loomio's "hidden until you vote"): everyone once it
 * is no longer open; while open, coordinators and admins, and a delegate who has voted. Partners
 * never while it is open.
 */
export function canSeeResults(reader: { role: Role }, open: boolean, hasVoted: boolean): boolean {
  if (!open) return true;
  if (may(reader.role, "round.readResultsWhileOpen")) return true;
  return may(reader.role, "round.vote") && hasVoted;
}

/** The refusal of anything done in a round that has closed. */
export const roundClosed = () =>
  new DomainError("INVALID_STATE", "This review round is closed: votes and changes are no longer accepted.");

export const roundChangedWhileVoting = () =>
  new DomainError(
    "INVALID_STATE",
    "This review round closed or its rule changed while your vote was on its way: it was not counted. Reload to see the round.",
  );

/** A round may only be changed or voted in while open and before its closing time. */
export function checkRoundOpen(round: { status: "OPEN" | "CLOSED"; closesAt: Date }, now: Date): void {
  if (!isRoundOpen(round, now)) throw roundClosed();
}

export const DecisionIdInput = z.object({ decisionId: z.uuid() }).strict();

/** `review.votes`: the counted votes of a round with their reasons and history, a page at a time. */
export const ListVotesInput = z
  .object({
    roundId: z.uuid(),
    /** The last voter id of the previous page. */
    cursor: z.uuid().nullish(),
    direction: z.literal("forward").optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .strict();
