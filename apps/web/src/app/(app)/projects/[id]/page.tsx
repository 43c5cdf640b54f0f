import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { requireUser } from "@/features/auth/session";
import { isUuid, orNotFound } from "@/features/deliberation/load-project";
import { LiveProjectRefresh } from "@/features/live/live-project-refresh";
import { FollowControl } from "@/features/notifications/follow-control";
import { ProjectView } from "@/features/projects/project-view";
import { serverApi } from "@/trpc/server";

interface Props {
  params: Promise<{ id: string }>;
}

/**
 * The project, or "not found" when it does not exist or the reader may not see it (loaded once
 * per request for both the metadata and the page).
 */
const loadProject = cache(async (id: string) => {
  if (!isUuid(id)) notFound();
  const api = await serverApi();
  const [project, revisions, timeline, commentStats] = await orNotFound(() =>
    Promise.all([
      api.project.get.query({ projectId: id }),
      api.project.revisions.query({ projectId: id }),
      api.project.timeline.query({ projectId: id, limit: 100 }),
      // The overview still shows when the counts cannot be had.
      api.comment.stats.query({ projectId: id }).catch(() => null),
    ]),
  );
  return { project, revisions, timeline: timeline.items, commentStats, gate: project.gate ?? null };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const { id } = await params;
  const { project } = await loadProject(id);
  const locale = await getLocale();
  const title = (locale === "ja" ? project.fields.titleJa : project.fields.titleEn) || project.fields.titleEn;
  return { title: `${project.reference} ${title}` };
}

export default async function ProjectPage({ params }: Props) {
  await requireUser();
  const { id } = await params;
  const { project, revisions, timeline, commentStats, gate } = await loadProject(id);
  return (
    <>
      <LiveProjectRefresh projectId={project.id} announce />
      <ProjectView
        project={project}
        revisions={revisions}
        timeline={timeline}
        commentStats={commentStats}
        gate={gate}
        follow={<FollowControl subject={{ type: "PROJECT", id: project.id }} />}
      />
    </>
  );
}
