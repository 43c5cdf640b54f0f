"use client";

import { missingForSubmission, type ProjectDetail } from "@lodestone/domain/proposal";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { linkClass, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { ProposalForm } from "./proposal-form";
import { proposalValuesOf } from "./proposal-values";

/** The form for a new proposal: "Save draft" creates it and opens its edit page. */
export function NewProposal() {
  const t = useTranslations("proposal");
  const trpc = useTRPC();
  const router = useRouter();
  const delegations = useQuery(trpc.delegation.list.queryOptions());
  const create = useMutation(trpc.project.create.mutationOptions());
  return (
    <ProposalForm
      delegations={delegations.data ?? []}
      saveLabel={t("saveDraft")}
      onSave={async (command) => {
        const project = await create.mutateAsync(command);
        router.push(`/projects/${project.id}/edit?created=1`);
      }}
    />
  );
}

/** Editing a proposal: save with its version, submit or withdraw (each after asking). */
export function EditProposal({ project, created }: { project: ProjectDetail; created?: boolean }) {
  const t = useTranslations("proposal");
  const trpc = useTRPC();
  const router = useRouter();
  const delegations = useQuery(trpc.delegation.list.queryOptions());
  const update = useMutation(trpc.project.update.mutationOptions());
  const submit = useMutation(trpc.project.submit.mutationOptions());
  const withdraw = useMutation(trpc.project.withdraw.mutationOptions());
  const [version, setVersion] = useState(project.version);
  const [confirm, setConfirm] = useState<"submit" | "withdraw" | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // Submitting sends the last saved version: with unsaved changes, ask to save them first.
  const [dirty, setDirty] = useState(false);
  const [savedFields, setSavedFields] = useState(project.fields);
  const [blocked, setBlocked] = useState<string | null>(null);
  // "Draft saved" greets a new draft until it is saved here (then the form says "Saved.").
  const [savedHere, setSavedHere] = useState(false);
  const missingNames = useMissingFieldNames();

  const askToSubmit = () => {
    setActionError(null);
    if (dirty) return setBlocked(t("saveBeforeSubmit"));
    // The API checks this too; asking first names what is missing in the reader's language.
    const missing = Object.keys(missingForSubmission(savedFields));
    if (missing.length) {
      const translation = missing.some((key) => key.startsWith("translation"));
      return setBlocked(
        `${t("incomplete", { fields: missingNames(missing) })}${translation ? ` ${t("bindingOriginal")}` : ""}`,
      );
    }
    setBlocked(null);
    setConfirm("submit");
  };

  const run = async (action: "submit" | "withdraw") => {
    setActionError(null);
    try {
      const mutation = action === "submit" ? submit : withdraw;
      await mutation.mutateAsync({ projectId: project.id, version });
      setConfirm(null);
      router.push(`/projects/${project.id}`);
      router.refresh();
    } catch (error) {
      const problem = toApiProblem(error);
      setActionError(problem.code === "CONFLICT" ? t("form.conflictBody") : problem.message);
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/projects/${project.id}`} className={linkClass}>
          {t("view", { reference: project.reference })}
        </Link>
      </p>
      <ProposalForm
        initial={proposalValuesOf(project.fields)}
        delegations={delegations.data ?? []}
        saveLabel={t("save")}
        notice={created && !savedHere ? t("created") : null}
        onSave={async (command) => {
          const saved = await update.mutateAsync({ ...command, projectId: project.id, version });
          setVersion(saved.version);
          setSavedFields(saved.fields);
          setSavedHere(true);
        }}
        onReload={() => window.location.reload()}
        onDirtyChange={(next) => {
          setDirty(next);
          if (!next) setBlocked(null);
        }}
        actions={
          <>
            <p role="alert" className="w-full text-right text-sm font-semibold text-red-800 empty:hidden">
              {blocked}
            </p>
            <button
              type="button"
              className={secondaryButton}
              onClick={() => {
                setActionError(null);
                setConfirm("withdraw");
              }}
            >
              {t("withdraw")}
            </button>
            <button type="button" className={secondaryButton} onClick={askToSubmit}>
              {t("submit")}
            </button>
          </>
        }
      />
      <ConfirmDialog
        open={confirm === "submit"}
        title={t("submitTitle")}
        confirmLabel={t("submitConfirm")}
        busyLabel={t("submitting")}
        busy={submit.isPending}
        error={actionError}
        onConfirm={() => void run("submit")}
        onCancel={() => setConfirm(null)}
      >
        {t("submitBody")}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "withdraw"}
        title={t("withdrawTitle")}
        confirmLabel={t("withdrawConfirm")}
        busyLabel={t("withdrawing")}
        tone="danger"
        busy={withdraw.isPending}
        error={actionError}
        onConfirm={() => void run("withdraw")}
        onCancel={() => setConfirm(null)}
      >
        {t("withdrawBody")}
      </ConfirmDialog>
    </div>
  );
}

/** Names the fields `missingForSubmission` lists, as the form labels them, in a sentence list. */
function useMissingFieldNames(): (keys: string[]) => string {
  const tForm = useTranslations("proposal.form");
  const tLanguage = useTranslations("languageNames");
  const format = useFormatter();
  const name = (key: string): string => {
    const match = /^(title|summary|body|translation)(En|Ja)$/.exec(key);
    if (match) {
      const [, field, suffix] = match as unknown as [
        string,
        "title" | "summary" | "body" | "translation",
        string,
      ];
      return `${tForm(field)} (${tLanguage(suffix === "En" ? "en" : "ja")})`;
    }
    if (key === "site.region") return tForm("region");
    if (key === "sponsors") return tForm("sponsors");
    return key;
  };
  return (keys) => format.list(keys.map(name), { type: "conjunction" });
}
