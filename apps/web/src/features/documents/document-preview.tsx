"use client";

import { useTranslations } from "next-intl";
import { previewHref } from "./versions-table";

/**
 * The current version shown in the page: an image as an image, a PDF in a frame (the API serves
 * it inline under a policy of its own). Only for a version that may be previewed.
 */
export function DocumentPreview({
  version,
  title,
}: {
  version: { id: string; number: number; mimeType: string; fileName: string };
  /** The document's title in the reader's language. */
  title: string;
}) {
  const t = useTranslations("documents.preview");
  const src = previewHref(version.id);
  if (version.mimeType.startsWith("image/")) {
    return (
      <img
        src={src}
        alt={t("imageAlt", { title, number: version.number })}
        className="max-h-[70vh] max-w-full rounded-md border border-slate-300 bg-white object-contain"
      />
    );
  }
  return (
    <iframe
      src={src}
      title={t("frameTitle", { title, number: version.number })}
      className="h-[70vh] w-full rounded-md border border-slate-300 bg-white"
    />
  );
}
