// How what a form holds (text) becomes what the domain's schema reads: wrapped around the
// domain's own field schemas with z.preprocess, so every limit and message stays the domain's.

const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);

/** A number typed as text; empty text is no value (then the domain's schema says it is missing). */
export function numberFromText(value: unknown): unknown {
  const text = trimmed(value);
  if (text === "") return undefined;
  return typeof text === "string" ? Number(text) : text;
}

/** A number typed as text, where empty text means none (null). */
export function numberOrNullFromText(value: unknown): unknown {
  const text = trimmed(value);
  return text === "" ? null : numberFromText(text);
}

/** Text where empty means none (null). */
export function textOrNull(value: unknown): unknown {
  const text = trimmed(value);
  return text === "" ? null : text;
}

/** A choice where the empty option means none chosen yet (left out). */
export function choiceOrMissing(value: unknown): unknown {
  return value === "" ? undefined : value;
}
