import {
  INBOX_VIEWS,
  NOTIFICATION_REASONS,
  type InboxView,
  type NotificationReason,
} from "@lodestone/domain/notifications";

export type ReasonMode = "only" | "except";

/** What the inbox shows: a view, and optionally one reason to show alone or to leave out. */
export interface InboxFilters {
  view: InboxView;
  reason: NotificationReason | null;
  mode: ReasonMode;
  unreadOnly: boolean;
}

type ParamsLike = { get(name: string): string | null };

const isView = (v: string | null): v is InboxView => (INBOX_VIEWS as readonly (string | null)[]).includes(v);
const isReason = (v: string | null): v is NotificationReason =>
  (NOTIFICATION_REASONS as readonly (string | null)[]).includes(v);

/** The inbox's filters as the address has them (?view=…&reason=…&mode=except&unread=1). */
export function filtersFromParams(params: ParamsLike): InboxFilters {
  const view = params.get("view");
  const reason = params.get("reason");
  return {
    view: isView(view) ? view : "inbox",
    reason: isReason(reason) ? reason : null,
    mode: params.get("mode") === "except" ? "except" : "only",
    unreadOnly: params.get("unread") === "1",
  };
}

/** The query string for `filters` (defaults left out), without the leading "?". */
export function filtersToQuery(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.view !== "inbox") params.set("view", filters.view);
  if (filters.reason) {
    params.set("reason", filters.reason);
    if (filters.mode === "except") params.set("mode", "except");
  }
  if (filters.unreadOnly) params.set("unread", "1");
  return params.toString();
}

/** The `notifications.list` input for `filters` (without the page's cursor). */
export function listInput(filters: InboxFilters, limit: number) {
  return {
    view: filters.view,
    limit,
    ...(filters.reason
      ? filters.mode === "except"
        ? { exceptReasons: [filters.reason] }
        : { reasons: [filters.reason] }
      : {}),
    ...(filters.unreadOnly ? { unreadOnly: true } : {}),
  };
}

/** Whether anything narrows the view (its empty state says so). */
export function isFiltered(filters: InboxFilters): boolean {
  return filters.reason !== null || filters.unreadOnly;
}
