import { may } from "@lodestone/domain/access";
import type { SessionUser } from "@lodestone/auth/session";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "../i18n/language-switch";
import { LiveIndicator } from "../live/live-indicator";
import { InboxCountFeed, InboxLink } from "../notifications/inbox-link";
import { AccountActions } from "./account-actions";
import { HeaderMenu } from "./header-menu";
import { NavLink } from "./nav-link";

export async function SiteHeader({ user }: { user: SessionUser | null }) {
  const t = await getTranslations("shell");
  const tRoles = await getTranslations("enums.role");
  const brand = (
    <Link
      href={user ? "/projects" : "/sign-in"}
      className="flex items-center gap-3 rounded focus-visible:outline-3 focus-visible:outline-offset-4 focus-visible:outline-amber-300"
    >
      <LodestoneMark />
      <span className="flex flex-col leading-tight">
        <span className="text-lg font-semibold tracking-wide">{t("productName")}</span>
        <span className="text-xs text-slate-300">{t("tagline")}</span>
      </span>
    </Link>
  );
  if (!user) {
    return (
      <header className="border-b-4 border-amber-400 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-8 gap-y-3 px-4 py-3 sm:px-6">
          {brand}
          <LanguageSwitch />
        </div>
      </header>
    );
  }
  // Below the md breakpoint everything but the brand folds into the menu (HeaderMenu), where the
  // links stack; from md up the header is the account bar over the brand, navigation and language.
  return (
    <header className="border-b-4 border-amber-400 bg-slate-900 text-white">
      <HeaderMenu brand={brand}>
        <div className="border-b border-slate-700 bg-slate-950">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-end gap-x-4 gap-y-2 px-4 py-1.5 text-sm sm:px-6">
            <p className="mr-auto text-slate-200" data-testid="signed-in-as">
              {t.rich("account.signedInAs", {
                name: () => <strong className="font-semibold text-white">{user.name}</strong>,
                role: () => (
                  <span className="text-slate-200">
                    {tRoles(user.role)}
                    {user.delegation ? ` · ${user.delegation}` : ""}
                  </span>
                ),
              })}
            </p>
            <nav aria-label={t("account.label")}>
              <ul className="flex flex-wrap items-center gap-x-1 gap-y-1">
                <li>
                  <InboxLink />
                </li>
                <li>
                  <NavLink href="/profile" size="small">
                    {t("account.profile")}
                  </NavLink>
                </li>
                <AccountActions />
              </ul>
            </nav>
          </div>
        </div>
        <div className="mx-auto flex max-w-7xl flex-col gap-x-8 gap-y-3 px-4 py-3 sm:px-6 md:flex-row md:flex-wrap md:items-center">
          <div className="hidden md:flex">{brand}</div>
          <nav aria-label={t("primaryNavigation")} className="md:flex-1">
            <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
              <li>
                <NavLink href="/projects">{t("nav.projects")}</NavLink>
              </li>
              {may(user.role, "delivery.report") ? (
                <li>
                  <NavLink href="/milestones">{t("nav.milestones")}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink href="/dashboard">{t("nav.dashboard")}</NavLink>
              </li>
              <li>
                <NavLink href="/funding">{t("nav.funding")}</NavLink>
              </li>
              <li>
                <NavLink href="/permitting">{t("nav.permitting")}</NavLink>
              </li>
              {may(user.role, "users.manage") ? (
                <li>
                  <NavLink href="/admin/users">{t("nav.users")}</NavLink>
                </li>
              ) : null}
              {may(user.role, "delegations.manage") ? (
                <li>
                  <NavLink href="/admin/delegations">{t("nav.delegations")}</NavLink>
                </li>
              ) : null}
              {may(user.role, "users.manage") ? (
                <li>
                  <NavLink href="/admin/mail">{t("nav.mail")}</NavLink>
                </li>
              ) : null}
              {may(user.role, "documents.scanStatus") ? (
                <li>
                  <NavLink href="/admin/scanning">{t("nav.scanning")}</NavLink>
                </li>
              ) : null}
              {may(user.role, "audit.read") ? (
                <li>
                  <NavLink href="/audit">{t("nav.audit")}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </HeaderMenu>
      {/* Outside the menu, so that a narrow screen shows and announces it with the menu closed. */}
      <LiveIndicator />
      {/* The unread count, live, for the inbox link (one feed however many links show it). */}
      <InboxCountFeed />
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
