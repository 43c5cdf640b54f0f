"use client";

import { ProjectSectionsNav } from "@/features/projects/project-sections-nav";
import { ProjectTitle } from "@/features/projects/project-title";

/** The project's reference and title above one of its sections, then the sections' navigation. */
export function ProjectSectionHeader({
  project,
}: {
  project: { id: string; reference: string; fields: { titleEn: string; titleJa: string } };
}) {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <ProjectTitle project={{ reference: project.reference, ...project.fields }} />
      </div>
      <ProjectSectionsNav projectId={project.id} />
    </div>
  );
}
