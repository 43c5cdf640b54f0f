import type { ProjectDetail } from "@lodestone/domain/proposal";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import { ProjectView } from "./project-view";

const PROJECT: ProjectDetail = {
  id: "6b0c3c1e-8a7b-4c55-9a51-6f0c7b9d2a10",
  reference: "LD-0042",
  status: "IN_REVIEW",
  version: 3,
  organisation: { id: "o1", name: "Pilbara Rare Metals Pty Ltd" },
  fields: {
    titleEn: "Heavy rare-earth separation plant",
    titleJa: "重希土類分離プラント",
    summaryEn: "Separates Dy and Tb.",
    summaryJa: "DyとTbを分離します。",
    bodyEn: "## Plan\n\nBuild **two** lines. <script>alert(1)</script>",
    bodyJa: "## 計画\n\n2系列を建設します。",
    bindingLanguage: "en",
    translationEn: "ORIGINAL",
    translationJa: "MACHINE",
    commodity: "DY",
    stage: "SEPARATION",
    site: { country: "AU", region: "Western Australia", latitude: -31.95, longitude: 115.86 },
    capacityTpy: 1500,
    capexUsd: 1_250_000_000,
    sponsors: ["JP", "US"],
  },
  currentRevision: null,
  submittedAt: "2026-11-20T06:30:00.000Z",
  createdAt: "2026-11-01T00:00:00.000Z",
  updatedAt: "2026-11-20T06:30:00.000Z",
  canManage: false,
};

describe("ProjectView", () => {
  it("shows both languages, the binding one marked, and each translation status", () => {
    const { container } = renderWithProviders(
      <ProjectView
        project={PROJECT}
        revisions={[]}
        timeline={[
          {
            id: "t1",
            type: "status_changed",
            data: { from: "SUBMITTED", to: "IN_REVIEW" },
            actor: { id: "u1", name: "Kenji Sato" },
            createdAt: "2026-11-20T06:30:00.000Z",
          },
        ]}
      />,
      { locale: "en", timeZone: "Asia/Tokyo" },
    );
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Heavy rare-earth separation plant");
    const english = screen.getByRole("region", { name: "English" });
    const japanese = screen.getByRole("region", { name: "Japanese" });
    expect(within(english).getByText("Binding")).toBeTruthy();
    expect(within(japanese).queryByText("Binding")).toBeNull();
    expect(within(english).getByText("Translation: Original")).toBeTruthy();
    expect(within(japanese).getByText("Translation: Machine translation")).toBeTruthy();
    expect(within(english).getByRole("heading", { name: "Plan" })).toBeTruthy();
    expect(container.querySelector("script")).toBeNull();
    expect(screen.getByText("$1,250,000,000")).toBeTruthy();
    expect(screen.getAllByText("Nov 20, 2026, 3:30 PM")).toHaveLength(2);
    expect(screen.getByText("Status changed")).toBeTruthy();
    expect(screen.getByText(/Submitted → In review/)).toBeTruthy();
    expect(screen.getByText("No revisions yet: the proposal has not been submitted.")).toBeTruthy();

    fireEvent.click(screen.getByRole("radio", { name: "Japanese only" }));
    expect(screen.queryByRole("region", { name: "English" })).toBeNull();
    expect(screen.getByRole("region", { name: "Japanese" })).toBeTruthy();
  });
});
