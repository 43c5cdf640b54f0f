"use client";

import type { UserSummary } from "@lodestone/domain/user";
import { useLocale, useTranslations } from "next-intl";
import { ScrollRegion } from "@/features/ui/scroll-region";
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
  const locale = useLocale();

  return (
    <ScrollRegion name={t("caption")} className="rounded-lg border border-slate-300 shadow-sm">
      <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-100 text-xs text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.name")}
            </th>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.role")}
            </th>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.affiliation")}
            </th>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.language")}
            </th>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.timeZone")}
            </th>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.status")}
            </th>
            <th scope="col" className="px-3 py-3 font-semibold">
              {t("columns.actions")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((user) => {
            const self = user.id === currentUserId;
            const busy = busyUserId === user.id;
            const delegation = user.delegation
              ? (delegationName(
                  delegations.find((d) => d.code === user.delegation),
                  locale,
                ) ?? user.delegation)
              : null;
            return (
              <tr
                key={user.id}
                data-user-email={user.email}
                className="align-top odd:bg-white even:bg-slate-50"
              >
                <th scope="row" className="min-w-[15rem] px-3 py-3 font-normal">
                  <span className="block font-semibold text-slate-900">
                    {user.name}
                    {self ? (
                      <span className="ml-2 text-xs font-normal text-slate-600">{t("you")}</span>
                    ) : null}
                  </span>
                  <span className="block break-words text-slate-600">{user.email}</span>
                </th>
                <td className="px-3 py-3 text-slate-900">{tRoles(user.role)}</td>
                <td className="px-3 py-3 text-slate-900">
                  {delegation ? (
                    <>
                      {delegation}{" "}
                      <span className="font-mono text-xs text-slate-600">({user.delegation})</span>
                    </>
                  ) : user.organisation ? (
                    user.organisation.name
                  ) : (
                    <span className="text-slate-600">{t("noAffiliation")}</span>
                  )}
                </td>
                <td className="px-3 py-3 text-slate-900" lang={user.locale}>
                  {tLocales(user.locale)}
                </td>
                <td className="whitespace-nowrap px-3 py-3 text-slate-900">{user.timeZone}</td>
                <td className="px-3 py-3">
                  {user.active ? (
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
                  )}
                </td>
                <td className="px-3 py-3">
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
