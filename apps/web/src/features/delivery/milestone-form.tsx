"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CreateMilestoneInput } from "@lodestone/domain/delivery";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { fieldLimits, useFieldErrors } from "@/features/forms/field-errors";
import { numberOrNullFromText } from "@/features/forms/form-values";
import { Field } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import { ServerProblem } from "@/features/forms/server-problem";
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
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<MilestoneValues, unknown, MilestoneOutput>({
    defaultValues: { titleEn: "", titleJa: "", dueDate: "", weight: "", assignee: "" },
    resolver: zodResolver(MilestoneSchema) as unknown as Resolver<MilestoneValues, unknown, MilestoneOutput>,
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = form.formState;

  const message = useFieldErrors(MilestoneSchema, { titleEn: "titleRequired", titleJa: "titleRequired" });
  const errorText = (field: (typeof FIELDS)[number]) => message(field, errors[field]);

  const submit = form.handleSubmit(async (v) => {
    setProblem(null);
    const [kind, assigneeId] = v.assignee ? v.assignee.split(":") : [null, null];
    try {
      await onSubmit({
        projectId,
        parentId: parent?.id ?? null,
        titleEn: v.titleEn,
        titleJa: v.titleJa,
        dueDate: v.dueDate,
        weight: v.weight,
        assigneeUserId: kind === "user" ? (assigneeId ?? null) : null,
        assigneeOrganisationId: kind === "organisation" ? (assigneeId ?? null) : null,
      });
    } catch (error) {
      const found = toApiProblem(error);
      const placed = markServerFieldErrors(found, FIELDS, (field, options) =>
        form.setError(field, { type: "server", message: "invalid" }, options),
      );
      if (!placed) setProblem(found);
    }
  });

  return (
    <form
      noValidate
      aria-label={t("label")}
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        if (isSubmitting) event.preventDefault();
        else void submit(event);
      }}
    >
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
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" className={secondaryButton} onClick={onCancel}>
          {t("cancel")}
        </button>
        <button type="submit" className={primaryButton} aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? t("saving") : t("submit")}
        </button>
      </div>
    </form>
  );
}
