import { titleIn } from "@/features/projects/project-title";

/** An English/Japanese pair in the reader's language (else the other one), with its language. */
export function nameIn(locale: string, en: string, ja: string): { text: string; lang: "en" | "ja" } {
  const { title, lang } = titleIn(locale, { titleEn: en, titleJa: ja });
  return { text: title, lang };
}
