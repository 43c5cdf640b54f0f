"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CreateMilestoneInput } from "@lodestone/domain/delivery";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { fieldLimits, useFieldErrors } from "@/features/forms/field-errors";
import { FormActions } from "@/features/forms/form-actions";
import { numberOrNullFromText } from "@/features/forms/form-values";
import { ServerProblem } from "@/features/forms/server-problem";
import { useServerSubmit } from "@/features/forms/use-server-submit";
import { Field } from "@/features/ui/field";
import type { Assignee } from "./types";

export interface MilestoneValues {
  titleEn: string;
  titleJa: string;
  dueDate: string;
  weight: string;
  /** "" (nobody yet), "user:<id>" or "organisation:<id>". */
  assignee: string;
}

const { titleEn, titleJa, dueDate, weight } = CreateMilestoneInput.shape;

/** The domain's milestone fields, the weight typed as text (empty: none), the assignee as one choice. */
const MilestoneSchema = z.object({
  titleEn,
  titleJa,
  dueDate,
  weight: z.preprocess(numberOrNullFromText, weight),
  assignee: z.string(),
});
type MilestoneOutput = z.output<typeof MilestoneSchema>;
const WEIGHT = fieldLimits(MilestoneSchema, "weight");

const FIELDS = ["titleEn", "titleJa", "dueDate", "weight", "assignee"] as const;

export interface MilestoneFormProps {
  projectId: string;
  /** The parent milestone, for a sub-milestone. */
  parent: { id: string; title: string } | null;
  users: Assignee[];
  organisations: { id: string; name: string }[];
  onSubmit: (command: z.input<typeof CreateMilestoneInput>) => Promise<void>;
  onCancel: () => void;
}

/** A new milestone: titles in both languages, due date, weight and assignee (a person or an organisation). */
export function MilestoneForm({
  projectId,
  parent,
  users,
  organisations,
  onSubmit,
  onCancel,
}: MilestoneFormProps) {
  const t = useTranslations("delivery.milestoneForm");
  const tRole = useTranslations("enums.role");
  const id = useId();
  const form = useForm<MilestoneValues, unknown, MilestoneOutput>({
    defaultValues: { titleEn: "", titleJa: "", dueDate: "", weight: "", assignee: "" },
    resolver: zodResolver(MilestoneSchema) as unknown as Resolver<MilestoneValues, unknown, MilestoneOutput>,
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = form.formState;

  const message = useFieldErrors(MilestoneSchema, { titleEn: "titleRequired", titleJa: "titleRequired" });
  const errorText = (field: (typeof FIELDS)[number]) => message(field, errors[field]);

  const { problem, onSubmit: submit } = useServerSubmit(
    form,
    (v) => {
      const [kind, assigneeId] = v.assignee ? v.assignee.split(":") : [null, null];
      return onSubmit({
        projectId,
        parentId: parent?.id ?? null,
        titleEn: v.titleEn,
        titleJa: v.titleJa,
        dueDate: v.dueDate,
        weight: v.weight,
        assigneeUserId: kind === "user" ? (assigneeId ?? null) : null,
        assigneeOrganisationId: kind === "organisation" ? (assigneeId ?? null) : null,
      });
    },
    { fields: FIELDS, message: "invalid" },
  );

  return (
    <form noValidate aria-label={t("label")} className="flex flex-col gap-5" onSubmit={submit}>
      {parent ? <p className="text-slate-800">{t("partOf", { title: parent.title })}</p> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id={`${id}-titleEn`} label={t("titleEn")} error={errorText("titleEn")} required>
          {(control) => <input type="text" lang="en" {...form.register("titleEn")} {...control} />}
        </Field>
        <Field id={`${id}-titleJa`} label={t("titleJa")} error={errorText("titleJa")} required>
          {(control) => <input type="text" lang="ja" {...form.register("titleJa")} {...control} />}
        </Field>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id={`${id}-dueDate`}
          label={t("dueDate")}
          hint={t("dueDateHint")}
          error={errorText("dueDate")}
          required
        >
          {(control) => <input type="date" {...form.register("dueDate")} {...control} />}
        </Field>
        <Field id={`${id}-weight`} label={t("weight")} hint={t("weightHint")} error={errorText("weight")}>
          {(control) => (
            <input
              type="number"
              inputMode="numeric"
              min={WEIGHT.minimum}
              max={WEIGHT.maximum}
              {...form.register("weight")}
              {...control}
            />
          )}
        </Field>
      </div>
      <Field
        id={`${id}-assignee`}
        label={t("assignee")}
        hint={t("assigneeHint")}
        error={errorText("assignee")}
      >
        {(control) => (
          <select {...form.register("assignee")} {...control}>
            <option value="">{t("nobody")}</option>
            <optgroup label={t("organisations")}>
              {organisations.map((o) => (
                <option key={o.id} value={`organisation:${o.id}`}>
                  {o.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("people")}>
              {users.map((u) => (
                <option key={u.id} value={`user:${u.id}`}>
                  {`${u.name} (${tRole(u.role)}${u.delegation ? ` · ${u.delegation}` : ""}${u.organisation ? ` · ${u.organisation}` : ""})`}
                </option>
              ))}
            </optgroup>
          </select>
        )}
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
