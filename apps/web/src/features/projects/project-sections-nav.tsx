"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * The sections of one project, as links (each section is its own page, so a link to a section can
 * be shared). Add a section here with its path below `/projects/[id]` and a `project.sections`
 * message in both languages.
 */
const SECTIONS = [
  { key: "overview", path: "" },
  { key: "discussion", path: "/discussion" },
  { key: "review", path: "/review" },
  { key: "delivery", path: "/delivery" },
  { key: "gates", path: "/gates" },
  { key: "funding", path: "/funding" },
  { key: "permitting", path: "/permitting" },
  { key: "documents", path: "/documents" },
] as const;

export function ProjectSectionsNav({ projectId }: { projectId: string }) {
  const t = useTranslations("project.sections");
  const pathname = usePathname();
  const base = `/projects/${projectId}`;
  return (
    <nav aria-label={t("label")} className="border-b border-slate-300">
      <ul className="-mb-px flex flex-wrap gap-1">
        {SECTIONS.map((section) => {
          const href = `${base}${section.path}`;
          // A document's own page is within the data room.
          const within = section.path !== "" && (pathname ?? "").startsWith(`${href}/`);
          const current = pathname === href || within;
          return (
            <li key={section.key}>
              <Link
                href={href}
                aria-current={within ? "true" : current ? "page" : undefined}
                className={
                  "inline-flex items-center border-b-4 px-4 py-2 text-sm font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 " +
                  (current
                    ? "border-blue-800 text-slate-900"
                    : "border-transparent text-blue-800 underline underline-offset-4 hover:text-blue-950")
                }
              >
                {t(section.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
