import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/env";
import { safeCallbackPath } from "@/features/auth/paths";
import { getSession } from "@/features/auth/session";
import { SignInForm } from "@/features/auth/sign-in-form";
import { headingClass } from "@/features/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), env.NEXTAUTH_URL);
  const error = first(params.error);
  if (!error && (await getSession())) redirect(callbackUrl);

  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 py-4">
      <div>
        <h1 className={headingClass}>{t("heading")}</h1>
        <p className="mt-3 text-slate-700">{t("lead")}</p>
      </div>
      <div className="rounded-xl border border-slate-300 bg-white p-6 shadow-sm">
        <SignInForm
          callbackUrl={callbackUrl}
          oidc={env.oidc ? { name: env.oidc.name } : null}
          errorCode={error}
          retryAfterSeconds={Number(first(params.retryAfter)) || null}
          signedOut={first(params.signedOut)}
        />
      </div>
      <p className="text-sm text-slate-600">{t("inviteOnly")}</p>
    </div>
  );
}
