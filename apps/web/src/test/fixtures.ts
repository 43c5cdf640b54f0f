import type { ProjectListItem } from "@lodestone/domain/project-list";

let counter = 0;

/** A project as `project.list` returns it; override what a test cares about. */
export function makeProject(overrides: Partial<ProjectListItem> = {}): ProjectListItem {
  counter += 1;
  const n = String(counter).padStart(4, "0");
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    reference: `LD-${n}`,
    title: { en: `Heavy rare-earth separation plant ${n}`, ja: `重希土類分離プラント ${n}` },
    summary: { en: "Summary", ja: "概要" },
    bindingLanguage: "en",
    translation: { en: "ORIGINAL", ja: "HUMAN_CHECKED" },
    status: "IN_REVIEW",
    commodity: "DY",
    stage: "SEPARATION",
    siteCountry: "AU",
    siteRegion: "Western Australia",
    capacityTpy: 1500,
    capexUsd: 1_250_000_000,
    organisation: { id: "10000000-0000-4000-8000-000000000001", name: "Pilbara Rare Metals Pty Ltd" },
    sponsors: ["JP", "US"],
    updatedAt: "2026-11-20T06:30:00.000Z",
    ...overrides,
  };
}
