import { getTranslations } from "next-intl/server";

export default async function ProjectLoading() {
  const t = await getTranslations("project");
  return (
    <div role="status" aria-busy="true" aria-live="polite" className="flex items-center gap-3 text-slate-700">
      <span
        aria-hidden="true"
        className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-blue-800"
      />
      {t("loading")}
    </div>
  );
}
