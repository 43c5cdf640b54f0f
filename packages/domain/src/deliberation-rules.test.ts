import { describe, expect, it } from "vitest";
import {
  canComment,
  canModerate,
  canReadCommentHistory,
  canReadVotes,
  canSeeResults,
  checkRoundOpen,
  commentVisibility,
  decisionOutcome,
  isRoundOpen,
} from "./deliberation.js";
import { DomainError } from "./errors.js";
import { ROLES, type Role } from "./enums.js";

const orgA = "0190c9a0-0000-7000-8000-00000000000a";
const orgB = "0190c9a0-0000-7000-8000-00000000000b";
const reader = (role: Role, id = "reader") => ({ id, role });

describe("canComment (DESIGN.md §4)", () => {
  it("lets delegates and coordinators comment on any project they see", () => {
    for (const role of ["DELEGATE", "COORDINATOR"] as const) {
      expect(canComment({ role, organisationId: null }, { organisationId: orgA })).toBe(true);
    }
  });

  it("lets partners comment on their own organisation's projects only", () => {
    expect(canComment({ role: "PARTNER", organisationId: orgA }, { organisationId: orgA })).toBe(true);
    expect(canComment({ role: "PARTNER", organisationId: orgB }, { organisationId: orgA })).toBe(false);
    expect(canComment({ role: "PARTNER", organisationId: null }, { organisationId: orgA })).toBe(false);
  });

  it("never lets admins comment", () => {
    expect(canComment({ role: "ADMIN", organisationId: orgA }, { organisationId: orgA })).toBe(false);
  });
});

describe("canModerate", () => {
  it.each(ROLES)("%s", (role) => {
    expect(canModerate({ role })).toBe(role === "COORDINATOR" || role === "ADMIN");
  });
});

describe("commentVisibility and canReadCommentHistory", () => {
  const at = new Date("2027-01-05T10:00:00Z");
  const visible = { authorId: "author", deletedAt: null, hiddenAt: null };
  const hidden = { authorId: "author", deletedAt: null, hiddenAt: at };
  const deleted = { authorId: "author", deletedAt: at, hiddenAt: null };

  it("shows a visible comment to everyone, with its history", () => {
    for (const role of ROLES) {
      expect(commentVisibility(reader(role), visible)).toBe("visible");
      expect(canReadCommentHistory(reader(role), visible)).toBe(true);
    }
  });

  it("shows a hidden comment's text only to its author and moderators", () => {
    expect(commentVisibility(reader("DELEGATE"), hidden)).toBe("hidden");
    expect(commentVisibility(reader("PARTNER"), hidden)).toBe("hidden");
    expect(commentVisibility(reader("DELEGATE", "author"), hidden)).toBe("hidden-but-shown");
    expect(commentVisibility(reader("COORDINATOR"), hidden)).toBe("hidden-but-shown");
    expect(commentVisibility(reader("ADMIN"), hidden)).toBe("hidden-but-shown");
    expect(canReadCommentHistory(reader("DELEGATE"), hidden)).toBe(false);
    expect(canReadCommentHistory(reader("DELEGATE", "author"), hidden)).toBe(true);
    expect(canReadCommentHistory(reader("COORDINATOR"), hidden)).toBe(true);
  });

  it("shows nobody a removed comment's text, even if it was hidden too; its history only to its author and moderators", () => {
    for (const role of ROLES) {
      expect(commentVisibility(reader(role), deleted)).toBe("deleted");
      expect(commentVisibility(reader(role, "author"), { ...deleted, hiddenAt: at })).toBe("deleted");
    }
    expect(canReadCommentHistory(reader("PARTNER"), deleted)).toBe(false);
    expect(canReadCommentHistory(reader("PARTNER", "author"), deleted)).toBe(true);
    expect(canReadCommentHistory(reader("ADMIN"), deleted)).toBe(true);
  });
});

describe("a round is open until it is closed or its closing time passes", () => {
  const closesAt = new Date("2027-02-01T09:00:00Z");
  const before = new Date("2027-02-01T08:59:59.999Z");

  it("isRoundOpen and checkRoundOpen agree", () => {
    expect(isRoundOpen({ status: "OPEN", closesAt }, before)).toBe(true);
    expect(() => checkRoundOpen({ status: "OPEN", closesAt }, before)).not.toThrow();
    // At the closing instant itself it is no longer open.
    for (const [round, now] of [
      [{ status: "OPEN", closesAt }, closesAt],
      [{ status: "OPEN", closesAt }, new Date("2027-03-01T00:00:00Z")],
      [{ status: "CLOSED", closesAt }, before],
    ] as const) {
      expect(isRoundOpen(round, now)).toBe(false);
      expect(() => checkRoundOpen(round, now)).toThrow(DomainError);
      expect(() => checkRoundOpen(round, now)).toThrow(/closed/);
    }
  });
});

describe("who sees votes and results (DESIGN.md §6)", () => {
  it("canReadVotes: coordinators while the round is open; everyone once it is not", () => {
    for (const role of ROLES) {
      expect(canReadVotes({ role }, true)).toBe(role === "COORDINATOR");
      expect(canReadVotes({ role }, false)).toBe(true);
    }
  });

  it("canSeeResults: hidden from a delegate until they vote, from partners until the close", () => {
    expect(canSeeResults({ role: "DELEGATE" }, true, false)).toBe(false);
    expect(canSeeResults({ role: "DELEGATE" }, true, true)).toBe(true);
    expect(canSeeResults({ role: "PARTNER" }, true, false)).toBe(false);
    expect(canSeeResults({ role: "PARTNER" }, true, true)).toBe(false);
    expect(canSeeResults({ role: "COORDINATOR" }, true, false)).toBe(true);
    expect(canSeeResults({ role: "ADMIN" }, true, false)).toBe(true);
    for (const role of ROLES) expect(canSeeResults({ role }, false, false)).toBe(true);
  });
});

describe("decisionOutcome", () => {
  it("approves when the tally approves, whatever the coordinator chose for the other case", () => {
    expect(decisionOutcome(true, "REJECTED")).toBe("APPROVED");
    expect(decisionOutcome(true, "CHANGES_REQUESTED")).toBe("APPROVED");
  });

  it("otherwise records the coordinator's call", () => {
    expect(decisionOutcome(false, "REJECTED")).toBe("REJECTED");
    expect(decisionOutcome(false, "CHANGES_REQUESTED")).toBe("CHANGES_REQUESTED");
  });
});
