"use client";

import { ROLES, type Role } from "@lodestone/domain/vocabulary";
import type { ListUsersInput, UserSummary } from "@lodestone/domain/user";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import type { TimeZoneGroup } from "@/features/i18n/time-zones";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { Dialog } from "@/features/ui/dialog";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { ChangeRoleDialog } from "./change-role-dialog";
import { InviteUserForm } from "./invite-user-form";
import { filtersFromParams, filtersToQuery, type StatusFilter, type UserFilters } from "./user-filters";
import { UserTable } from "./user-table";

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

type Notice = { tone: "success" | "warning"; text: string };

interface UserAdminProps {
  currentUserId: string;
  timeZones: TimeZoneGroup[];
}

/** Users: search, filter, keyset "load more", invite, change role, deactivate and reactivate. */
export function UserAdmin({ currentUserId, timeZones }: UserAdminProps) {
  const t = useTranslations("admin.users");
  const tRoles = useTranslations("enums.role");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = filtersFromParams(searchParams);
  const id = useId();

  // The search box updates the address (and so the list) once typing pauses.
  const [search, setSearch] = useState(filters.q);
  const [lastUrlQ, setLastUrlQ] = useState(filters.q);
  if (lastUrlQ !== filters.q) {
    // The address changed another way (back button): show its search.
    setLastUrlQ(filters.q);
    if (search.trim() !== filters.q) setSearch(filters.q);
  }
  function navigate(next: UserFilters) {
    const query = filtersToQuery(next);
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }
  useEffect(() => {
    const q = search.trim();
    if (q === filters.q) return;
    const timer = setTimeout(() => navigate({ ...filters, q }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters.q, filters.role, filters.status]);

  const input = {
    limit: PAGE_SIZE,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    includeDeactivated: filters.status === "all",
  } satisfies ListUsersInput;

  // Written out (not `infiniteQueryOptions`): that helper adds `direction` to the input, which
  // the strict ListUsersInput refuses. The key is tRPC's own, so `trpc.user.list` filters reach it.
  const list = useInfiniteQuery({
    queryKey: trpc.user.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      client.user.list.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
  const delegations = useQuery(trpc.delegation.list.queryOptions());
  const organisations = useQuery(trpc.delegation.organisations.queryOptions());
  const optionsPending = delegations.isPending || organisations.isPending;

  const [notice, setNotice] = useState<Notice | null>(null);
  const [inviting, setInviting] = useState(false);
  const [roleTarget, setRoleTarget] = useState<UserSummary | null>(null);
  const [deactivateTarget, setDeactivateTarget] = useState<UserSummary | null>(null);

  const refreshLists = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.user.list.pathFilter()),
      queryClient.invalidateQueries(trpc.delegation.list.pathFilter()),
    ]);

  const invite = useMutation(trpc.user.invite.mutationOptions());
  const changeRole = useMutation(trpc.user.changeRole.mutationOptions());
  const deactivate = useMutation(
    trpc.user.deactivate.mutationOptions({
      onSuccess: async (user) => {
        setDeactivateTarget(null);
        setNotice({ tone: "success", text: t("deactivate.done", { name: user.name }) });
        await refreshLists();
      },
    }),
  );
  const reactivate = useMutation(
    trpc.user.reactivate.mutationOptions({
      onSuccess: async (user) => {
        setNotice({ tone: "success", text: t("reactivate.done", { name: user.name }) });
        await refreshLists();
      },
      onError: (error, variables) => {
        const user = list.data?.pages.flatMap((p) => p.items).find((u) => u.id === variables.userId);
        setNotice({
          tone: "warning",
          text: t("reactivate.failed", { name: user?.name ?? "", message: toApiProblem(error).message }),
        });
      },
    }),
  );

  async function inviteUser(command: Parameters<typeof invite.mutateAsync>[0]) {
    const created = await invite.mutateAsync(command);
    // The invitation is an ordinary sign-in link, mailed by next-auth through the API.
    const mailed = await signIn("email", {
      email: created.email,
      redirect: false,
      callbackUrl: "/projects",
    }).then(
      (result) => Boolean(result?.ok && !result.error),
      () => false,
    );
    setInviting(false);
    void refreshLists();
    setNotice(
      mailed
        ? { tone: "success", text: t("invite.done", { name: created.name, email: created.email }) }
        : { tone: "warning", text: t("invite.notMailed", { name: created.name, email: created.email }) },
    );
  }

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const hasData = list.data !== undefined;
  const filtered = Boolean(filters.q || filters.role || filters.status !== "all");

  return (
    <div className="flex flex-col gap-6">
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
            onChange={(event) =>
              navigate({ ...filters, q: search.trim(), role: (event.target.value || null) as Role | null })
            }
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
            onChange={(event) =>
              navigate({ ...filters, q: search.trim(), status: event.target.value as StatusFilter })
            }
            className={inputClass}
          >
            <option value="all">{t("allStatuses")}</option>
            <option value="active">{t("activeOnly")}</option>
          </select>
        </div>
        <button type="button" className={primaryButton} onClick={() => setInviting(true)}>
          {t("invite.open")}
        </button>
      </div>

      <div role="status" aria-live="polite">
        {notice ? (
          <p
            className={
              "rounded-md border p-4 " +
              (notice.tone === "success"
                ? "border-green-300 bg-green-50 text-green-950"
                : "border-amber-400 bg-amber-50 text-amber-950")
            }
          >
            {notice.text}
          </p>
        ) : null}
      </div>

      {!hasData && list.isError ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-950">
          <h2 className="text-lg font-semibold">{t("error.title")}</h2>
          <p className="mt-2 text-sm">{t("error.details", { message: toApiProblem(list.error).message })}</p>
          <button type="button" onClick={() => void list.refetch()} className={`${secondaryButton} mt-4`}>
            {t("error.retry")}
          </button>
        </div>
      ) : !hasData ? (
        <p role="status" aria-busy="true" className="flex items-center gap-3 text-slate-700">
          <Spinner />
          {t("loading")}
        </p>
      ) : items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-12 text-center">
          <h2 className="text-lg font-semibold text-slate-900">
            {filtered ? t("empty.filteredTitle") : t("empty.title")}
          </h2>
          <p className="mt-2 text-slate-700">{filtered ? t("empty.filteredBody") : t("empty.body")}</p>
        </div>
      ) : (
        <div className="flex flex-col gap-4" aria-busy={list.isFetching && !list.isFetchingNextPage}>
          <UserTable
            items={items}
            currentUserId={currentUserId}
            delegations={delegations.data ?? []}
            onChangeRole={(user) => {
              changeRole.reset();
              setRoleTarget(user);
            }}
            onDeactivate={(user) => {
              deactivate.reset();
              setDeactivateTarget(user);
            }}
            onReactivate={(user) => reactivate.mutate({ userId: user.id })}
            busyUserId={reactivate.isPending ? reactivate.variables?.userId : null}
          />
          <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-slate-700">
              {list.hasNextPage
                ? t("shownCount", { count: items.length })
                : t("allShown", { count: items.length })}
            </p>
            {list.hasNextPage ? (
              <button
                type="button"
                className={primaryButton}
                aria-disabled={list.isFetchingNextPage || undefined}
                onClick={() => {
                  if (!list.isFetchingNextPage) void list.fetchNextPage();
                }}
              >
                {list.isFetchingNextPage ? <Spinner tone="light" /> : null}
                {list.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
              </button>
            ) : null}
          </div>
          {list.isFetchNextPageError ? (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
              {t("loadMoreError", { message: toApiProblem(list.error).message })}
            </p>
          ) : null}
        </div>
      )}

      <Dialog
        open={inviting}
        onClose={() => setInviting(false)}
        title={t("invite.title")}
        description={t("invite.description")}
        size="lg"
      >
        <InviteUserForm
          delegations={delegations.data ?? []}
          organisations={organisations.data ?? []}
          optionsPending={optionsPending}
          timeZones={timeZones}
          onInvite={inviteUser}
          onCancel={() => setInviting(false)}
        />
      </Dialog>

      <ChangeRoleDialog
        user={roleTarget}
        delegations={delegations.data ?? []}
        organisations={organisations.data ?? []}
        optionsPending={optionsPending}
        onSubmit={async (command) => {
          const updated = await changeRole.mutateAsync(command);
          setRoleTarget(null);
          setNotice({
            tone: "success",
            text: t("changeRole.done", { name: updated.name, role: tRoles(updated.role) }),
          });
          await refreshLists();
        }}
        onClose={() => setRoleTarget(null)}
      />

      <ConfirmDialog
        open={deactivateTarget !== null}
        title={deactivateTarget ? t("deactivate.title", { name: deactivateTarget.name }) : ""}
        confirmLabel={t("deactivate.confirm")}
        busyLabel={t("deactivate.busy")}
        tone="danger"
        busy={deactivate.isPending}
        error={
          deactivate.isError
            ? t("deactivate.failed", { message: toApiProblem(deactivate.error).message })
            : null
        }
        onConfirm={() => deactivateTarget && deactivate.mutate({ userId: deactivateTarget.id })}
        onCancel={() => {
          if (!deactivate.isPending) setDeactivateTarget(null);
        }}
      >
        {deactivateTarget ? (
          <div className="flex flex-col gap-2">
            <p>{t("deactivate.body", { name: deactivateTarget.name, email: deactivateTarget.email })}</p>
            <p>{t("deactivate.sessions")}</p>
            <p className="text-sm text-slate-600">{t("deactivate.undo")}</p>
          </div>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
