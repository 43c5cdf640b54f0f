import { getTranslations } from "next-intl/server";

/**
 * While a project's section loads (the `loading.tsx` of each section under /projects/[id]/). It
 * takes a screen's height, as the page that replaces it does: the footer stays below the fold
 * instead of jumping down when the page arrives (a layout shift).
 *
 * The overview (/projects/[id]) has none on purpose: on a full page load, React sends a large
 * page that sits behind a loading boundary after the fallback and shows it at least 300 ms after
 * the first paint, which made the overview's largest paint wait for every script of the page.
 */
export async function ProjectLoading() {
  const t = await getTranslations("project");
  return (
    <div className="min-h-screen">
      <div
        role="status"
        aria-busy="true"
        aria-live="polite"
        className="flex items-center gap-3 text-slate-700"
      >
        <span
          aria-hidden="true"
          className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-blue-800"
        />
        {t("loading")}
      </div>
    </div>
  );
}
