import {
  DATE_CHANGE_REASONS,
  GATE_KINDS,
  GATE_STATES,
  PAUSE_REASONS,
  PERMIT_INSTRUMENTS,
  PERMIT_OUTCOMES,
  PROJECT_STATUSES,
  type GateKind,
  type GateState,
  type Locale,
  type ProjectStatus,
} from "@lodestone/domain/vocabulary";
import type { ProjectDetail, RevisionSummary } from "@lodestone/domain/proposal";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CommentStatsView, type CommentStats } from "@/features/deliberation/comment-stats";
import { CALENDAR_DATE, calendarDay } from "@/features/delivery/dates";
import { CurrentGateLine } from "@/features/gates/current-gate-line";
import type { CurrentGate } from "@/features/gates/types";
import { linkClass } from "@/features/ui/styles";
import { LanguageColumns } from "./language-columns";
import { Markdown } from "./markdown";
import { ProjectSectionsNav } from "./project-sections-nav";
import { ProjectTitle } from "./project-title";
import { RevisionHistory } from "./revision-history";
import { StatusBadge } from "./status-badge";

export interface TimelineItem {
  id: string;
  type: string;
  data?: unknown;
  actor: { id: string; name: string } | null;
  createdAt: string;
}

const TIMELINE_TYPES = [
  "created",
  "project_created",
  "status_changed",
  "round_opened",
  "round_closed",
  "decision_recorded",
  "milestone_created",
  "milestone_replanned",
  "milestone_reported",
  "gate_sequence_set",
  "gate_changed",
  "gate_signed_off",
  "permit_changed",
  "permit_date_changed",
  "permit_paused",
] as const;
type TimelineType = (typeof TIMELINE_TYPES)[number];
const isTimelineType = (type: string): type is TimelineType =>
  (TIMELINE_TYPES as readonly string[]).includes(type);

interface ProjectViewProps {
  project: ProjectDetail;
  revisions: RevisionSummary[];
  timeline: TimelineItem[];
  /** The discussion's size and stance breakdown (absent when it could not be loaded). */
  commentStats?: CommentStats | null;
  /** Following or muting the project (rendered in the browser). */
  follow?: ReactNode;
  /** The stage gate the project is at and its days in it (approved projects with gates). */
  gate?: CurrentGate | null;
}

/**
 * One project: both languages side by side, its details, revisions and status timeline. Renders on
 * the server (the page is a server component): the markdown parser, the details and the timeline
 * send HTML, not scripts; only the language choice, the revision diff and the section links run in
 * the browser.
 */
export function ProjectView({ project, revisions, timeline, commentStats, follow, gate }: ProjectViewProps) {
  const t = useTranslations("project");
  const tLanguage = useTranslations("languageNames");
  const f = project.fields;

  return (
    <div className="flex flex-col gap-8">
      <div>
        <ProjectTitle project={{ reference: project.reference, ...project.fields }} />
        <div className="mt-3 flex flex-wrap items-center gap-3 text-slate-700">
          <StatusBadge status={project.status} />
          <span>{t("organisation", { name: project.organisation.name })}</span>
          {project.canManage ? (
            <Link href={`/projects/${project.id}/edit`} className={linkClass}>
              {t("edit")}
            </Link>
          ) : null}
        </div>
        {gate ? (
          <p className="mt-3 text-sm">
            <CurrentGateLine gate={gate} href={`/projects/${project.id}/gates`} />
          </p>
        ) : null}
        {commentStats ? (
          <div className="mt-3">
            <CommentStatsView stats={commentStats} />
          </div>
        ) : null}
        {follow ? <div className="mt-4 max-w-2xl">{follow}</div> : null}
      </div>

      <ProjectSectionsNav projectId={project.id} />

      <LanguageColumns
        columns={{
          en: <LanguageColumn project={project} lang="en" />,
          ja: <LanguageColumn project={project} lang="ja" />,
        }}
      />
      <p className="sr-only">{t("bindingHint", { language: tLanguage(f.bindingLanguage) })}</p>

      <Details project={project} />
      <RevisionHistory projectId={project.id} revisions={revisions} />
      <Timeline items={timeline} projectId={project.id} />
    </div>
  );
}

function LanguageColumn({ project, lang }: { project: ProjectDetail; lang: Locale }) {
  const t = useTranslations("project");
  const tLanguage = useTranslations("languageNames");
  const tEnums = useTranslations("enums.translationStatus");
  const f = project.fields;
  const title = lang === "en" ? f.titleEn : f.titleJa;
  const summary = lang === "en" ? f.summaryEn : f.summaryJa;
  const body = lang === "en" ? f.bodyEn : f.bodyJa;
  const status = lang === "en" ? f.translationEn : f.translationJa;
  const binding = f.bindingLanguage === lang;
  const missing = status === "MISSING" || (!title.trim() && !summary.trim() && !body.trim());
  const headingId = `language-${lang}`;

  return (
    <section
      aria-labelledby={headingId}
      data-language={lang}
      className={`flex min-w-0 flex-col gap-4 rounded-lg border bg-white p-5 shadow-sm ${binding ? "border-blue-800 border-2" : "border-slate-300"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {tLanguage(lang)}
        </h2>
        {binding ? (
          <span className="rounded-full bg-blue-800 px-2.5 py-0.5 text-xs font-semibold text-white">
            {t("binding")}
          </span>
        ) : null}
        <span
          data-translation={status}
          className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-semibold text-slate-800 ring-1 ring-inset ring-slate-300"
        >
          {t("translation", { status: tEnums(status) })}
        </span>
      </div>
      {missing ? (
        <p className="text-slate-700">{t("missing", { language: tLanguage(lang) })}</p>
      ) : (
        <div lang={lang} className="flex flex-col gap-4">
          <p className="text-xl font-semibold text-slate-900">{title}</p>
          <div>
            <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t("summary")}</h3>
            <p className="mt-1 text-slate-900">{summary}</p>
          </div>
          <div>
            <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t("body")}</h3>
            <div className="mt-1">
              <Markdown>{body}</Markdown>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function Details({ project }: { project: ProjectDetail }) {
  const t = useTranslations("project.details");
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  const locale = useLocale();
  const f = project.fields;
  const regionName = (code: string) => {
    try {
      return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const rows: [string, React.ReactNode][] = [
    [t("commodity"), tEnums(`commodity.${f.commodity}`)],
    [t("stage"), tEnums(`stage.${f.stage}`)],
    [t("country"), `${regionName(f.site.country)} (${f.site.country})`],
    [t("region"), f.site.region || t("none")],
    [
      t("coordinates"),
      f.site.latitude !== null && f.site.longitude !== null
        ? `${format.number(f.site.latitude, { maximumFractionDigits: 6 })}, ${format.number(f.site.longitude, { maximumFractionDigits: 6 })}`
        : t("none"),
    ],
    [t("capacity"), t("capacityValue", { value: format.number(f.capacityTpy, "tonnes") })],
    [t("capex"), <data value={f.capexUsd}>{format.number(f.capexUsd, "usd")}</data>],
    [
      t("sponsors"),
      f.sponsors.length ? f.sponsors.map((code) => `${regionName(code)} (${code})`).join(", ") : t("none"),
    ],
    [
      t("submitted"),
      project.submittedAt ? (
        <time dateTime={project.submittedAt}>
          {format.dateTime(new Date(project.submittedAt), "dateTime")}
        </time>
      ) : (
        t("notSubmitted")
      ),
    ],
  ];
  return (
    <section
      aria-labelledby="project-details"
      className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
    >
      <h2 id="project-details" className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-sm font-semibold text-slate-700">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Timeline({ items, projectId }: { items: TimelineItem[]; projectId: string }) {
  const t = useTranslations("project.timeline");
  const tDecision = useTranslations("decision");
  const tStatus = useTranslations("enums.projectStatus");
  const tGateKind = useTranslations("enums.gateKind");
  const tGateState = useTranslations("enums.gateState");
  const tInstrument = useTranslations("enums.permitInstrument");
  const tOutcome = useTranslations("enums.permitOutcome");
  const tChangeReason = useTranslations("enums.dateChangeReason");
  const tPauseReason = useTranslations("enums.pauseReason");
  const format = useFormatter();
  const day = (d: string) => format.dateTime(calendarDay(d), CALENDAR_DATE);
  /** What a permitting entry changed: a date moved (and why), a pause, an authorization's instrument or outcome. */
  const permitDetail = (type: TimelineType, data: Record<string, unknown>): string | null => {
    const { from, to } = data;
    if (type === "permit_date_changed" && isDate(from) && isDate(to)) {
      const dates = t("permitDates", { from: day(from), to: day(to) });
      const reason = data.reasonCode;
      const why = isOneOf(DATE_CHANGE_REASONS, reason) ? tChangeReason(reason) : null;
      const detail = why ? t("permitReason", { change: dates, reason: why }) : dates;
      return data.state === "PENDING" ? t("permitPending", { change: detail }) : detail;
    }
    const pauseReason = data.pauseReason;
    if (type === "permit_paused" && isOneOf(PAUSE_REASONS, pauseReason)) {
      const reason = tPauseReason(pauseReason);
      return typeof data.moved === "number" ? t("permitResumed", { reason, moved: data.moved }) : reason;
    }
    if (type === "permit_changed") {
      const { outcome, actualDate, instrument } = data;
      if (isOneOf(PERMIT_OUTCOMES, outcome)) return tOutcome(outcome);
      if (isDate(actualDate)) return t("permitCompleted", { date: day(actualDate) });
      if (isOneOf(PERMIT_INSTRUMENTS, instrument)) return tInstrument(instrument);
    }
    return null;
  };
  return (
    <section aria-labelledby="project-timeline">
      <h2 id="project-timeline" className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-3 border-l-2 border-slate-300 pl-4">
          {items.map((item) => {
            const known = isTimelineType(item.type) ? item.type : null;
            const data = (item.data ?? {}) as {
              from?: unknown;
              to?: unknown;
              decisionId?: unknown;
              gateKind?: unknown;
              gateState?: unknown;
            };
            const permit = known?.startsWith("permit_")
              ? permitDetail(known, (item.data ?? {}) as Record<string, unknown>)
              : null;
            const statuses = permit
              ? permit
              : isStatus(data.from) && isStatus(data.to)
                ? t("statusChange", { from: tStatus(data.from), to: tStatus(data.to) })
                : isGateKind(data.gateKind) && isGateState(data.gateState)
                  ? t("gateChange", { kind: tGateKind(data.gateKind), state: tGateState(data.gateState) })
                  : null;
            return (
              <li key={item.id} data-event={item.type}>
                <p className="font-semibold text-slate-900">
                  {known ? t(`types.${known}`) : t("types.other")}
                  {statuses ? <span className="font-normal text-slate-800">: {statuses}</span> : null}
                </p>
                {item.type === "decision_recorded" && typeof data.decisionId === "string" ? (
                  <p className="text-sm">
                    <Link href={`/projects/${projectId}/decisions/${data.decisionId}`} className={linkClass}>
                      {tDecision("heading")}
                    </Link>
                  </p>
                ) : null}
                {known?.startsWith("permit_") ? (
                  <p className="text-sm">
                    <Link href={`/projects/${projectId}/permitting`} className={linkClass}>
                      {t("permitLink")}
                    </Link>
                  </p>
                ) : null}
                <p className="text-sm text-slate-700">
                  <time dateTime={item.createdAt}>
                    {format.dateTime(new Date(item.createdAt), "dateTime")}
                  </time>{" "}
                  · {item.actor ? t("by", { name: item.actor.name }) : t("system")}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function isGateKind(value: unknown): value is GateKind {
  return typeof value === "string" && (GATE_KINDS as readonly string[]).includes(value);
}

function isGateState(value: unknown): value is GateState {
  return typeof value === "string" && (GATE_STATES as readonly string[]).includes(value);
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

function isDate(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function isStatus(value: unknown): value is ProjectStatus {
  return typeof value === "string" && (PROJECT_STATUSES as readonly string[]).includes(value);
}
