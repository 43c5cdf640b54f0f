import { AUDIT_ENTITY_TYPES, type AuditEntityType, type ListAuditInput } from "@lodestone/domain/audit";
import { wallTimeToDate } from "@/features/i18n/zoned-time";

export interface AuditFilters {
  action: string;
  entityType: AuditEntityType | null;
  entityId: string;
  /** Calendar dates (YYYY-MM-DD) in the reader's time zone; `to` is included. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  action: "",
  entityType: null,
  entityId: "",
  from: "",
  to: "",
};

type ParamsLike = { get(name: string): string | null };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters as they stand in the address; malformed values are dropped. */
export function auditFiltersFromParams(params: ParamsLike): AuditFilters {
  const entityType = params.get("entityType");
  const action = (params.get("action") ?? "").trim().toLowerCase();
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return {
    action: /^[a-z_.]{0,80}$/.test(action) ? action : "",
    entityType: (AUDIT_ENTITY_TYPES as readonly string[]).includes(entityType ?? "")
      ? (entityType as AuditEntityType)
      : null,
    entityId: (params.get("entityId") ?? "").trim().slice(0, 80),
    from: DATE.test(from) ? from : "",
    to: DATE.test(to) ? to : "",
  };
}

export function auditFiltersToQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.entityType) params.set("entityType", filters.entityType);
  if (filters.entityId) params.set("entityId", filters.entityId);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  return params.toString();
}

/** The instant a calendar day starts in `timeZone` (YYYY-MM-DD → ISO 8601). */
export function startOfDayIn(date: string, timeZone: string): string {
  const start = wallTimeToDate(`${date}T00:00`, timeZone);
  if (!start) throw new RangeError(`Not a calendar date: ${date}`);
  return start.toISOString();
}

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The `audit.list` input: dates become the instants their days start and end in `timeZone`. */
export function auditFiltersToInput(filters: AuditFilters, limit: number, timeZone: string): ListAuditInput {
  return {
    limit,
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.from ? { from: startOfDayIn(filters.from, timeZone) } : {}),
    ...(filters.to ? { to: startOfDayIn(nextDay(filters.to), timeZone) } : {}),
  };
}
