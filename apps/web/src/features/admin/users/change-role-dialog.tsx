"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { Role } from "@lodestone/domain/enums";
import { ChangeRoleInput, type UserSummary } from "@lodestone/domain/user";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { useServerSubmit } from "@/features/forms/use-server-submit";
import { Dialog } from "@/features/ui/dialog";
import { affiliationIssues, type DelegationOption, type OrganisationOption } from "../affiliation";
import { AffiliationFields } from "./affiliation-fields";
import { useRoleAffiliation } from "./use-role-affiliation";

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
  const role = useRoleAffiliation(form);

  const { problem, onSubmit: submit } = useServerSubmit(form, onSubmit, {
    fields: ["role", "delegation", "organisationId"],
  });

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-5" aria-label={t("formLabel")}>
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
      <FormActions
        busy={isSubmitting}
        label={t("submit")}
        busyLabel={t("submitting")}
        cancelLabel={tForm("cancel")}
        onCancel={onClose}
      />
    </form>
  );
}
