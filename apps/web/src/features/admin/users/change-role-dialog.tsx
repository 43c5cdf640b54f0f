"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { Role } from "@lodestone/domain/enums";
import { ChangeRoleInput, type UserSummary } from "@lodestone/domain/user";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { ServerProblem } from "@/features/forms/server-problem";
import { Dialog } from "@/features/ui/dialog";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import {
  affiliationIssues,
  affiliationNotHeldBy,
  type DelegationOption,
  type OrganisationOption,
} from "../affiliation";
import { AffiliationFields } from "./affiliation-fields";

interface RoleValues {
  userId: string;
  role: Role | "";
  delegation: string | null;
  organisationId: string | null;
}

export type ChangeRoleCommand = Omit<RoleValues, "role"> & { role: Role };

const RoleSchema = ChangeRoleInput.superRefine(affiliationIssues);

interface ChangeRoleDialogProps {
  user: UserSummary | null;
  delegations: DelegationOption[];
  organisations: OrganisationOption[];
  optionsPending?: boolean;
  onSubmit: (command: ChangeRoleCommand) => Promise<void>;
  onClose: () => void;
}

export function ChangeRoleDialog({ user, onClose, ...rest }: ChangeRoleDialogProps) {
  const t = useTranslations("admin.users.changeRole");
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={user ? t("title", { name: user.name }) : ""}
      description={user ? t("description") : null}
    >
      {user ? <ChangeRoleForm key={user.id} user={user} onClose={onClose} {...rest} /> : null}
    </Dialog>
  );
}

function ChangeRoleForm({
  user,
  delegations,
  organisations,
  optionsPending,
  onSubmit,
  onClose,
}: Omit<ChangeRoleDialogProps, "user"> & { user: UserSummary }) {
  const t = useTranslations("admin.users.changeRole");
  const tForm = useTranslations("admin.users.form");
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<RoleValues, unknown, ChangeRoleCommand>({
    defaultValues: {
      userId: user.id,
      role: user.role,
      delegation: user.delegation,
      organisationId: user.organisation?.id ?? null,
    },
    resolver: zodResolver(RoleSchema) as never,
  });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });
  const previousRole = useRef(role);
  useEffect(() => {
    if (previousRole.current === role) return;
    previousRole.current = role;
    for (const field of affiliationNotHeldBy(role)) form.setValue(field, null);
    form.clearErrors(["delegation", "organisationId"]);
  }, [role, form]);

  const submit = form.handleSubmit(async (command) => {
    setProblem(null);
    try {
      await onSubmit(command);
    } catch (error) {
      const found = toApiProblem(error);
      const placed = markServerFieldErrors(
        found,
        ["role", "delegation", "organisationId"] as const,
        (field, options) => form.setError(field, { type: "server" }, options),
      );
      if (!placed) setProblem(found);
    }
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        if (form.formState.isSubmitting) event.preventDefault();
        else void submit(event);
      }}
      className="flex flex-col gap-5"
      aria-label={t("formLabel")}
    >
      <AffiliationFields
        idPrefix={id}
        register={
          form.register as unknown as UseFormRegister<
            Pick<RoleValues, "role" | "delegation" | "organisationId">
          >
        }
        errors={errors}
        role={role}
        delegations={delegations}
        organisations={organisations}
        optionsPending={optionsPending}
      />
      {problem ? <ServerProblem title={t("failed")} problem={problem} /> : null}
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" onClick={onClose} className={secondaryButton}>
          {tForm("cancel")}
        </button>
        <button type="submit" aria-disabled={isSubmitting || undefined} className={primaryButton}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
