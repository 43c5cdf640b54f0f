/** The texts of a project that search looks through, in both languages. */
export interface SearchableProject {
  titleEn: string;
  titleJa: string;
  summaryEn: string;
  summaryJa: string;
  bodyEn: string;
  bodyJa: string;
}

/**
 * `Project.searchText`: the reference (LD-0007), then titles, summaries and bodies in both
 * languages, joined by newlines and lower-cased, so a lower-cased query finds a reference or
 * English words case-insensitively and Japanese words anywhere inside a sentence (the column has
 * a trigram index).
 */
export function projectSearchText(reference: string, p: SearchableProject): string {
  return [reference, p.titleEn, p.titleJa, p.summaryEn, p.summaryJa, p.bodyEn, p.bodyJa]
    .join("\n")
    .toLowerCase();
}
