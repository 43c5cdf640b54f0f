import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { requireUser } from "@/features/auth/session";
import { isUuid, orNotFound } from "@/features/deliberation/load-project";
import { inLocale } from "@/features/documents/document-format";
import { DocumentView } from "@/features/documents/document-view";
import { serverApi } from "@/trpc/server";

interface Props {
  params: Promise<{ id: string; documentId: string }>;
}

/**
 * The document and its data room's folders, or "not found" when it does not exist, is another
 * project's, or the reader may not see it (its classification): a hidden document looks exactly
 * like a missing one. Loaded once per request for the metadata and the page (the API records the
 * view once).
 */
const loadDocument = cache(async (projectId: string, documentId: string) => {
  if (!isUuid(projectId) || !isUuid(documentId)) notFound();
  const api = await serverApi();
  const detail = await orNotFound(() => api.documents.get.query({ documentId }));
  if (detail.project.id !== projectId) notFound();
  const folders = await orNotFound(() => api.documents.folders.query({ projectId }));
  return { detail, folders };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const { id, documentId } = await params;
  const { detail } = await loadDocument(id, documentId);
  const [locale, t] = await Promise.all([getLocale(), getTranslations("documents")]);
  const title = inLocale(locale, detail.document.titleEn, detail.document.titleJa).text;
  return { title: t("pageTitle", { reference: detail.project.reference, title }) };
}

export default async function DocumentPage({ params }: Props) {
  await requireUser();
  const { id, documentId } = await params;
  const { detail, folders } = await loadDocument(id, documentId);
  return <DocumentView initial={detail} initialFolders={folders} />;
}
