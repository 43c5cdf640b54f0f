"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ReportProgressInput, reportProblems } from "@lodestone/domain/delivery";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@lodestone/domain/enums";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { z } from "zod";
import { domainRule } from "@/features/forms/domain-rule";
import { fieldLimits, useFieldErrors } from "@/features/forms/field-errors";
import { FormActions } from "@/features/forms/form-actions";
import { numberFromText, textOrNull } from "@/features/forms/form-values";
import { ServerProblem } from "@/features/forms/server-problem";
import { useServerSubmit } from "@/features/forms/use-server-submit";
import { Field, FieldGroup } from "@/features/ui/field";
import { inputClass } from "@/features/ui/styles";
import type { EvidenceChoice } from "@/features/documents/types";
import type { MilestoneView } from "./types";

export interface ReportValues {
  status: MilestoneStatus;
  progress: string;
  note: string;
  evidence: string;
  evidenceVersionIds: string[];
}

const { status, progress, note, evidence } = ReportProgressInput.shape;

/**
 * The report as the API checks it: the domain's fields (progress typed as text, an empty note or
 * evidence as none) and its rule (`reportProblems`, which `checkReport` refuses with), each problem
 * shown on the field it names.
 */
export const ReportSchema = z
  .object({
    status,
    progress: z.preprocess(numberFromText, progress),
    note: z.preprocess(textOrNull, note),
    evidence: z.preprocess(textOrNull, evidence),
    evidenceVersionIds: z.array(z.string()).default([]),
  })
  .superRefine(
    domainRule(reportProblems, {
      evidenceRequired: "evidenceRequired",
      doneIs100: "doneIs100",
      blockedReason: "blockedReason",
    }),
  );
type ReportOutput = z.output<typeof ReportSchema>;
const PROGRESS = fieldLimits(ReportSchema, "progress");

const FIELDS = ["status", "progress", "note", "evidence"] as const;

export interface ReportFormProps {
  milestone: Pick<MilestoneView, "id" | "version" | "status" | "progress">;
  /** Sends the report; throws (a tRPC error) when refused. */
  onSubmit: (command: z.input<typeof ReportProgressInput>) => Promise<void>;
  onCancel: () => void;
  /** Data-room documents the report may cite; none: the choice is not offered. */
  evidenceChoices?: readonly EvidenceChoice[];
}

/**
 * Reporting progress on one milestone: status, percent complete, a note and evidence. Done needs
 * evidence (and means 100%), blocked needs a reason, as the API requires.
 */
export function ReportForm({ milestone, onSubmit, onCancel, evidenceChoices = [] }: ReportFormProps) {
  const t = useTranslations("delivery.report");
  const tStatus = useTranslations("delivery.status");
  const locale = useLocale();
  const message = useFieldErrors(ReportSchema);
  const id = useId();
  const form = useForm<ReportValues, unknown, ReportOutput>({
    defaultValues: {
      status: milestone.status === "PLANNED" ? "IN_PROGRESS" : milestone.status,
      progress: String(milestone.progress),
      note: "",
      evidence: "",
      evidenceVersionIds: [],
    },
    resolver: zodResolver(ReportSchema) as unknown as Resolver<ReportValues, unknown, ReportOutput>,
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = form.formState;
  const current = useWatch({ control: form.control, name: "status" });

  const { problem, onSubmit: submit } = useServerSubmit(
    form,
    ({ evidenceVersionIds, ...v }) =>
      onSubmit({
        milestoneId: milestone.id,
        version: milestone.version,
        ...v,
        ...(evidenceVersionIds.length ? { evidenceVersionIds } : {}),
      }),
    { fields: FIELDS, message: "invalid" },
  );

  const statusField = form.register("status");
  return (
    <form noValidate aria-label={t("label")} className="flex flex-col gap-5" onSubmit={submit}>
      <Field id={`${id}-status`} label={t("status")} error={message("status", errors.status)}>
        {(control) => (
          <select
            {...statusField}
            onChange={(event) => {
              void statusField.onChange(event);
              if (event.target.value === "DONE") form.setValue("progress", "100");
            }}
            {...control}
          >
            {MILESTONE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${id}-progress`}
        label={t("progress")}
        hint={t("progressHint")}
        error={message("progress", errors.progress)}
      >
        {(control) => (
          <input
            type="number"
            inputMode="numeric"
            min={PROGRESS.minimum}
            max={PROGRESS.maximum}
            step={1}
            {...form.register("progress")}
            {...control}
            className={`${inputClass} max-w-32`}
          />
        )}
      </Field>
      <Field
        id={`${id}-note`}
        label={current === "BLOCKED" ? t("noteBlocked") : t("note")}
        hint={current === "BLOCKED" ? t("noteBlockedHint") : undefined}
        error={message("note", errors.note)}
        required={current === "BLOCKED"}
      >
        {(control) => <textarea rows={3} {...form.register("note")} {...control} />}
      </Field>
      <Field
        id={`${id}-evidence`}
        label={current === "DONE" ? t("evidenceRequired") : t("evidence")}
        hint={evidenceChoices.length > 0 ? t("evidenceHintOrDocuments") : t("evidenceHint")}
        error={message("evidence", errors.evidence)}
        required={current === "DONE"}
      >
        {(control) => <textarea rows={3} {...form.register("evidence")} {...control} />}
      </Field>
      {evidenceChoices.length > 0 ? (
        <FieldGroup
          id={`${id}-evidenceDocuments`}
          legend={t("evidenceDocuments")}
          hint={t("evidenceDocumentsHint")}
        >
          <ul className="flex max-h-48 flex-col gap-2 overflow-y-auto rounded-md border border-slate-300 p-3">
            {evidenceChoices.map((choice) => {
              const ja = locale === "ja" && choice.titleJa.trim();
              return (
                <li key={choice.versionId}>
                  <label className="flex items-start gap-2 text-slate-900">
                    <input
                      type="checkbox"
                      value={choice.versionId}
                      className="mt-1 h-4 w-4 shrink-0 accent-blue-800"
                      {...form.register("evidenceVersionIds")}
                    />
                    <span>
                      <span lang={ja ? "ja" : "en"} className="font-medium">
                        {ja ? choice.titleJa : choice.titleEn}
                      </span>{" "}
                      <span className="text-sm text-slate-700">
                        {t("evidenceVersion", { number: choice.number, fileName: choice.fileName })}
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </FieldGroup>
      ) : null}
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
