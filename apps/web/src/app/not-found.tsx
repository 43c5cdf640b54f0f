import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <p className="mt-6">
        <Link
          href="/projects"
          className="font-medium text-blue-800 underline underline-offset-4 hover:text-blue-950"
        >
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
