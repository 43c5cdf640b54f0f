"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { listLoadState } from "@/features/ui/load-problem";
import { LoadMore } from "@/features/ui/load-more";
import { ResultMessage } from "@/features/ui/result-message";
import { inLocale } from "./document-format";
import { DocumentTable } from "./document-table";
import { ExportButton } from "./export-button";
import { NewFolderDialog } from "./new-folder-dialog";
import type { DataRoomFolders, FolderRow } from "./types";
import { UploadDocumentDialog } from "./upload-document-dialog";
import { useDocumentList, useFolders, useRefreshDataRoom } from "./use-data-room";
import type { CreateUpload } from "./use-tus-upload";

/** How long typing pauses before the search runs. */
export const SEARCH_DELAY_MS = 300;

/** `value`, once it has stayed the same for `delay` ms. */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export interface DataRoomProps {
  projectId: string;
  initialFolders: DataRoomFolders;
  /** For tests: makes the tus upload. */
  createUpload?: CreateUpload;
}

/**
 * A project's data room: its folders (with how many documents the reader may see in each) as
 * navigation, the documents of the folder chosen (or all) found by words, a page at a time;
 * exporting the index; uploading a document; a coordinator's new folder. The folder and the
 * search are in the address, so a view can be shared.
 */
export function DataRoom({ projectId, initialFolders, createUpload }: DataRoomProps) {
  const t = useTranslations("documents");
  const locale = useLocale();
  const pathname = usePathname();
  const params = useSearchParams();
  const headingId = useId();
  const searchId = useId();

  const folders = useFolders(projectId, initialFolders);
  const room = folders.data ?? initialFolders;
  const requested = params.get("folder");
  const folder: FolderRow | null = room.folders.find((f) => f.id === requested) ?? null;

  const [query, setQuery] = useState(params.get("q") ?? "");
  const q = useDebounced(query.trim(), SEARCH_DELAY_MS);
  // The search stays in the address (without a round trip to the server).
  useEffect(() => {
    const next = new URLSearchParams(window.location.search);
    if (q) next.set("q", q);
    else next.delete("q");
    const search = next.toString();
    if (search !== window.location.search.replace(/^\?/, "")) {
      window.history.replaceState(null, "", `${pathname}${search ? `?${search}` : ""}`);
    }
  }, [q, pathname]);

  const list = useDocumentList(projectId, folder?.id ?? null, q);
  const refresh = useRefreshDataRoom(projectId);
  const [open, setOpen] = useState<"upload" | "folder" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setOpen(null);
  const uploaded = () => void refresh();

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = room.folders.reduce((sum, f) => sum + f.documentCount, 0);
  const folderName = folder ? inLocale(locale, folder.nameEn, folder.nameJa) : null;
  const heading = folderName ? folderName.text : t("allDocuments");
  const loadState = listLoadState(list, {
    loading: t("loading"),
    loadFailed: (message) => t("loadFailed", { message }),
    retry: t("retry"),
  });
  const folderHref = (id: string | null) => {
    const next = new URLSearchParams();
    if (id) next.set("folder", id);
    if (q) next.set("q", q);
    const search = next.toString();
    return `${pathname}${search ? `?${search}` : ""}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <ResultMessage message={notice} className="font-semibold text-green-900" />

      <div className="flex flex-wrap items-end gap-3">
        <form
          role="search"
          aria-label={t("search.label")}
          className="flex min-w-[16rem] flex-1 flex-col gap-1.5"
          onSubmit={(event) => event.preventDefault()}
        >
          <label htmlFor={searchId} className="text-sm font-semibold text-slate-900">
            {t("search.field")}
          </label>
          <input
            id={searchId}
            type="search"
            name="q"
            value={query}
            maxLength={200}
            aria-describedby={`${searchId}-hint`}
            onChange={(event) => setQuery(event.target.value)}
            className={inputClass}
          />
          <p id={`${searchId}-hint`} className="text-sm text-slate-600">
            {t("search.hint")}
          </p>
        </form>
        <div className="flex flex-wrap items-start gap-3 pb-7">
          {room.canUpload ? (
            <button type="button" className={primaryButton} onClick={() => setOpen("upload")}>
              {t("uploadButton")}
            </button>
          ) : null}
          {room.canOrganise ? (
            <button type="button" className={secondaryButton} onClick={() => setOpen("folder")}>
              {t("newFolderButton")}
            </button>
          ) : null}
          <ExportButton projectId={projectId} />
        </div>
      </div>

      <div className="flex flex-col gap-6">
        <nav aria-label={t("folders.label")}>
          <ul className="flex flex-wrap gap-2">
            <FolderLink
              href={folderHref(null)}
              current={folder === null}
              name={t("allDocuments")}
              count={total}
            />
            {room.folders.map((f) => {
              const name = inLocale(locale, f.nameEn, f.nameJa);
              return (
                <FolderLink
                  key={f.id}
                  href={folderHref(f.id)}
                  current={folder?.id === f.id}
                  name={name.text}
                  lang={name.lang}
                  count={f.documentCount}
                />
              );
            })}
          </ul>
        </nav>

        <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-4">
          <h2 id={headingId} lang={folderName?.lang} className="text-xl font-semibold text-slate-900">
            {heading}
          </h2>
          {loadState ??
            (items.length === 0 ? (
              <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-10 text-center">
                <p className="text-lg font-semibold text-slate-900">
                  {q ? t("empty.noMatch", { q }) : folder ? t("empty.folder") : t("empty.room")}
                </p>
                <p className="mt-2 text-slate-700">
                  {q ? t("empty.noMatchHint") : room.canUpload ? t("empty.uploadHint") : t("empty.readHint")}
                </p>
              </div>
            ) : (
              <div className="flex flex-col gap-4" aria-busy={list.isFetching && !list.isFetchingNextPage}>
                <DocumentTable
                  projectId={projectId}
                  caption={
                    q
                      ? t("table.captionSearch", { folder: heading, q })
                      : t("table.caption", { folder: heading })
                  }
                  rows={items}
                />
                <p className="text-sm text-slate-700" aria-live="polite">
                  {list.hasNextPage
                    ? t("shownMore", { count: items.length })
                    : t("shownAll", { count: items.length })}
                </p>
                {list.hasNextPage ? (
                  <LoadMore
                    query={list}
                    label={t("loadMore")}
                    failed={(error) => t("loadMoreFailed", { message: toApiProblem(error).message })}
                  />
                ) : null}
              </div>
            ))}
        </section>
      </div>

      <UploadDocumentDialog
        open={open === "upload"}
        projectId={projectId}
        folders={room.folders}
        folderId={folder?.id ?? null}
        delegations={room.delegations}
        maxBytes={room.maxBytes}
        onClose={close}
        onUploaded={uploaded}
        createUpload={createUpload}
      />
      <NewFolderDialog
        open={open === "folder"}
        projectId={projectId}
        onClose={close}
        onCreated={(created) => {
          setOpen(null);
          void refresh();
          setNotice(t("newFolder.created", { name: inLocale(locale, created.nameEn, created.nameJa).text }));
        }}
      />
    </div>
  );
}

function FolderLink({
  href,
  current,
  name,
  lang,
  count,
}: {
  href: string;
  current: boolean;
  name: string;
  lang?: string;
  count: number;
}) {
  const t = useTranslations("documents.folders");
  return (
    <li>
      <Link
        href={href}
        scroll={false}
        aria-current={current ? "page" : undefined}
        className={
          "inline-flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 " +
          (current
            ? "border-blue-800 bg-blue-50 font-semibold text-slate-900 ring-1 ring-inset ring-blue-800"
            : "border-slate-300 bg-white text-blue-800 underline underline-offset-4 hover:bg-slate-100 hover:text-blue-950")
        }
      >
        <span lang={lang}>{name}</span>
        <span
          aria-hidden="true"
          className="rounded-full bg-slate-200 px-2 text-xs font-semibold text-slate-900"
        >
          {count}
        </span>
        <span className="sr-only">{t("count", { count })}</span>
      </Link>
    </li>
  );
}
