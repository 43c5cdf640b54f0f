"use client";

import type { UserSummary } from "@lodestone/domain/user";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TimeZoneGroup } from "@/features/i18n/time-zones";
import { primaryButton } from "@/features/ui/styles";
import { ChangeUserRoleDialog } from "./change-user-role-dialog";
import { DeactivateUserDialog } from "./deactivate-user-dialog";
import { InviteUserDialog } from "./invite-user-dialog";
import { useAffiliationOptions } from "./use-affiliation-options";
import { useReactivateUser } from "./use-reactivate-user";
import { useUserFilters } from "./use-user-filters";
import { useRefreshUserLists, useUserList } from "./use-user-list";
import { UserFilterBar } from "./user-filter-bar";
import { UserList } from "./user-list";
import { UserNotice, type Notice } from "./user-notice";

interface UserAdminProps {
  currentUserId: string;
  timeZones: TimeZoneGroup[];
}

/** Users: search, filter, keyset "load more", invite, change role, deactivate and reactivate. */
export function UserAdmin({ currentUserId, timeZones }: UserAdminProps) {
  const t = useTranslations("admin.users");
  const filterState = useUserFilters();
  const { filters } = filterState;
  const list = useUserList(filters);
  const options = useAffiliationOptions();
  const refreshLists = useRefreshUserLists();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [inviting, setInviting] = useState(false);
  const [roleTarget, setRoleTarget] = useState<UserSummary | null>(null);
  const [deactivateTarget, setDeactivateTarget] = useState<UserSummary | null>(null);
  const { reactivate, busyUserId } = useReactivateUser({
    users: list.data?.pages.flatMap((p) => p.items) ?? [],
    onNotice: setNotice,
    refresh: refreshLists,
  });

  return (
    <div className="flex flex-col gap-6">
      <UserFilterBar state={filterState}>
        <button type="button" className={primaryButton} onClick={() => setInviting(true)}>
          {t("invite.open")}
        </button>
      </UserFilterBar>

      <UserNotice notice={notice} />

      <UserList
        list={list}
        filtered={Boolean(filters.q || filters.role || filters.status !== "all")}
        currentUserId={currentUserId}
        delegations={options.delegations}
        onChangeRole={setRoleTarget}
        onDeactivate={setDeactivateTarget}
        onReactivate={reactivate}
        busyUserId={busyUserId}
      />

      <InviteUserDialog
        open={inviting}
        options={options}
        timeZones={timeZones}
        onClose={() => setInviting(false)}
        onInvited={(invited) => {
          setInviting(false);
          void refreshLists();
          setNotice(invited);
        }}
      />
      <ChangeUserRoleDialog
        user={roleTarget}
        options={options}
        onClose={() => setRoleTarget(null)}
        onChanged={async (text) => {
          setRoleTarget(null);
          setNotice({ tone: "success", text });
          await refreshLists();
        }}
      />
      <DeactivateUserDialog
        user={deactivateTarget}
        onClose={() => setDeactivateTarget(null)}
        onDeactivated={async (text) => {
          setDeactivateTarget(null);
          setNotice({ tone: "success", text });
          await refreshLists();
        }}
      />
    </div>
  );
}
