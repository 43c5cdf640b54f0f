import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { readOutbox } from "@/features/dev-outbox/outbox";
import { headingClass, linkClass } from "@/features/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkEmail");
  return { title: t("metaTitle") };
}

/** The same neutral answer for every address: it never tells whether an account exists. */
export default async function CheckEmailPage() {
  const [t, outbox] = await Promise.all([getTranslations("checkEmail"), readOutbox(1)]);
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-6 py-4">
      <div>
        <h1 className={headingClass}>{t("heading")}</h1>
        <p className="mt-3 text-lg text-slate-800" role="status">
          {t("body")}
        </p>
        <p className="mt-3 text-slate-700">{t("expiry")}</p>
      </div>
      <p className="text-slate-700">
        {t("notArrived")}{" "}
        <Link href="/sign-in" className={linkClass}>
          {t("tryAgain")}
        </Link>
      </p>
      {outbox.status === "on" ? (
        <aside
          aria-labelledby="dev-outbox-note"
          className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950"
        >
          <h2 id="dev-outbox-note" className="font-semibold">
            {t("devTitle")}
          </h2>
          <p className="mt-1">
            {t("devBody")}{" "}
            <Link href="/dev/outbox" className={linkClass}>
              {t("devLink")}
            </Link>
          </p>
        </aside>
      ) : null}
    </div>
  );
}
