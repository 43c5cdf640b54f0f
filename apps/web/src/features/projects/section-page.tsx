import type { ReactNode } from "react";
import { requireUser } from "@/features/auth/session";
import { loadSectionProject } from "@/features/deliberation/load-project";
import { ProjectSectionHeader, type ProjectHeading } from "@/features/deliberation/project-section-header";

/**
 * What a project's section page (and its metadata) starts with: the signed-in reader (else to sign
 * in) and the project in the address, or the not-found page when it does not exist or the reader
 * may not see it. The project is loaded once per request for both.
 */
export async function loadSectionPage(params: Promise<{ id: string }>) {
  const user = await requireUser();
  const { id } = await params;
  const project = await loadSectionProject(id);
  return { user, project };
}

/** Which project a section page's header names, from the project as the API gives it. */
export function projectHeading(project: {
  id: string;
  reference: string;
  fields: { titleEn: string; titleJa: string };
}): ProjectHeading {
  return {
    id: project.id,
    reference: project.reference,
    titleEn: project.fields.titleEn,
    titleJa: project.fields.titleJa,
  };
}

/** A project's section page: its header (the project, the section's heading and lead), then the section. */
export function ProjectSectionPage({
  project,
  heading,
  lead,
  children,
}: {
  project: ProjectHeading;
  heading: string;
  lead: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-8">
      <ProjectSectionHeader project={project} heading={heading} lead={lead} />
      {children}
    </div>
  );
}
