"use client";

import type { UserSummary } from "@lodestone/domain/user";
import { useLocale, useTranslations } from "next-intl";
import { DataTable, type DataTableColumn } from "@/features/ui/data-table";
import { smallButton, smallDangerButton } from "@/features/ui/styles";
import { delegationName, type DelegationOption } from "../affiliation";

interface UserTableProps {
  items: UserSummary[];
  currentUserId: string;
  delegations: DelegationOption[];
  onChangeRole: (user: UserSummary) => void;
  onDeactivate: (user: UserSummary) => void;
  onReactivate: (user: UserSummary) => void;
  /** The user whose row is being changed right now. */
  busyUserId?: string | null;
}

export function UserTable({
  items,
  currentUserId,
  delegations,
  onChangeRole,
  onDeactivate,
  onReactivate,
  busyUserId,
}: UserTableProps) {
  const t = useTranslations("admin.users");
  const tRoles = useTranslations("enums.role");
  const tLocales = useTranslations("locales");

  const columns: DataTableColumn<UserSummary>[] = [
    {
      id: "name",
      header: t("columns.name"),
      rowHeader: true,
      className: "min-w-[15rem] font-normal",
      cell: (user) => (
        <>
          <span className="block font-semibold text-slate-900">
            {user.name}
            {user.id === currentUserId ? (
              <span className="ml-2 text-xs font-normal text-slate-600">{t("you")}</span>
            ) : null}
          </span>
          <span className="block break-words text-slate-600">{user.email}</span>
        </>
      ),
    },
    { id: "role", header: t("columns.role"), className: "text-slate-900", cell: (user) => tRoles(user.role) },
    {
      id: "affiliation",
      header: t("columns.affiliation"),
      className: "text-slate-900",
      cell: (user) => <Affiliation user={user} delegations={delegations} />,
    },
    {
      id: "language",
      header: t("columns.language"),
      className: "text-slate-900",
      cellProps: (user) => ({ lang: user.locale }),
      cell: (user) => tLocales(user.locale),
    },
    {
      id: "timeZone",
      header: t("columns.timeZone"),
      className: "whitespace-nowrap text-slate-900",
      cell: (user) => user.timeZone,
    },
    { id: "status", header: t("columns.status"), cell: (user) => <UserStatus active={user.active} /> },
    {
      id: "actions",
      header: t("columns.actions"),
      cell: (user) => (
        <UserActions
          user={user}
          self={user.id === currentUserId}
          busy={busyUserId === user.id}
          onChangeRole={onChangeRole}
          onDeactivate={onDeactivate}
          onReactivate={onReactivate}
        />
      ),
    },
  ];

  return (
    <DataTable
      caption={t("caption")}
      columns={columns}
      rows={items}
      rowKey={(user) => user.id}
      rowProps={(user) => ({ "data-user-email": user.email })}
      region={{ className: "rounded-lg border border-slate-300 shadow-sm" }}
      classNames={{
        table: "w-full min-w-[56rem] border-collapse text-left text-sm",
        row: "align-top odd:bg-white even:bg-slate-50",
      }}
    />
  );
}

/** The user's delegation (its name and code) or organisation. */
function Affiliation({ user, delegations }: { user: UserSummary; delegations: DelegationOption[] }) {
  const t = useTranslations("admin.users");
  const locale = useLocale();
  const delegation = user.delegation
    ? (delegationName(
        delegations.find((d) => d.code === user.delegation),
        locale,
      ) ?? user.delegation)
    : null;
  if (delegation) {
    return (
      <>
        {delegation} <span className="font-mono text-xs text-slate-600">({user.delegation})</span>
      </>
    );
  }
  if (user.organisation) return <>{user.organisation.name}</>;
  return <span className="text-slate-600">{t("noAffiliation")}</span>;
}

function UserStatus({ active }: { active: boolean }) {
  const t = useTranslations("admin.users");
  return active ? (
    <span
      data-user-status="active"
      className="inline-flex rounded-full bg-green-50 px-2.5 py-0.5 text-xs font-semibold text-green-900 ring-1 ring-inset ring-green-300"
    >
      {t("status.active")}
    </span>
  ) : (
    <span
      data-user-status="deactivated"
      className="inline-flex rounded-full bg-stone-100 px-2.5 py-0.5 text-xs font-semibold text-stone-800 ring-1 ring-inset ring-stone-400"
    >
      {t("status.deactivated")}
    </span>
  );
}

/** Change role; deactivate or reactivate (never oneself). */
function UserActions({
  user,
  self,
  busy,
  onChangeRole,
  onDeactivate,
  onReactivate,
}: {
  user: UserSummary;
  self: boolean;
  busy: boolean;
} & Pick<UserTableProps, "onChangeRole" | "onDeactivate" | "onReactivate">) {
  const t = useTranslations("admin.users");
  return (
    <div className="flex gap-2 whitespace-nowrap">
      <button
        type="button"
        className={smallButton}
        aria-label={t("actions.changeRoleOf", { name: user.name })}
        onClick={() => onChangeRole(user)}
      >
        {t("actions.changeRole")}
      </button>
      {self ? null : user.active ? (
        <button
          type="button"
          className={smallDangerButton}
          aria-label={t("actions.deactivateUser", { name: user.name })}
          onClick={() => onDeactivate(user)}
        >
          {t("actions.deactivate")}
        </button>
      ) : (
        <button
          type="button"
          className={smallButton}
          aria-label={t("actions.reactivateUser", { name: user.name })}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onReactivate(user);
          }}
        >
          {busy ? t("actions.reactivating") : t("actions.reactivate")}
        </button>
      )}
    </div>
  );
}
