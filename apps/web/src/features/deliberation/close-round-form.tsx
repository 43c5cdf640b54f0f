"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CloseRoundInput } from "@lodestone/domain/deliberation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { useFieldErrors } from "@/features/forms/field-errors";
import { Field, FieldGroup } from "@/features/ui/field";
import { primaryButton } from "@/features/ui/styles";

type CloseValues = z.input<typeof CloseRoundInput>;
type CloseCommand = z.output<typeof CloseRoundInput>;

/** A coordinator closes the round and records the decision, with a rationale (after confirming). */
export function CloseRoundForm({
  roundId,
  onSubmit,
}: {
  roundId: string;
  onSubmit: (command: CloseCommand) => Promise<void>;
}) {
  const t = useTranslations("review.close");
  const id = useId();
  const [pending, setPending] = useState<CloseCommand | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<CloseValues, unknown, CloseCommand>({
    resolver: zodResolver(CloseRoundInput),
    defaultValues: { roundId, rationale: "", ifNotApproved: "CHANGES_REQUESTED" },
  });
  const { errors } = form.formState;
  const message = useFieldErrors(CloseRoundInput, { rationale: "rationaleRequired" });

  const confirm = async () => {
    if (!pending || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit(pending);
      setPending(null);
    } catch (error) {
      const p = toApiProblem(error);
      if (
        markServerFieldErrors(p, ["rationale"] as const, (f, o) => form.setError(f, { type: "server" }, o))
      ) {
        setPending(null);
      } else {
        setProblem(p);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) =>
          void form.handleSubmit((command) => {
            setProblem(null);
            setPending(command);
          })(e)
        }
      >
        <Field
          id={`${id}-rationale`}
          label={t("rationale")}
          hint={t("rationaleHint")}
          error={message("rationale", errors.rationale)}
          required
        >
          {(control) => <textarea rows={4} {...form.register("rationale")} {...control} />}
        </Field>
        <FieldGroup id={`${id}-ifNotApproved`} legend={t("ifNotApproved")} className="">
          <div className="flex flex-col gap-2">
            {(["CHANGES_REQUESTED", "REJECTED"] as const).map((outcome) => (
              <label key={outcome} className="inline-flex items-center gap-2 text-sm text-slate-900">
                <input
                  type="radio"
                  value={outcome}
                  {...form.register("ifNotApproved")}
                  className="h-4 w-4 accent-blue-800"
                />
                {t(`otherwise.${outcome}`)}
              </label>
            ))}
          </div>
        </FieldGroup>
        <div>
          <button type="submit" className={primaryButton}>
            {t("submit")}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={pending !== null}
        title={t("confirmTitle")}
        confirmLabel={t("confirm")}
        busyLabel={t("closing")}
        busy={busy}
        error={problem ? problem.message : null}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        {t("confirmBody")}
      </ConfirmDialog>
    </>
  );
}
