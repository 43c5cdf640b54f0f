import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { headingClass, linkClass } from "@/features/ui/styles";

/** 403: signed in, but this page is not for their role. */
export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <div className="max-w-2xl">
      <h1 className={headingClass}>{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <p className="mt-6">
        <Link href="/projects" className={linkClass}>
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
