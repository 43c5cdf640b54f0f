"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CLASSIFICATIONS, NewDocumentInput, type Classification } from "@lodestone/domain/documents";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId, useState } from "react";
import { useForm, useWatch, type Resolver, type UseFormRegisterReturn } from "react-hook-form";
import { z } from "zod";
import { useFieldErrors } from "@/features/forms/field-errors";
import { FormActions } from "@/features/forms/form-actions";
import { Dialog } from "@/features/ui/dialog";
import { Field, FieldGroup } from "@/features/ui/field";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import { ClassificationBadge } from "./classification";
import { inLocale } from "./document-format";
import { FileField, fileProblem, type FileProblem } from "./file-field";
import type { DelegationChoice, FolderRow } from "./types";
import { UploadProgress } from "./upload-progress";
import { useTusUpload, type CreateUpload } from "./use-tus-upload";

const { folderId, titleEn, titleJa, descriptionEn, descriptionJa, classification, changeNote } =
  NewDocumentInput.shape;

/** The domain's fields for a new document (the file is checked on its own, before sending). */
export const NewDocumentSchema = z
  .object({
    folderId,
    titleEn,
    titleJa,
    descriptionEn,
    descriptionJa,
    classification,
    delegations: z.array(z.string()),
    changeNote,
  })
  .superRefine((v, ctx) => {
    if (v.classification === "NAMED_DELEGATIONS" && v.delegations.length === 0) {
      ctx.addIssue({ code: "custom", path: ["delegations"], message: "delegationsRequired" });
    }
  });
type NewDocumentOutput = z.output<typeof NewDocumentSchema>;

export interface NewDocumentValues {
  folderId: string;
  titleEn: string;
  titleJa: string;
  descriptionEn: string;
  descriptionJa: string;
  classification: Classification;
  delegations: string[];
  changeNote: string;
}

export interface UploadDocumentDialogProps {
  open: boolean;
  projectId: string;
  folders: readonly FolderRow[];
  /** The folder the reader is in (the form starts there). */
  folderId: string | null;
  delegations: readonly DelegationChoice[];
  maxBytes: number;
  onClose: () => void;
  /** After the upload completed (the list is read again). */
  onUploaded: () => void;
  /** For tests: makes the tus upload. */
  createUpload?: CreateUpload;
}

/** "Upload document": what the document is, who may see it, the file; then the upload's progress. */
export function UploadDocumentDialog(props: UploadDocumentDialogProps) {
  const t = useTranslations("documents.upload");
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={props.open} onClose={props.onClose} title={t("title")} size="lg" busy={busy}>
      {props.open ? <NewDocumentUpload {...props} onBusy={setBusy} /> : null}
    </Dialog>
  );
}

function NewDocumentUpload({
  projectId,
  folders,
  folderId: startFolder,
  delegations,
  maxBytes,
  onClose,
  onUploaded,
  onBusy,
  createUpload,
}: UploadDocumentDialogProps & { onBusy: (busy: boolean) => void }) {
  const t = useTranslations("documents.upload");
  const tLevel = useTranslations("documents.classification");
  const locale = useLocale();
  const id = useId();
  const upload = useTusUpload(createUpload);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const form = useForm<NewDocumentValues, unknown, NewDocumentOutput>({
    defaultValues: {
      folderId: startFolder ?? folders[0]?.id ?? "",
      titleEn: "",
      titleJa: "",
      descriptionEn: "",
      descriptionJa: "",
      classification: "PROJECT",
      delegations: [],
      changeNote: "",
    },
    resolver: zodResolver(NewDocumentSchema) as unknown as Resolver<
      NewDocumentValues,
      unknown,
      NewDocumentOutput
    >,
    shouldFocusError: true,
  });
  const { errors } = form.formState;
  const level = useWatch({ control: form.control, name: "classification" });
  const message = useFieldErrors(NewDocumentSchema, {
    titleEn: "titleEnRequired",
    folderId: "folderRequired",
  });
  const fileId = `${id}-file`;

  const checkFile = () => {
    const found = fileProblem(file, maxBytes);
    setProblem(found);
    return found;
  };
  const submit = form.handleSubmit(
    async (values) => {
      if (checkFile()) {
        document.getElementById(fileId)?.focus();
        return;
      }
      const { delegations: codes, ...rest } = values;
      await upload.start(file!, {
        projectId,
        ...rest,
        delegations: values.classification === "NAMED_DELEGATIONS" ? codes : [],
        fileName: file!.name,
      });
    },
    () => void checkFile(),
  );

  const state = upload.state;
  // While sending, Escape does not close the dialog (Pause or Cancel do what the reader means).
  useEffect(() => onBusy(state.phase === "uploading"), [state.phase, onBusy]);
  const done = state.phase === "done";
  const uploaded = useEffectEvent(onUploaded);
  useEffect(() => {
    if (done) uploaded();
  }, [done]);

  if (state.phase === "done") {
    return (
      <UploadDone
        documentHref={state.documentId ? `/projects/${projectId}/documents/${state.documentId}` : null}
        onClose={onClose}
      />
    );
  }
  if (state.phase !== "idle") {
    return (
      <UploadProgress
        fileName={file?.name ?? ""}
        state={state}
        onPause={upload.pause}
        onResume={upload.resume}
        onCancel={upload.cancel}
      />
    );
  }

  const register = (name: keyof NewDocumentValues) => form.register(name);
  return (
    <form
      noValidate
      aria-label={t("formLabel")}
      className="flex flex-col gap-5"
      onSubmit={(event) => void submit(event)}
    >
      <Field id={`${id}-folder`} label={t("folder")} error={message("folderId", errors.folderId)} required>
        {(control) => (
          <select {...register("folderId")} {...control}>
            {folders.map((folder) => {
              const name = inLocale(locale, folder.nameEn, folder.nameJa);
              return (
                <option key={folder.id} value={folder.id} lang={name.lang}>
                  {name.text}
                </option>
              );
            })}
          </select>
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id={`${id}-titleEn`} label={t("titleEn")} error={message("titleEn", errors.titleEn)} required>
          {(control) => <input type="text" lang="en" {...register("titleEn")} {...control} />}
        </Field>
        <Field id={`${id}-titleJa`} label={t("titleJa")} error={message("titleJa", errors.titleJa)}>
          {(control) => <input type="text" lang="ja" {...register("titleJa")} {...control} />}
        </Field>
        <Field
          id={`${id}-descriptionEn`}
          label={t("descriptionEn")}
          error={message("descriptionEn", errors.descriptionEn)}
        >
          {(control) => <textarea rows={3} lang="en" {...register("descriptionEn")} {...control} />}
        </Field>
        <Field
          id={`${id}-descriptionJa`}
          label={t("descriptionJa")}
          error={message("descriptionJa", errors.descriptionJa)}
        >
          {(control) => <textarea rows={3} lang="ja" {...register("descriptionJa")} {...control} />}
        </Field>
      </div>

      <ClassificationFields
        id={`${id}-classification`}
        classificationField={form.register("classification")}
        delegationsField={form.register("delegations")}
        level={level}
        delegations={delegations}
        delegationsError={errors.delegations ? t("errors.delegationsRequired") : null}
        legend={t("classification")}
        hint={t("classificationHint")}
        levelName={(c) => tLevel(`name.${c}`)}
      />

      <FileField
        id={fileId}
        file={file}
        maxBytes={maxBytes}
        problem={problem}
        onChange={(chosen) => {
          setFile(chosen);
          setProblem(chosen ? fileProblem(chosen, maxBytes) : null);
        }}
      />
      <Field
        id={`${id}-changeNote`}
        label={t("changeNote")}
        hint={t("changeNoteHint")}
        error={message("changeNote", errors.changeNote)}
      >
        {(control) => <textarea rows={2} {...register("changeNote")} {...control} />}
      </Field>
      <FormActions
        busy={false}
        label={t("submit")}
        busyLabel={t("submitting")}
        cancelLabel={t("cancel")}
        onCancel={onClose}
      />
    </form>
  );
}

/** The classification levels as radio buttons, each with who may see it; delegations to name. */
export function ClassificationFields({
  id,
  classificationField,
  delegationsField,
  level,
  delegations,
  delegationsError,
  legend,
  hint,
  levelName,
}: {
  id: string;
  classificationField: UseFormRegisterReturn;
  delegationsField: UseFormRegisterReturn;
  level: Classification;
  delegations: readonly DelegationChoice[];
  delegationsError: string | null;
  legend: string;
  hint: string;
  levelName: (c: Classification) => string;
}) {
  const t = useTranslations("documents.classification");
  const locale = useLocale();
  return (
    <FieldGroup id={id} legend={legend} hint={hint}>
      <div className="flex flex-col gap-3">
        {CLASSIFICATIONS.map((c) => (
          <div key={c} className="flex flex-col gap-2">
            <div className="flex items-start gap-3">
              <input
                type="radio"
                id={`${id}-${c}`}
                value={c}
                aria-describedby={`${id}-${c}-explain`}
                className="mt-1 h-4 w-4 accent-blue-800"
                {...classificationField}
              />
              <div className="flex flex-col gap-1">
                <label htmlFor={`${id}-${c}`} className="font-semibold text-slate-900">
                  {levelName(c)}
                </label>
                <p id={`${id}-${c}-explain`} className="text-sm text-slate-700">
                  {t(`explain.${c}`)}
                </p>
                <span aria-hidden="true">
                  <ClassificationBadge classification={c} />
                </span>
              </div>
            </div>
            {c === "NAMED_DELEGATIONS" && level === "NAMED_DELEGATIONS" ? (
              <div className="ml-7">
                <FieldGroup
                  id={`${id}-delegations`}
                  legend={t("delegationsLegend")}
                  error={delegationsError}
                  className="flex flex-wrap gap-x-5 gap-y-2 rounded-md border border-slate-300 p-3"
                >
                  {delegations.map((d) => {
                    const name = inLocale(locale, d.nameEn, d.nameJa);
                    return (
                      <label key={d.code} className="flex items-center gap-2 text-slate-900">
                        <input
                          type="checkbox"
                          value={d.code}
                          className="h-4 w-4 accent-blue-800"
                          aria-invalid={delegationsError ? true : undefined}
                          {...delegationsField}
                        />
                        <span lang={name.lang}>{name.text}</span>
                        <span className="font-mono text-xs text-slate-600">{d.code}</span>
                      </label>
                    );
                  })}
                </FieldGroup>
              </div>
            ) : null}
          </div>
        ))}
      </div>
    </FieldGroup>
  );
}

/** The upload finished: say so, and where the document is. */
export function UploadDone({ documentHref, onClose }: { documentHref: string | null; onClose: () => void }) {
  const t = useTranslations("documents.upload");
  return (
    <div className="flex flex-col gap-4" data-upload-phase="done">
      <div
        role="progressbar"
        aria-label={t("doneProgress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={100}
        aria-valuetext="100%"
        className="h-4 w-full overflow-hidden rounded-full bg-slate-200 ring-1 ring-inset ring-slate-400"
      >
        <div className="h-full w-full rounded-full bg-green-700" />
      </div>
      <div role="status">
        <p className="font-semibold text-green-900">{t("done")}</p>
      </div>
      <p className="text-slate-800">{t("doneScan")}</p>
      <div className="flex flex-wrap justify-end gap-3">
        {documentHref ? (
          <Link href={documentHref} className={secondaryButton}>
            {t("openDocument")}
          </Link>
        ) : null}
        <button type="button" className={primaryButton} data-autofocus onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </div>
  );
}
