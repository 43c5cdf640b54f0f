import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "../i18n/language-switch";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const t = await getTranslations("shell");
  return (
    <header className="border-b-4 border-amber-400 bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-3 px-4 py-3 sm:px-6">
        <Link
          href="/projects"
          className="flex items-center gap-3 rounded focus-visible:outline-3 focus-visible:outline-offset-4 focus-visible:outline-amber-300"
        >
          <LodestoneMark />
          <span className="flex flex-col leading-tight">
            <span className="text-lg font-semibold tracking-wide">{t("productName")}</span>
            <span className="text-xs text-slate-300">{t("tagline")}</span>
          </span>
        </Link>
        <nav aria-label={t("primaryNavigation")} className="flex-1">
          <ul className="flex flex-wrap gap-1">
            <li>
              <NavLink href="/projects">{t("nav.projects")}</NavLink>
            </li>
          </ul>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}

function LodestoneMark() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 32 32" className="h-8 w-8 shrink-0">
      <rect width="32" height="32" rx="6" className="fill-amber-400" />
      <path d="M16 5 26 16 16 27 6 16Z" className="fill-slate-900" />
      <path d="M16 10 21 16 16 22 11 16Z" className="fill-amber-400" />
    </svg>
  );
}
