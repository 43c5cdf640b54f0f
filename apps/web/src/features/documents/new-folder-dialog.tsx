"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CreateFolderInput } from "@lodestone/domain/documents";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
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

const { nameEn, nameJa } = CreateFolderInput.shape;
const FolderSchema = z.object({ nameEn, nameJa });
type FolderValues = { nameEn: string; nameJa: string };
type FolderOutput = z.output<typeof FolderSchema>;
const FIELDS = ["nameEn", "nameJa"] as const;

/** "New folder" (coordinators): its name in both languages; a name already used is refused. */
export function NewFolderDialog({
  open,
  projectId,
  onClose,
  onCreated,
}: {
  open: boolean;
  projectId: string;
  onClose: () => void;
  /** After the folder is saved, with its id and English name. */
  onCreated: (folder: { id: string; nameEn: string; nameJa: string }) => void;
}) {
  const t = useTranslations("documents.newFolder");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")}>
      {open ? <NewFolderForm projectId={projectId} onCancel={onClose} onCreated={onCreated} /> : null}
    </Dialog>
  );
}

function NewFolderForm({
  projectId,
  onCancel,
  onCreated,
}: {
  projectId: string;
  onCancel: () => void;
  onCreated: (folder: { id: string; nameEn: string; nameJa: string }) => void;
}) {
  const t = useTranslations("documents.newFolder");
  const trpc = useTRPC();
  const create = useMutation(trpc.documents.createFolder.mutationOptions());
  const id = useId();
  const form = useForm<FolderValues, unknown, FolderOutput>({
    defaultValues: { nameEn: "", nameJa: "" },
    resolver: zodResolver(FolderSchema) as unknown as Resolver<FolderValues, unknown, FolderOutput>,
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = form.formState;
  const message = useFieldErrors(FolderSchema, {
    nameEn: { taken: "folderNameTaken", other: "nameEnRequired" },
  });
  const { problem, onSubmit } = useServerSubmit(
    form,
    async (values) => {
      const folder = await create.mutateAsync({ projectId, ...values });
      onCreated({ id: folder.id, nameEn: values.nameEn, nameJa: values.nameJa });
    },
    { fields: FIELDS, conflictOn: "nameEn" },
  );
  return (
    <form noValidate aria-label={t("label")} className="flex flex-col gap-5" onSubmit={onSubmit}>
      <Field id={`${id}-nameEn`} label={t("nameEn")} error={message("nameEn", errors.nameEn)} required>
        {(control) => <input type="text" lang="en" {...form.register("nameEn")} {...control} />}
      </Field>
      <Field id={`${id}-nameJa`} label={t("nameJa")} error={message("nameJa", errors.nameJa)} required>
        {(control) => <input type="text" lang="ja" {...form.register("nameJa")} {...control} />}
      </Field>
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
