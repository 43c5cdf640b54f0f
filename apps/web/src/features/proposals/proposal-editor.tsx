"use client";

import type { ProjectDetail } from "@lodestone/domain/proposal";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { linkClass, secondaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { ProposalForm, proposalValuesOf } from "./proposal-form";

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

  const run = async (action: "submit" | "withdraw") => {
    setActionError(null);
    try {
      const mutation = action === "submit" ? submit : withdraw;
      await mutation.mutateAsync({ id: project.id, version });
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
        notice={created ? t("created") : null}
        onSave={async (command) => {
          const saved = await update.mutateAsync({ ...command, id: project.id, version });
          setVersion(saved.version);
        }}
        onReload={() => window.location.reload()}
        actions={
          <>
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
            <button
              type="button"
              className={secondaryButton}
              onClick={() => {
                setActionError(null);
                setConfirm("submit");
              }}
            >
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
