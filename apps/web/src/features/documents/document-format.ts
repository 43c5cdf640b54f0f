import { ALLOWED_TYPES, type Classification } from "@lodestone/domain/documents";
import { useFormatter } from "next-intl";

const UNITS = [
  { unit: "byte", size: 1 },
  { unit: "kilobyte", size: 1024 },
  { unit: "megabyte", size: 1024 ** 2 },
  { unit: "gigabyte", size: 1024 ** 3 },
] as const;

/** A size in bytes in the largest unit that keeps it at least 1 (binary multiples, as file managers show them). */
export function sizeIn(bytes: number): { value: number; unit: (typeof UNITS)[number]["unit"] } {
  let chosen: (typeof UNITS)[number] = UNITS[0];
  for (const u of UNITS) if (bytes >= u.size) chosen = u;
  return { value: bytes / chosen.size, unit: chosen.unit };
}

/** Formats a size in bytes for the reader ("1.2 MB", "1.2 MB" in Japanese too). */
export function useFileSize(): (bytes: number) => string {
  const format = useFormatter();
  return (bytes) => {
    const { value, unit } = sizeIn(bytes);
    return format.number(value, {
      style: "unit",
      unit,
      // "771 B", not "771 byte"; "1.5 MB".
      unitDisplay: unit === "byte" ? "narrow" : "short",
      maximumFractionDigits: unit === "byte" ? 0 : 1,
    });
  };
}

/** A content type as people know it: the extension it is saved with (PDF, DOCX), else the type itself. */
export function typeLabel(mimeType: string): string {
  const extension = ALLOWED_TYPES[mimeType];
  return extension ? extension.toUpperCase() : mimeType;
}

/** The first characters of a SHA-256 (the full value goes in a title and a copy button). */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** How widely each level reaches: a lower rank reaches more people. */
const REACH: Record<Classification, number> = {
  PROJECT: 0,
  GOVERNMENTS: 1,
  NAMED_DELEGATIONS: 2,
  ORGANISATION: 3,
};

/**
 * Whether changing a document's classification lets someone see it who could not before: a
 * level that reaches more people, or further delegations named.
 */
export function isLoosening(
  from: { classification: Classification; delegations: readonly string[] },
  to: { classification: Classification; delegations: readonly string[] },
): boolean {
  if (REACH[to.classification] !== REACH[from.classification]) {
    return REACH[to.classification] < REACH[from.classification];
  }
  if (to.classification !== "NAMED_DELEGATIONS") return false;
  return to.delegations.some((code) => !from.delegations.includes(code));
}

/** Delegations' names in the reader's language, by code (a code the list lacks is shown as it is). */
export function delegationNames(
  codes: readonly string[],
  delegations: readonly { code: string; nameEn: string; nameJa: string }[],
  locale: string,
): string[] {
  return codes.map((code) => {
    const found = delegations.find((d) => d.code === code);
    if (!found) return code;
    return (locale === "ja" ? found.nameJa : found.nameEn) || found.nameEn || code;
  });
}

/** A text in the reader's language, or in the other when it has none there, with the language it is in. */
export function inLocale(locale: string, en: string, ja: string): { text: string; lang: "en" | "ja" } {
  if (locale === "ja") return ja.trim() ? { text: ja, lang: "ja" } : { text: en, lang: "en" };
  return en.trim() ? { text: en, lang: "en" } : { text: ja, lang: "ja" };
}
