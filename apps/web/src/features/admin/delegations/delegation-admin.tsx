"use client";

import type { DelegationSummary } from "@lodestone/domain/user";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { Dialog } from "@/features/ui/dialog";
import { DataTable } from "@/features/ui/data-table";
import { Spinner } from "@/features/ui/spinner";
import { primaryButton, secondaryButton, smallButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import { DelegationForm, type DelegationValues } from "./delegation-form";

type Editing = { mode: "create" } | { mode: "edit"; delegation: DelegationSummary };

/** Delegations: the countries taking part, with their names in both languages. */
export function DelegationAdmin() {
  const t = useTranslations("admin.delegations");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.delegation.list.queryOptions());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation(trpc.delegation.create.mutationOptions());
  const update = useMutation(trpc.delegation.update.mutationOptions());

  async function save(values: DelegationValues) {
    if (!editing) return;
    const saved =
      editing.mode === "create"
        ? await create.mutateAsync(values)
        : await update.mutateAsync({ ...values, delegationId: editing.delegation.id });
    setEditing(null);
    setNotice(
      editing.mode === "create" ? t("created", { code: saved.code }) : t("updated", { code: saved.code }),
    );
    await queryClient.invalidateQueries(trpc.delegation.list.pathFilter());
  }

  return (
    <div className="flex flex-col gap-6">
      <div>
        <button type="button" className={primaryButton} onClick={() => setEditing({ mode: "create" })}>
          {t("add")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {notice ? (
          <p className="rounded-md border border-green-300 bg-green-50 p-4 text-green-950">{notice}</p>
        ) : null}
      </div>

      {list.isError ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-950">
          <h2 className="text-lg font-semibold">{t("error.title")}</h2>
          <p className="mt-2 text-sm">{t("error.details", { message: toApiProblem(list.error).message })}</p>
          <button type="button" onClick={() => void list.refetch()} className={`${secondaryButton} mt-4`}>
            {t("error.retry")}
          </button>
        </div>
      ) : list.isPending ? (
        <p role="status" aria-busy="true" className="flex items-center gap-3 text-slate-700">
          <Spinner />
          {t("loading")}
        </p>
      ) : list.data.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-12 text-center">
          <h2 className="text-lg font-semibold text-slate-900">{t("empty.title")}</h2>
          <p className="mt-2 text-slate-700">{t("empty.body")}</p>
        </div>
      ) : (
        <DelegationTable
          delegations={list.data}
          onEdit={(delegation) => setEditing({ mode: "edit", delegation })}
        />
      )}

      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.mode === "edit" ? t("editTitle", { code: editing.delegation.code }) : t("createTitle")
        }
      >
        {editing ? (
          <DelegationForm
            key={editing.mode === "edit" ? editing.delegation.id : "new"}
            mode={editing.mode}
            defaults={
              editing.mode === "edit"
                ? {
                    code: editing.delegation.code,
                    nameEn: editing.delegation.nameEn,
                    nameJa: editing.delegation.nameJa,
                    kind: editing.delegation.kind,
                  }
                : undefined
            }
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

function DelegationTable({
  delegations,
  onEdit,
}: {
  delegations: DelegationSummary[];
  onEdit: (delegation: DelegationSummary) => void;
}) {
  const t = useTranslations("admin.delegations");
  const tKinds = useTranslations("enums.delegationKind");
  return (
    <DataTable
      caption={t("caption")}
      rows={delegations}
      rowKey={(delegation) => delegation.id}
      columns={[
        {
          id: "code",
          header: t("columns.code"),
          rowHeader: true,
          className: "font-mono font-semibold text-slate-900",
          cell: (delegation) => delegation.code,
        },
        {
          id: "nameEn",
          header: t("columns.nameEn"),
          className: "text-slate-900",
          cellProps: () => ({ lang: "en" }),
          cell: (delegation) => delegation.nameEn,
        },
        {
          id: "nameJa",
          header: t("columns.nameJa"),
          className: "text-slate-900",
          cellProps: () => ({ lang: "ja" }),
          cell: (delegation) => delegation.nameJa,
        },
        {
          id: "kind",
          header: t("columns.kind"),
          className: "text-slate-900",
          cell: (delegation) => tKinds(delegation.kind),
        },
        {
          id: "users",
          header: t("columns.users"),
          headerClassName: "text-right",
          className: "text-right tabular-nums text-slate-900",
          cell: (delegation) => delegation.userCount,
        },
        {
          id: "actions",
          header: t("columns.actions"),
          cell: (delegation) => (
            <button
              type="button"
              className={smallButton}
              aria-label={t("editOf", { code: delegation.code })}
              onClick={() => onEdit(delegation)}
            >
              {t("edit")}
            </button>
          ),
        },
      ]}
      region={{ className: "rounded-lg border border-slate-300 shadow-sm" }}
      classNames={{
        table: "w-full min-w-[40rem] border-collapse text-left text-sm",
        row: "odd:bg-white even:bg-slate-50",
      }}
    />
  );
}
