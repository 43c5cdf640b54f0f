import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { answeringLink } from "@/test/answering-link";
import { renderWithApi } from "@/test/api";
import { DocumentChangesPanel } from "./changes-panel";
import { PROJECT_ID } from "./testing";
import type { DocumentChanges } from "./types";

function renderPanel(changes: DocumentChanges, locale: "en" | "ja" = "en") {
  const link = answeringLink((op) => {
    if (op.path === "documents.changes") return changes;
    throw new Error(`Unexpected ${op.path}`);
  });
  return renderWithApi(<DocumentChangesPanel projectId={PROJECT_ID} />, link, { locale });
}

const ITEMS: DocumentChanges["items"] = [
  {
    documentId: "0c000000-0000-4000-8000-000000000001",
    titleEn: "Bankable feasibility study",
    titleJa: "事業化調査",
    classification: "PROJECT",
    change: "changed",
    recordedVersion: 1,
    currentVersion: 2,
  },
  {
    documentId: "0c000000-0000-4000-8000-000000000002",
    titleEn: "Environmental permit",
    titleJa: "",
    classification: "GOVERNMENTS",
    change: "added",
    recordedVersion: null,
    currentVersion: 1,
  },
];

describe("DocumentChangesPanel", () => {
  it("lists the documents changed or added since the revision under review, each linking to it", async () => {
    renderPanel({ revision: 2, items: ITEMS });
    const panel = await screen.findByRole("region", { name: "Documents changed since revision 2" });
    const items = within(panel).getAllByRole("listitem");
    expect(items[0]!.textContent).toBe(
      "Bankable feasibility studyProjectChanged: version 1 was reviewed, now version 2",
    );
    expect(within(items[1]!).getByRole("link", { name: "Environmental permit" }).getAttribute("href")).toBe(
      `/projects/${PROJECT_ID}/documents/0c000000-0000-4000-8000-000000000002`,
    );
    expect(items[1]!.textContent).toContain("Governments only");
    expect(items[1]!.textContent).toContain("Added (now version 1)");
  });

  it("is hidden when nothing changed, or nothing was submitted", async () => {
    const { container } = renderPanel({ revision: 2, items: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe("");
    const none = renderPanel({ revision: null, items: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(none.container.textContent).toBe("");
  });

  it("speaks Japanese", async () => {
    renderPanel({ revision: 3, items: ITEMS }, "ja");
    expect(await screen.findByRole("region", { name: "第3版の提出以降に変更された文書" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "事業化調査" })).toBeTruthy();
    expect(screen.getByText("変更：審査対象は第1版、現在は第2版")).toBeTruthy();
  });
});
