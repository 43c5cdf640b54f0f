import { notFound } from "next/navigation";
import { cache } from "react";
import { serverApi, trpcCodeOf } from "@/trpc/server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can name a record at all (anything else is "not found" without asking the API). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** What `load` answers, or the not-found page when the record is missing or hidden from the reader. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = trpcCodeOf(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
}

/**
 * The project of a section page, or "not found" when it does not exist or the reader may not see
 * it (loaded once per request for both the metadata and the page).
 */
export const loadSectionProject = cache(async (id: string) => {
  if (!isUuid(id)) notFound();
  const api = await serverApi();
  return orNotFound(() => api.project.get.query({ projectId: id }));
});
