"use client";

import { ROLES, type Role } from "@lodestone/domain/vocabulary";
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { inputClass } from "@/features/ui/styles";
import type { StatusFilter } from "./user-filters";
import type { UserFilterState } from "./use-user-filters";

/** Search by name or email, filter by role and status; `children` follow on the same line. */
export function UserFilterBar({
  state: { filters, search, setSearch, setRole, setStatus },
  children,
}: {
  state: UserFilterState;
  children?: ReactNode;
}) {
  const t = useTranslations("admin.users");
  const tRoles = useTranslations("enums.role");
  const id = useId();
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div className="flex min-w-[16rem] flex-1 flex-col gap-1.5">
        <label htmlFor={`${id}-search`} className="text-sm font-semibold text-slate-900">
          {t("search")}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          maxLength={120}
          onChange={(event) => setSearch(event.target.value)}
          className={inputClass}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-role`} className="text-sm font-semibold text-slate-900">
          {t("roleFilter")}
        </label>
        <select
          id={`${id}-role`}
          value={filters.role ?? ""}
          onChange={(event) => setRole((event.target.value || null) as Role | null)}
          className={inputClass}
        >
          <option value="">{t("allRoles")}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-status`} className="text-sm font-semibold text-slate-900">
          {t("statusFilter")}
        </label>
        <select
          id={`${id}-status`}
          value={filters.status}
          onChange={(event) => setStatus(event.target.value as StatusFilter)}
          className={inputClass}
        >
          <option value="all">{t("allStatuses")}</option>
          <option value="active">{t("activeOnly")}</option>
        </select>
      </div>
      {children}
    </div>
  );
}
