import { getTranslations } from "next-intl/server";

/** The first thing a keyboard user reaches: jumps past the header to the page's content. */
export async function SkipLink({ target = "main" }: { target?: string }) {
  const t = await getTranslations("shell");
  return (
    <a
      href={`#${target}`}
      className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-slate-900 underline focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:px-4 focus:py-2 focus:shadow-lg focus:outline-3 focus:outline-offset-2 focus:outline-blue-700"
    >
      {t("skipToContent")}
    </a>
  );
}
