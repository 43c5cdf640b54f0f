"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ProjectSectionsNav } from "@/features/projects/project-sections-nav";
import { ResultMessage } from "@/features/ui/result-message";
import { linkClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { AccessList } from "./access-list";
import { ClassificationBadge, ClassificationBanner } from "./classification";
import { ClassifyDialog } from "./classify-dialog";
import { delegationNames, inLocale, typeLabel, useFileSize } from "./document-format";
import { DocumentPreview } from "./document-preview";
import { EditDocumentDialog } from "./edit-document-dialog";
import { NewVersionDialog } from "./new-version-dialog";
import { ScanState } from "./scan-state";
import type { DataRoomFolders, DocumentDetail } from "./types";
import { useFolders, useRefreshDataRoom } from "./use-data-room";
import type { CreateUpload } from "./use-tus-upload";
import { downloadHref, VersionsTable } from "./versions-table";

type Open = "version" | "edit" | "classify" | null;

export interface DocumentViewProps {
  initial: DocumentDetail;
  initialFolders: DataRoomFolders;
  createUpload?: CreateUpload;
}

/**
 * One document of a data room: its classification banner first, what it is, the current version
 * (shown in the page when it is a PDF or an image that may be downloaded), every version with its
 * hash and a download link, and for its uploading organisation and coordinators: a new version,
 * its details, its classification, and who opened and downloaded it.
 */
export function DocumentView({ initial, initialFolders, createUpload }: DocumentViewProps) {
  const t = useTranslations("documents.detail");
  const tLevel = useTranslations("documents.classification");
  const format = useFormatter();
  const locale = useLocale();
  const size = useFileSize();
  const trpc = useTRPC();
  const ids = useId();
  const documentId = initial.document.id;
  const projectId = initial.project.id;
  const detail = useQuery(trpc.documents.get.queryOptions({ documentId }, { initialData: initial }));
  const data = detail.data;
  const folders = useFolders(projectId, initialFolders).data ?? initialFolders;
  const refreshAll = useRefreshDataRoom(projectId);
  const refresh = () => refreshAll(documentId);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setOpen(null);

  const doc = data.document;
  const title = inLocale(locale, doc.titleEn, doc.titleJa);
  const otherTitle = title.lang === "en" ? doc.titleJa : doc.titleEn;
  const projectTitle = inLocale(locale, data.project.titleEn, data.project.titleJa);
  const folder = folders.folders.find((f) => f.id === doc.folderId);
  const folderName = folder ? inLocale(locale, folder.nameEn, folder.nameJa) : null;
  const organisation =
    locale === "ja"
      ? (doc.organisationNameJa ?? doc.organisationName)
      : (doc.organisationName ?? doc.organisationNameJa);
  const named = delegationNames(doc.delegations, folders.delegations, locale);
  const current = data.versions.find((v) => v.id === doc.current?.id) ?? data.versions[0] ?? null;
  const descriptions = [
    { lang: "en" as const, text: doc.descriptionEn },
    { lang: "ja" as const, text: doc.descriptionJa },
  ]
    .filter((d) => d.text.trim())
    .sort((a) => (a.lang === locale ? -1 : 1));

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-6">
        <div>
          <p>
            <Link href={`/projects/${projectId}/documents`} className={linkClass}>
              {t("back")}
            </Link>
          </p>
          <p className="mt-4 text-sm text-slate-700">
            <span className="font-mono font-semibold">{data.project.reference}</span>{" "}
            <Link href={`/projects/${projectId}`} lang={projectTitle.lang} className={linkClass}>
              {projectTitle.text || data.project.reference}
            </Link>
            {folderName ? (
              <>
                {" · "}
                <Link
                  href={`/projects/${projectId}/documents?folder=${doc.folderId}`}
                  lang={folderName.lang}
                  className={linkClass}
                >
                  {folderName.text}
                </Link>
              </>
            ) : null}
          </p>
          <h1 lang={title.lang} className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">
            {title.text}
          </h1>
        </div>
        <ProjectSectionsNav projectId={projectId} />
      </div>

      <ClassificationBanner
        classification={doc.classification}
        delegationNames={named}
        organisation={organisation}
      />

      <div className="flex flex-col gap-3">
        <ResultMessage message={notice} className="font-semibold text-green-900" />
        <div className="flex flex-wrap gap-3">
          {current?.downloadable ? (
            <a href={downloadHref(current.id)} download className={primaryButton}>
              {t("downloadCurrent", { number: current.number })}
            </a>
          ) : null}
          {data.canManage ? (
            <>
              <button
                type="button"
                className={current?.downloadable ? secondaryButton : primaryButton}
                onClick={() => setOpen("version")}
              >
                {t("newVersion")}
              </button>
              <button type="button" className={secondaryButton} onClick={() => setOpen("edit")}>
                {t("edit")}
              </button>
              <button type="button" className={secondaryButton} onClick={() => setOpen("classify")}>
                {t("classify")}
              </button>
            </>
          ) : null}
        </div>
      </div>

      {current && current.scanStatus === "PENDING" ? (
        <div role="status" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950">
          <p className="font-semibold">{t("scanningTitle")}</p>
          <p className="mt-1">{t("scanningBody")}</p>
        </div>
      ) : current && current.scanStatus === "QUARANTINED" ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
          <p className="font-semibold">{t("quarantinedTitle")}</p>
          <p className="mt-1">{t("quarantinedBody")}</p>
        </div>
      ) : null}

      <section aria-labelledby={`${ids}-about`} className="flex flex-col gap-4">
        <h2 id={`${ids}-about`} className="text-xl font-semibold text-slate-900">
          {t("about")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <dt className="font-semibold text-slate-900">{t("classification")}</dt>
          <dd>
            <ClassificationBadge classification={doc.classification} delegations={doc.delegations} />
          </dd>
          {organisation ? (
            <>
              <dt className="font-semibold text-slate-900">{t("organisation")}</dt>
              <dd>{organisation}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-slate-900">{t("folder")}</dt>
          <dd lang={folderName?.lang}>{folderName?.text ?? "—"}</dd>
          {otherTitle.trim() && otherTitle !== title.text ? (
            <>
              <dt className="font-semibold text-slate-900">{t("otherTitle")}</dt>
              <dd lang={title.lang === "en" ? "ja" : "en"}>{otherTitle}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-slate-900">{t("description")}</dt>
          <dd className="flex flex-col gap-2">
            {descriptions.length === 0 ? (
              <span className="text-slate-600">{t("noDescription")}</span>
            ) : (
              descriptions.map((d) => (
                <p key={d.lang} lang={d.lang} className="whitespace-pre-line">
                  {d.text}
                </p>
              ))
            )}
          </dd>
          {current ? (
            <>
              <dt className="font-semibold text-slate-900">{t("currentVersion")}</dt>
              <dd className="flex flex-col gap-1">
                <span>
                  {t("versionSummary", {
                    number: current.number,
                    fileName: current.fileName,
                    type: typeLabel(current.mimeType),
                    size: size(current.size),
                  })}
                </span>
                <span className="text-slate-700">
                  {t("uploadedBy", { name: current.uploadedByName })}{" "}
                  <time dateTime={current.createdAt}>
                    {format.dateTime(new Date(current.createdAt), "dateTime")}
                  </time>
                </span>
                <ScanState status={current.scanStatus} signature={current.scanSignature} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {current?.previewable ? (
        <section aria-labelledby={`${ids}-preview`} className="flex flex-col gap-4">
          <h2 id={`${ids}-preview`} className="text-xl font-semibold text-slate-900">
            {t("preview")}
          </h2>
          <DocumentPreview version={current} title={title.text} />
        </section>
      ) : null}

      <section aria-labelledby={`${ids}-versions`} className="flex flex-col gap-4">
        <h2 id={`${ids}-versions`} className="text-xl font-semibold text-slate-900">
          {t("versions")}
        </h2>
        <VersionsTable versions={data.versions} onCopied={setNotice} />
      </section>

      {data.canManage ? (
        <section aria-labelledby={`${ids}-access`} className="flex flex-col gap-4">
          <div>
            <h2 id={`${ids}-access`} className="text-xl font-semibold text-slate-900">
              {t("accessList")}
            </h2>
            <p className="mt-1 text-slate-700">{t("accessListLead")}</p>
          </div>
          <AccessList documentId={documentId} />
        </section>
      ) : null}

      {data.canManage ? (
        <>
          <NewVersionDialog
            open={open === "version"}
            documentId={documentId}
            title={title.text}
            maxBytes={folders.maxBytes}
            onClose={close}
            onUploaded={() => void refresh()}
            createUpload={createUpload}
          />
          <EditDocumentDialog
            open={open === "edit"}
            document={doc}
            folders={folders.folders}
            onClose={close}
            onSaved={async () => {
              setOpen(null);
              await refresh();
              setNotice(t("saved"));
            }}
          />
          <ClassifyDialog
            open={open === "classify"}
            documentId={documentId}
            current={{ classification: doc.classification, delegations: doc.delegations }}
            delegations={folders.delegations}
            onClose={close}
            onSaved={async (level) => {
              setOpen(null);
              await refresh();
              setNotice(t("classified", { level: tLevel(`name.${level.classification}`) }));
            }}
          />
        </>
      ) : null}
    </div>
  );
}
