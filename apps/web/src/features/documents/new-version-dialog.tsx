"use client";

import { NewVersionInput } from "@lodestone/domain/documents";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId, useState } from "react";
import { fieldErrorMessage, fieldLimits } from "@/features/forms/field-errors";
import { FormActions } from "@/features/forms/form-actions";
import { Dialog } from "@/features/ui/dialog";
import { Field } from "@/features/ui/field";
import { FileField, fileProblem, type FileProblem } from "./file-field";
import { UploadDone } from "./upload-document-dialog";
import { UploadProgress } from "./upload-progress";
import { useTusUpload, type CreateUpload } from "./use-tus-upload";

const NOTE = fieldLimits(NewVersionInput, "changeNote");

export interface NewVersionDialogProps {
  open: boolean;
  documentId: string;
  /** The document's title in the reader's language. */
  title: string;
  maxBytes: number;
  onClose: () => void;
  onUploaded: () => void;
  createUpload?: CreateUpload;
}

/** "Upload new version": the file and what changed in it; then the upload's progress. */
export function NewVersionDialog(props: NewVersionDialogProps) {
  const t = useTranslations("documents.newVersion");
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={props.open} onClose={props.onClose} title={t("title", { title: props.title })} busy={busy}>
      {props.open ? <NewVersionUpload {...props} onBusy={setBusy} /> : null}
    </Dialog>
  );
}

function NewVersionUpload({
  documentId,
  maxBytes,
  onClose,
  onUploaded,
  onBusy,
  createUpload,
}: NewVersionDialogProps & { onBusy: (busy: boolean) => void }) {
  const t = useTranslations("documents.newVersion");
  const tErrors = useTranslations("forms.errors");
  const id = useId();
  const upload = useTusUpload(createUpload);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const fileId = `${id}-file`;
  const noteId = `${id}-note`;

  const state = upload.state;
  useEffect(() => onBusy(state.phase === "uploading"), [state.phase, onBusy]);
  const done = state.phase === "done";
  const uploaded = useEffectEvent(onUploaded);
  useEffect(() => {
    if (done) uploaded();
  }, [done]);

  if (state.phase === "done") return <UploadDone documentHref={null} onClose={onClose} />;
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

  const submit = () => {
    const found = fileProblem(file, maxBytes);
    setProblem(found);
    const parsed = NewVersionInput.shape.changeNote.safeParse(note);
    const noteProblem = parsed.success
      ? null
      : fieldErrorMessage(tErrors, "changeNote", { type: parsed.error.issues[0]?.code }, NOTE, {
          changeNote: "changeNoteRequired",
        });
    setNoteError(noteProblem);
    if (found) return document.getElementById(fileId)?.focus();
    if (noteProblem) return document.getElementById(noteId)?.focus();
    void upload.start(file!, { documentId, fileName: file!.name, changeNote: parsed.data! });
  };

  return (
    <form
      noValidate
      aria-label={t("formLabel")}
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
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
      <Field id={noteId} label={t("changeNote")} hint={t("changeNoteHint")} error={noteError} required>
        {(control) => (
          <textarea
            rows={3}
            name="changeNote"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            {...control}
          />
        )}
      </Field>
      <FormActions
        busy={false}
        label={t("submit")}
        busyLabel={t("submit")}
        cancelLabel={t("cancel")}
        onCancel={onClose}
      />
    </form>
  );
}
