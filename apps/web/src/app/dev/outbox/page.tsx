import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { MailText } from "@/features/dev-outbox/mail-text";
import { readOutbox } from "@/features/dev-outbox/outbox";
import { headingClass, linkClass } from "@/features/ui/styles";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("devOutbox");
  return { title: t("metaTitle"), robots: { index: false } };
}

const SHOWN = 20;

/** The development outbox: mails the API would have sent (no SMTP configured, not production). */
export default async function DevOutboxPage() {
  const [t, format, outbox] = await Promise.all([
    getTranslations("devOutbox"),
    getFormatter(),
    readOutbox(SHOWN),
  ]);
  if (outbox.status === "off") notFound();

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <div>
        <h1 className={headingClass}>{t("heading")}</h1>
        <p className="mt-2 text-slate-700">{t("lead", { count: SHOWN })}</p>
        <p className="mt-2">
          <Link href="/dev/outbox" className={linkClass}>
            {t("refresh")}
          </Link>
        </p>
      </div>
      {outbox.status === "error" ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-5 text-red-950">
          <h2 className="text-lg font-semibold">{t("error")}</h2>
          <p className="mt-2 text-sm">{t("details", { message: outbox.message })}</p>
        </div>
      ) : outbox.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-slate-50 px-6 py-12 text-center">
          <h2 className="text-lg font-semibold text-slate-900">{t("empty.title")}</h2>
          <p className="mt-2 text-slate-700">{t("empty.body")}</p>
        </div>
      ) : (
        <ol className="flex flex-col gap-4" aria-label={t("listLabel")}>
          {outbox.items.map((mail) => {
            const sent = new Date(mail.createdAt);
            return (
              <li key={mail.id}>
                <article
                  aria-labelledby={`mail-${mail.id}`}
                  data-to={mail.to}
                  className="rounded-lg border border-slate-300 bg-white p-5 shadow-sm"
                >
                  <h2 id={`mail-${mail.id}`} className="text-lg font-semibold text-slate-900">
                    {mail.subject}
                  </h2>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                    <dt className="font-semibold text-slate-700">{t("to")}</dt>
                    <dd className="break-all text-slate-900">{mail.to}</dd>
                    <dt className="font-semibold text-slate-700">{t("sent")}</dt>
                    <dd className="text-slate-900">
                      <time dateTime={mail.createdAt}>{format.dateTime(sent, "dateTime")}</time>
                    </dd>
                  </dl>
                  <div className="mt-4 border-t border-slate-200 pt-4">
                    <MailText text={mail.text} />
                  </div>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
