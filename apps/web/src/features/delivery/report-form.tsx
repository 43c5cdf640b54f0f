"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { ReportProgressInput } from "@lodestone/domain/delivery";
import { MILESTONE_STATUSES, MilestoneStatus } from "@lodestone/domain/enums";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { markServerFieldErrors, toApiProblem } from "@/features/forms/api-problem";
import { Field, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { ServerProblem } from "@/features/forms/server-problem";
import type { MilestoneView } from "./types";

export interface ReportValues {
  status: MilestoneStatus;
  progress: string;
  note: string;
  evidence: string;
}

/** Error keys (messages under `delivery.report.errors`). */
type ReportError = "progressRange" | "evidenceRequired" | "doneIs100" | "blockedReason" | "tooLong";

/** The API's rules (`checkReport` in the domain), with an error on the field to fix. */
export const ReportSchema = z
  .object({
    status: MilestoneStatus,
    progress: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, "progressRange")
      .transform(Number)
      .pipe(z.number().int().min(0, "progressRange").max(100, "progressRange")),
    note: z.string().trim().max(5_000, "tooLong"),
    evidence: z.string().trim().max(5_000, "tooLong"),
  })
  .superRefine((v, ctx) => {
    if (v.status === "DONE" && !v.evidence) {
      ctx.addIssue({ code: "custom", path: ["evidence"], message: "evidenceRequired" });
    }
    if (v.status === "DONE" && v.progress !== 100) {
      ctx.addIssue({ code: "custom", path: ["progress"], message: "doneIs100" });
    }
    if (v.status === "BLOCKED" && !v.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "blockedReason" });
    }
  });
type ReportOutput = z.output<typeof ReportSchema>;

const FIELDS = ["status", "progress", "note", "evidence"] as const;
const ERRORS: readonly ReportError[] = [
  "progressRange",
  "evidenceRequired",
  "doneIs100",
  "blockedReason",
  "tooLong",
];

export interface ReportFormProps {
  milestone: Pick<MilestoneView, "id" | "version" | "status" | "progress">;
  /** Sends the report; throws (a tRPC error) when refused. */
  onSubmit: (command: z.input<typeof ReportProgressInput>) => Promise<void>;
  onCancel: () => void;
}

/**
 * Reporting progress on one milestone: status, percent complete, a note and evidence. Done needs
 * evidence (and means 100%), blocked needs a reason, as the API requires.
 */
export function ReportForm({ milestone, onSubmit, onCancel }: ReportFormProps) {
  const t = useTranslations("delivery.report");
  const tStatus = useTranslations("delivery.status");
  const id = useId();
  const [problem, setProblem] = useState<ReturnType<typeof toApiProblem> | null>(null);
  const form = useForm<ReportValues, unknown, ReportOutput>({
    defaultValues: {
      status: milestone.status === "PLANNED" ? "IN_PROGRESS" : milestone.status,
      progress: String(milestone.progress),
      note: "",
      evidence: "",
    },
    resolver: zodResolver(ReportSchema) as never,
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = form.formState;
  const status = form.watch("status");

  const errorText = (field: (typeof FIELDS)[number]): string | null => {
    const error = errors[field];
    if (!error) return null;
    const key = ERRORS.find((k) => k === error.message);
    return key ? t(`errors.${key}`) : t("errors.invalid");
  };

  const submit = form.handleSubmit(async (v) => {
    setProblem(null);
    try {
      await onSubmit({
        milestoneId: milestone.id,
        version: milestone.version,
        status: v.status,
        progress: v.progress,
        note: v.note || null,
        evidence: v.evidence || null,
      });
    } catch (error) {
      const found = toApiProblem(error);
      const placed = markServerFieldErrors(found, FIELDS, (field, options) =>
        form.setError(field, { type: "server", message: "invalid" }, options),
      );
      if (!placed) setProblem(found);
    }
  });

  const control = (field: (typeof FIELDS)[number], hint?: string) => ({
    id: `${id}-${field}`,
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": describedBy(`${id}-${field}`, { hint, error: errors[field] }),
    className: inputClass,
  });

  const statusField = form.register("status");
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
      <Field id={`${id}-status`} label={t("status")} error={errorText("status")}>
        <select
          {...statusField}
          onChange={(event) => {
            void statusField.onChange(event);
            if (event.target.value === "DONE") form.setValue("progress", "100");
          }}
          {...control("status")}
        >
          {MILESTONE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tStatus(s)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={`${id}-progress`}
        label={t("progress")}
        hint={t("progressHint")}
        error={errorText("progress")}
      >
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          {...form.register("progress")}
          {...control("progress", t("progressHint"))}
          className={`${inputClass} max-w-32`}
        />
      </Field>
      <Field
        id={`${id}-note`}
        label={status === "BLOCKED" ? t("noteBlocked") : t("note")}
        hint={status === "BLOCKED" ? t("noteBlockedHint") : undefined}
        error={errorText("note")}
      >
        <textarea
          rows={3}
          {...form.register("note")}
          {...control("note", status === "BLOCKED" ? t("noteBlockedHint") : undefined)}
          aria-required={status === "BLOCKED" || undefined}
        />
      </Field>
      <Field
        id={`${id}-evidence`}
        label={status === "DONE" ? t("evidenceRequired") : t("evidence")}
        hint={t("evidenceHint")}
        error={errorText("evidence")}
      >
        <textarea
          rows={3}
          {...form.register("evidence")}
          {...control("evidence", t("evidenceHint"))}
          aria-required={status === "DONE" || undefined}
        />
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
