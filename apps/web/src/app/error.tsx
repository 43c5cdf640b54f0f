"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <div role="alert" className="max-w-2xl">
      <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <button
        type="button"
        onClick={() => retry()}
        className="mt-6 rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900"
      >
        {t("retry")}
      </button>
    </div>
  );
}
