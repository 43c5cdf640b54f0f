"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  EMAIL_CHANNELS,
  SetEmailPreferencesInput,
  type EmailChannel,
  type NotificationReason,
} from "@lodestone/domain/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormActions } from "@/features/forms/form-actions";
import { ServerProblem } from "@/features/forms/server-problem";
import { useServerSubmit } from "@/features/forms/use-server-submit";
import { toLoadError } from "@/features/projects/load-error";
import { DataTable, type DataTableColumn } from "@/features/ui/data-table";
import { LoadProblem } from "@/features/ui/load-problem";
import { Spinner } from "@/features/ui/spinner";
import { useTRPC } from "@/trpc/react";

type Channels = Record<NotificationReason, EmailChannel>;
interface PreferenceRow {
  reason: NotificationReason;
  channel: EmailChannel;
  default: EmailChannel;
}

/**
 * The profile's email section: for each kind of notification, whether it is emailed at once, in
 * the daily or weekly digest, or not at all (it is in the inbox whatever is chosen here).
 */
export function EmailPreferences() {
  const t = useTranslations("notifications.preferences");
  const trpc = useTRPC();
  const query = useQuery(trpc.notifications.preferences.queryOptions());
  const timeZone = useTimeZone() ?? "UTC";

  return (
    <div className="flex flex-col gap-4">
      <div className="flex max-w-3xl flex-col gap-2 text-slate-700">
        <p>{t("lead")}</p>
        <p>{t("defaults")}</p>
        <p>{t("digestTime", { timeZone })}</p>
      </div>
      {query.isPending ? (
        <p role="status" className="flex items-center gap-2 text-slate-700">
          <Spinner /> {t("loading")}
        </p>
      ) : query.isError ? (
        <LoadProblem
          message={t("loadFailed", { message: toLoadError(query.error).message })}
          retryLabel={t("retry")}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <PreferencesForm rows={query.data.channels} />
      )}
    </div>
  );
}

function PreferencesForm({ rows }: { rows: PreferenceRow[] }) {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const initial = Object.fromEntries(rows.map((r) => [r.reason, r.channel])) as Channels;
  const form = useForm<{ channels: Channels }>({
    defaultValues: { channels: initial },
    resolver: zodResolver(SetEmailPreferencesInput) as never,
  });
  const save = useMutation(trpc.notifications.setPreferences.mutationOptions());
  const { problem, onSubmit } = useServerSubmit(
    form,
    async (values) => {
      setSaved(false);
      const before = form.formState.defaultValues?.channels ?? {};
      // Only what the person changed becomes their choice; the rest keeps following the defaults.
      const changed = Object.fromEntries(
        Object.entries(values.channels).filter(
          ([reason, channel]) => before[reason as NotificationReason] !== channel,
        ),
      );
      await save.mutateAsync({ channels: changed });
      form.reset(values);
      await queryClient.invalidateQueries(trpc.notifications.preferences.pathFilter());
      setSaved(true);
    },
    { fields: ["channels"], focus: false },
  );

  const columns: DataTableColumn<PreferenceRow>[] = [
    {
      id: "reason",
      header: t("preferences.reasonColumn"),
      rowHeader: true,
      className: "min-w-[14rem] font-semibold text-slate-900",
      cell: (row) => t(`reasonName.${row.reason}`),
    },
    ...EMAIL_CHANNELS.map((channel): DataTableColumn<PreferenceRow> => ({
      id: channel,
      header: t(`preferences.channels.${channel}`),
      headerClassName: "text-center",
      className: "text-center",
      cell: (row) => {
        const reason = t(`reasonName.${row.reason}`);
        const channelName = t(`preferences.channels.${channel}`);
        const isDefault = row.default === channel;
        return (
          <label className="inline-flex cursor-pointer flex-col items-center gap-1 rounded p-2 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-700">
            <input
              type="radio"
              value={channel}
              {...form.register(`channels.${row.reason}`)}
              className="h-4 w-4 accent-blue-800"
            />
            <span className="sr-only">
              {isDefault
                ? t("preferences.choiceDefault", { reason, channel: channelName })
                : t("preferences.choice", { reason, channel: channelName })}
            </span>
            {isDefault ? (
              <span aria-hidden="true" className="text-xs text-slate-600">
                {t("preferences.defaultMark")}
              </span>
            ) : null}
          </label>
        );
      },
    })),
  ];

  return (
    <form noValidate onSubmit={onSubmit} onChange={() => setSaved(false)} className="flex flex-col gap-4">
      <DataTable
        caption={t("preferences.caption")}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.reason}
        rowProps={(row) => ({ "data-reason": row.reason })}
        region={{ className: "rounded-lg border border-slate-300 shadow-sm" }}
        classNames={{
          table: "w-full min-w-[40rem] border-collapse text-left text-sm",
          row: "align-middle odd:bg-white even:bg-slate-50",
        }}
      />
      {problem ? <ServerProblem title={t("preferences.saveFailed")} problem={problem} /> : null}
      <div className="flex flex-wrap-reverse items-center justify-end gap-4">
        <p role="status" className="text-sm font-medium text-green-800">
          {saved ? t("preferences.saved") : ""}
        </p>
        <FormActions
          busy={form.formState.isSubmitting}
          label={t("preferences.save")}
          busyLabel={t("preferences.saving")}
        />
      </div>
    </form>
  );
}
