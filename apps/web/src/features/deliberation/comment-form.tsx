"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { EditCommentInput, PostCommentInput } from "@lodestone/domain/deliberation";
import { STANCES, Stance } from "@lodestone/domain/enums";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { markServerFieldErrors, toApiProblem, type ApiProblem } from "@/features/forms/api-problem";
import { useFieldErrors } from "@/features/forms/field-errors";
import { MentionTextarea } from "@/features/notifications/mention-textarea";
import { Field, FieldGroup } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton } from "@/features/ui/styles";
import { ActionProblem } from "./action-problem";

/** A new thread: the domain's comment text, and the stance a thread must take. */
const ThreadSchema = z.object({ stance: Stance, body: PostCommentInput.shape.body });
/** A reply: the domain's comment text, no stance. */
const ReplySchema = z.object({ stance: z.null(), body: PostCommentInput.shape.body });
/** An edit: the domain's text of an edited comment. */
const EditSchema = z.object({ stance: z.null(), body: EditCommentInput.shape.body });

const SCHEMAS = { thread: ThreadSchema, reply: ReplySchema, edit: EditSchema };
const FIELDS = ["stance", "body"] as const;

export interface CommentFormValues {
  stance: Stance | null;
  body: string;
}

interface CommentFormProps {
  /** A new thread takes a stance; a reply or an edit does not. */
  kind: "thread" | "reply" | "edit";
  initialBody?: string;
  submitLabel: string;
  busyLabel: string;
  /** Throws the API's error when refused. */
  onSubmit: (values: { stance: Stance | null; body: string }) => Promise<void>;
  onCancel?: () => void;
  /** The project whose readers the text box suggests when "@" and a name are typed. */
  mentionsIn?: string;
}

/** Writing a comment: markdown text and, on a new thread, a stance. */
export function CommentForm({
  kind,
  initialBody = "",
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
  mentionsIn,
}: CommentFormProps) {
  const t = useTranslations("discussion.form");
  const tMentions = useTranslations("notifications.mentions");
  const tStance = useTranslations("discussion.stance");
  const id = useId();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const schema = SCHEMAS[kind];
  const form = useForm<CommentFormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<CommentFormValues>,
    defaultValues: { stance: null, body: initialBody },
  });
  const { errors, isSubmitting } = form.formState;
  const message = useFieldErrors(schema, { stance: "stanceRequired", body: "bodyRequired" });
  const errorText = (field: (typeof FIELDS)[number]) => message(field, errors[field]);

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      await onSubmit({ stance: kind === "thread" ? values.stance : null, body: values.body.trim() });
      form.reset({ stance: null, body: kind === "edit" ? values.body.trim() : "" });
    } catch (error) {
      const p = toApiProblem(error);
      const placed = markServerFieldErrors(p, FIELDS, (field, options) =>
        form.setError(field, { type: "server" }, options),
      );
      if (!placed) setProblem(p);
    }
  });

  const label = kind === "thread" ? t("threadLabel") : kind === "reply" ? t("replyLabel") : t("editLabel");
  const stanceError = errorText("stance");
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      {kind === "thread" ? (
        <FieldGroup id={`${id}-stance`} legend={t("stanceLegend")} error={stanceError} className="">
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {STANCES.map((stance) => (
              <label key={stance} className="inline-flex items-center gap-2 text-sm text-slate-900">
                <input
                  type="radio"
                  value={stance}
                  {...form.register("stance")}
                  aria-invalid={stanceError ? true : undefined}
                  className="h-4 w-4 accent-blue-800"
                />
                {tStance(stance)}
              </label>
            ))}
          </div>
        </FieldGroup>
      ) : null}
      <Field
        id={`${id}-body`}
        label={label}
        hint={mentionsIn ? `${t("markdownHint")} ${tMentions("hint")}` : t("markdownHint")}
        error={errorText("body")}
        required
      >
        {(control) =>
          mentionsIn ? (
            <MentionTextarea
              projectId={mentionsIn}
              rows={kind === "thread" ? 5 : 3}
              registration={form.register("body")}
              control={control}
              setText={(text) => form.setValue("body", text, { shouldDirty: true })}
            />
          ) : (
            <textarea rows={kind === "thread" ? 5 : 3} {...form.register("body")} {...control} />
          )
        }
      </Field>
      {problem ? <ActionProblem title={t("failed")} problem={problem} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={primaryButton} aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? <Spinner tone="light" /> : null}
          {isSubmitting ? busyLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className={secondaryButton} onClick={onCancel}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
