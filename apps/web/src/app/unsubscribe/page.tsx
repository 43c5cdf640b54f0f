import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UnsubscribeConfirm } from "@/features/notifications/unsubscribe-confirm";
import { PageHeader } from "@/features/shell/page-header";
import { linkClass } from "@/features/ui/styles";
import { serverApi } from "@/trpc/server";

// Reached from the link in a notification mail (through /api/unsubscribe), signed in or not: the
// token in the address says whose mail and what it turns off. Looking changes nothing.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.unsubscribe");
  return { title: t("metaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

interface Props {
  searchParams: Promise<{ token?: string | string[] }>;
}

async function preview(token: string) {
  try {
    const api = await serverApi();
    return { scope: await api.notifications.unsubscribePreview.query({ token }) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export default async function UnsubscribePage({ searchParams }: Props) {
  const t = await getTranslations("notifications.unsubscribe");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw.trim() : "";
  const found = token ? await preview(token) : { problem: t("missing") };

  return (
    <div className="flex flex-col gap-6">
      <PageHeader heading={t("heading")} lead={t("lead")} />
      {"scope" in found && found.scope ? (
        <UnsubscribeConfirm token={token} scope={found.scope} />
      ) : (
        <div role="alert" className="max-w-2xl rounded-lg border border-red-300 bg-red-50 p-5 text-red-950">
          <h2 className="text-lg font-semibold">{t("problemTitle")}</h2>
          <p className="mt-2">{found.problem}</p>
          <p className="mt-3">
            <Link href="/profile#notifications" className={linkClass}>
              {t("preferences")}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
