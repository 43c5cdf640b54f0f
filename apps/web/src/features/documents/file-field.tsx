"use client";

import { ALLOWED_TYPES } from "@lodestone/domain/documents";
import { useTranslations } from "next-intl";
import { Field } from "@/features/ui/field";
import { useFileSize } from "./document-format";

/** What the file picker offers: the allowed types and their extensions (the server checks the content). */
const ACCEPT = [
  ...Object.keys(ALLOWED_TYPES),
  ...new Set(Object.values(ALLOWED_TYPES).map((extension) => `.${extension}`)),
  ".xls",
  ".ppt",
  ".jpeg",
].join(",");

export type FileProblem = "fileRequired" | "fileEmpty" | "fileTooLarge";

/** What is wrong with a chosen file before it is sent, or null. */
export function fileProblem(file: File | null, maxBytes: number): FileProblem | null {
  if (!file) return "fileRequired";
  if (file.size === 0) return "fileEmpty";
  if (file.size > maxBytes) return "fileTooLarge";
  return null;
}

/** The file to upload, with the size limit in its hint and what is wrong with the choice. */
export function FileField({
  id,
  file,
  maxBytes,
  problem,
  onChange,
}: {
  id: string;
  file: File | null;
  maxBytes: number;
  problem: FileProblem | null;
  onChange: (file: File | null) => void;
}) {
  const t = useTranslations("documents.upload");
  const size = useFileSize();
  const error =
    problem === "fileTooLarge" && file
      ? t("errors.fileTooLarge", { size: size(file.size), maximum: size(maxBytes) })
      : problem
        ? t(`errors.${problem}`)
        : null;
  return (
    <Field id={id} label={t("file")} hint={t("fileHint", { maximum: size(maxBytes) })} error={error} required>
      {(control) => (
        <input
          type="file"
          name="file"
          accept={ACCEPT}
          {...control}
          className={`${control.className} file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 file:font-semibold file:text-slate-900`}
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        />
      )}
    </Field>
  );
}
