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

/**
 * Canonical JSON: object keys sorted recursively (by UTF-16 code units, as `Array.prototype.sort`
 * does), no whitespace. `toJSON` is honoured (Dates, Prisma Decimals), `undefined` members are
 * left out like `JSON.stringify` does, and a BigInt is refused (store amounts as strings).
 * The same content always gives the same text, whatever order its keys were written in, and
 * whatever order a database (jsonb) hands them back in.
 */
export function canonicalJson(value: unknown): string {
  const text = canonical(value);
  if (text === undefined) throw new TypeError("canonicalJson: the value has no JSON form.");
  return text;
}

function canonical(value: unknown): string | undefined {
  if (typeof value === "bigint") {
    throw new TypeError("canonicalJson: BigInt has no JSON form; store it as a string.");
  }
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value) as string | undefined;
  }
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return canonical(withToJson.toJSON());
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonical(item) ?? "null").join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = canonical(record[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(",")}}`;
}
