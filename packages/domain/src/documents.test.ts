import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canSeeProject, type Actor } from "./access.js";
import {
  acceptedType,
  canManageDocument,
  canSeeDocument,
  canUploadTo,
  changeSince,
  CLASSIFICATIONS,
  ClassifyDocumentInput,
  documentVisibility,
  isReleased,
  revisionDocuments,
  sanitiseFileName,
  stampText,
  type DocumentAccessFacts,
  type DocumentVisibility,
} from "./documents.js";
import { PROJECT_STATUSES, ROLES } from "./enums.js";
import { liveEventFor, mayHearOf, type LoggedEvent } from "./events.js";

const orgs = ["0190c9a0-0000-7000-8000-00000000000a", "0190c9a0-0000-7000-8000-00000000000b"] as const;
const users = ["0190c9a0-0000-7000-8000-0000000000a1", "0190c9a0-0000-7000-8000-0000000000a2"] as const;
const delegations = ["US", "JP", "AU"] as const;

const actorArb: fc.Arbitrary<Actor> = fc.record({
  id: fc.constantFrom(...users),
  role: fc.constantFrom(...ROLES),
  delegation: fc.option(fc.constantFrom(...delegations), { nil: null }),
  organisationId: fc.option(fc.constantFrom(...orgs), { nil: null }),
});
const projectArb = fc.record({
  status: fc.constantFrom(...PROJECT_STATUSES),
  organisationId: fc.constantFrom(...orgs),
  submittedAt: fc.option(fc.constant("2026-11-02T09:00:00.000Z"), { nil: null }),
});
const docArb: fc.Arbitrary<DocumentAccessFacts> = fc
  .record({
    classification: fc.constantFrom(...CLASSIFICATIONS),
    delegations: fc.uniqueArray(fc.constantFrom(...delegations), { maxLength: 3 }),
    organisationId: fc.option(fc.constantFrom(...orgs), { nil: null }),
    uploadedById: fc.constantFrom(...users),
  })
  .map((d) => (d.classification === "NAMED_DELEGATIONS" ? d : { ...d, delegations: [] }));

/** The query description, evaluated as the repository's SQL evaluates it. */
function matches(v: DocumentVisibility, doc: DocumentAccessFacts): boolean {
  if (v.kind === "all") return true;
  return (
    v.classifications.includes(doc.classification) ||
    (doc.classification === "NAMED_DELEGATIONS" &&
      v.delegation !== null &&
      doc.delegations.includes(v.delegation)) ||
    (doc.organisationId !== null && doc.organisationId === v.organisationId) ||
    (doc.organisationId === null && doc.uploadedById === v.uploaderId)
  );
}

describe("classification × role × delegation × organisation (DESIGN.md §11)", () => {
  it("nobody sees a document of a project they may not see", () => {
    fc.assert(
      fc.property(actorArb, projectArb, docArb, (actor, project, doc) => {
        if (!canSeeProject(actor, project)) expect(canSeeDocument(actor, project, doc)).toBe(false);
      }),
    );
  });

  it("each level is exactly its audience, within the project's visibility", () => {
    fc.assert(
      fc.property(actorArb, projectArb, docArb, (actor, project, doc) => {
        const uploaderSide =
          doc.organisationId !== null
            ? actor.organisationId === doc.organisationId
            : actor.id === doc.uploadedById;
        const coordinator = actor.role === "COORDINATOR";
        const delegate = actor.role === "DELEGATE";
        const audience = {
          PROJECT: true,
          GOVERNMENTS: delegate || coordinator || uploaderSide,
          NAMED_DELEGATIONS:
            coordinator ||
            uploaderSide ||
            (delegate && actor.delegation !== null && doc.delegations.includes(actor.delegation)),
          ORGANISATION: coordinator || uploaderSide,
        }[doc.classification];
        expect(canSeeDocument(actor, project, doc)).toBe(canSeeProject(actor, project) && audience);
      }),
    );
  });

  it("levels are ordered: whoever sees a stricter level sees every looser one", () => {
    fc.assert(
      fc.property(actorArb, projectArb, docArb, (actor, project, doc) => {
        const at = (classification: DocumentAccessFacts["classification"]) =>
          canSeeDocument(actor, project, {
            ...doc,
            classification,
            delegations: classification === "NAMED_DELEGATIONS" ? doc.delegations : [],
          });
        if (at("ORGANISATION")) expect(at("NAMED_DELEGATIONS")).toBe(true);
        if (at("NAMED_DELEGATIONS")) expect(at("GOVERNMENTS")).toBe(true);
        if (at("GOVERNMENTS")) expect(at("PROJECT")).toBe(true);
      }),
    );
  });

  it("the query description agrees with the rule for every visible project", () => {
    fc.assert(
      fc.property(actorArb, projectArb, docArb, (actor, project, doc) => {
        if (!canSeeProject(actor, project)) return;
        expect(matches(documentVisibility(actor), doc)).toBe(canSeeDocument(actor, project, doc));
      }),
    );
  });

  it("only the uploading side and coordinators manage a document, and only one they can see", () => {
    fc.assert(
      fc.property(actorArb, projectArb, docArb, (actor, project, doc) => {
        if (!canManageDocument(actor, project, doc)) return;
        expect(canSeeDocument(actor, project, doc)).toBe(true);
        expect(actor.role).not.toBe("ADMIN");
        if (actor.role !== "COORDINATOR") {
          expect(
            doc.organisationId !== null
              ? actor.organisationId === doc.organisationId
              : actor.id === doc.uploadedById,
          ).toBe(true);
        }
      }),
    );
  });

  it("partners upload only to their own organisation's projects; admins never", () => {
    fc.assert(
      fc.property(actorArb, projectArb, (actor, project) => {
        const ok = canUploadTo(actor, project);
        if (actor.role === "ADMIN") expect(ok).toBe(false);
        if (actor.role === "PARTNER") expect(ok).toBe(actor.organisationId === project.organisationId);
        if (ok) expect(canSeeProject(actor, project)).toBe(true);
      }),
    );
  });

  it("live events and notifications about a document obey its classification, and never carry it", () => {
    fc.assert(
      fc.property(actorArb, projectArb, docArb, (actor, project, doc) => {
        const event: LoggedEvent = {
          position: "1",
          type: "document.added",
          version: 1,
          actorId: null,
          subject: { type: "Document", id: users[0] },
          project: { id: users[1], ...project },
          data: { documentId: users[0], folderId: users[1], access: doc },
          createdAt: "2026-12-01T00:00:00.000Z",
        };
        const live = liveEventFor(actor, event);
        expect(live !== null).toBe(canSeeDocument(actor, project, doc));
        expect(mayHearOf(actor, event)).toBe(canSeeDocument(actor, project, doc));
        if (live) expect(live.data).not.toHaveProperty("access");
        // Reads are audited, never broadcast.
        expect(liveEventFor(actor, { ...event, type: "document.downloaded" })).toBeNull();
      }),
    );
  });
});

describe("content types and names", () => {
  it("refuses an executable whatever its name, accepts the allow-list by content", () => {
    expect(acceptedType("application/x-msdownload", false, "study.pdf").ok).toBe(false);
    expect(acceptedType("application/x-elf", false, "study.pdf").ok).toBe(false);
    expect(acceptedType(undefined, false, "study.pdf").ok).toBe(false);
    expect(acceptedType("application/pdf", false, "renamed.exe")).toEqual({
      ok: true,
      mimeType: "application/pdf",
    });
    expect(acceptedType(undefined, true, "tonnage.CSV")).toEqual({ ok: true, mimeType: "text/csv" });
    expect(acceptedType(undefined, true, "notes")).toEqual({ ok: true, mimeType: "text/plain" });
  });

  it("sanitises names: no path, no control or override characters, the extension of the content", () => {
    expect(sanitiseFileName("../../etc/passwd", "text/plain")).toBe("passwd.txt");
    expect(sanitiseFileName("C:\\Users\\x\\study.exe", "application/pdf")).toBe("study.pdf");
    expect(sanitiseFileName("report\u202Efdp.exe", "application/pdf")).toBe("reportfdp.pdf");
    expect(sanitiseFileName('a<b>:"c|?*\u0000.pdf', "application/pdf")).toBe("abc.pdf");
    expect(sanitiseFileName("...", "image/png")).toBe("document.png");
    expect(sanitiseFileName("実現可能性調査 2026.pdf", "application/pdf")).toBe("実現可能性調査 2026.pdf");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 600 }), (name) => {
        const out = sanitiseFileName(name, "application/pdf");
        expect(out.endsWith(".pdf")).toBe(true);
        expect(Array.from(out).length).toBeLessThanOrEqual(180);
        // eslint-disable-next-line no-control-regex -- the test looks for control characters
        expect(out).not.toMatch(/[\u0000-\u001f/\\<>:"|?*\u202e]/);
      }),
    );
  });

  it("a stamp names the person in Latin-1, or by e-mail", () => {
    const at = new Date("2026-12-06T10:00:00Z");
    expect(stampText({ name: "Ana Ruiz", email: "ana@example.org" }, at, "GOVERNMENTS")).toBe(
      "GOVERNMENTS ONLY - downloaded by Ana Ruiz <ana@example.org> at 2026-12-06T10:00:00.000Z",
    );
    expect(stampText({ name: "佐藤 健", email: "sato@example.jp" }, at, "ORGANISATION")).toContain(
      "downloaded by sato@example.jp at",
    );
  });

  it("only released versions are served", () => {
    expect(isReleased("CLEAN")).toBe(true);
    expect(isReleased("UNSCANNED")).toBe(true);
    expect(isReleased("PENDING")).toBe(false);
    expect(isReleased("QUARANTINED")).toBe(false);
  });
});

describe("documents in a revision", () => {
  const a = {
    id: "b",
    titleEn: "Study",
    classification: "GOVERNMENTS" as const,
    version: { number: 2, sha256: "h2" },
  };
  const b = {
    id: "a",
    titleEn: "Plan",
    classification: "PROJECT" as const,
    version: { number: 1, sha256: "h1" },
  };

  it("lists released versions by hash in a stable order", () => {
    const listed = revisionDocuments([a, b, { ...b, id: "c", version: null }]);
    expect(listed.map((d) => d.documentId)).toEqual(["a", "b"]);
    expect(listed[1]).toEqual({
      documentId: "b",
      titleEn: "Study",
      classification: "GOVERNMENTS",
      version: 2,
      sha256: "h2",
    });
    expect(revisionDocuments([b, a])).toEqual(listed);
  });

  it("tells a changed and an added document from an unchanged one", () => {
    const recorded = revisionDocuments([a, b]);
    expect(changeSince(recorded, { id: "b", sha256: "h2" })).toBe("unchanged");
    expect(changeSince(recorded, { id: "b", sha256: "h3" })).toBe("changed");
    expect(changeSince(recorded, { id: "z", sha256: "h9" })).toBe("added");
  });
});

describe("classifying", () => {
  it("needs delegations exactly for NAMED_DELEGATIONS", () => {
    const documentId = users[0];
    expect(ClassifyDocumentInput.safeParse({ documentId, classification: "NAMED_DELEGATIONS" }).success).toBe(
      false,
    );
    expect(
      ClassifyDocumentInput.safeParse({ documentId, classification: "GOVERNMENTS", delegations: ["US"] })
        .success,
    ).toBe(false);
    expect(
      ClassifyDocumentInput.parse({
        documentId,
        classification: "NAMED_DELEGATIONS",
        delegations: ["US", "JP", "US"],
      }).delegations,
    ).toEqual(["JP", "US"]);
  });
});
