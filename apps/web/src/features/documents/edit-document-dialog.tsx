"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { NewDocumentInput } from "@lodestone/domain/documents";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { useFieldErrors } from "@/features/forms/field-errors";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { useServerSubmit } from "@/features/forms/use-server-submit";
import { Dialog } from "@/features/ui/dialog";
import { Field } from "@/features/ui/field";
import { useTRPC } from "@/trpc/react";
import { inLocale } from "./document-format";
import type { DocumentRow, FolderRow } from "./types";

// The domain's limits for each field (EditDocumentInput's are the same, each optional).
const { folderId, titleEn, titleJa, descriptionEn, descriptionJa } = NewDocumentInput.shape;
const EditSchema = z.object({ folderId, titleEn, titleJa, descriptionEn, descriptionJa });
type EditValues = z.input<typeof EditSchema>;
type EditOutput = z.output<typeof EditSchema>;
const FIELDS = ["folderId", "titleEn", "titleJa", "descriptionEn", "descriptionJa"] as const;

/** "Edit details": a document's titles, descriptions and folder. */
export function EditDocumentDialog({
  open,
  document: doc,
  folders,
  onClose,
  onSaved,
}: {
  open: boolean;
  document: DocumentRow;
  folders: readonly FolderRow[];
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("documents.edit");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")} size="lg">
      {open ? <EditForm document={doc} folders={folders} onCancel={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function EditForm({
  document: doc,
  folders,
  onCancel,
  onSaved,
}: {
  document: DocumentRow;
  folders: readonly FolderRow[];
  onCancel: () => void;
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("documents.edit");
  const tUpload = useTranslations("documents.upload");
  const locale = useLocale();
  const trpc = useTRPC();
  const edit = useMutation(trpc.documents.edit.mutationOptions());
  const id = useId();
  const form = useForm<EditValues, unknown, EditOutput>({
    defaultValues: {
      folderId: doc.folderId,
      titleEn: doc.titleEn,
      titleJa: doc.titleJa,
      descriptionEn: doc.descriptionEn,
      descriptionJa: doc.descriptionJa,
    },
    resolver: zodResolver(EditSchema) as unknown as Resolver<EditValues, unknown, EditOutput>,
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = form.formState;
  const message = useFieldErrors(EditSchema, { titleEn: "titleEnRequired", folderId: "folderRequired" });
  const { problem, onSubmit } = useServerSubmit(
    form,
    async (values) => {
      await edit.mutateAsync({ documentId: doc.id, ...values });
      await onSaved();
    },
    { fields: FIELDS },
  );
  return (
    <form noValidate aria-label={t("label")} className="flex flex-col gap-5" onSubmit={onSubmit}>
      <Field
        id={`${id}-folder`}
        label={tUpload("folder")}
        error={message("folderId", errors.folderId)}
        required
      >
        {(control) => (
          <select {...form.register("folderId")} {...control}>
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
        <Field
          id={`${id}-titleEn`}
          label={tUpload("titleEn")}
          error={message("titleEn", errors.titleEn)}
          required
        >
          {(control) => <input type="text" lang="en" {...form.register("titleEn")} {...control} />}
        </Field>
        <Field id={`${id}-titleJa`} label={tUpload("titleJa")} error={message("titleJa", errors.titleJa)}>
          {(control) => <input type="text" lang="ja" {...form.register("titleJa")} {...control} />}
        </Field>
        <Field
          id={`${id}-descriptionEn`}
          label={tUpload("descriptionEn")}
          error={message("descriptionEn", errors.descriptionEn)}
        >
          {(control) => <textarea rows={4} lang="en" {...form.register("descriptionEn")} {...control} />}
        </Field>
        <Field
          id={`${id}-descriptionJa`}
          label={tUpload("descriptionJa")}
          error={message("descriptionJa", errors.descriptionJa)}
        >
          {(control) => <textarea rows={4} lang="ja" {...form.register("descriptionJa")} {...control} />}
        </Field>
      </div>
      {problem ? <ServerProblem title={t("failed")} problem={problem} messages="delivery.problem" /> : null}
      <FormActions
        busy={isSubmitting}
        label={t("submit")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}
