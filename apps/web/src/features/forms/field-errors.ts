import { useTranslations } from "next-intl";
import type { z } from "zod";

type Translator = ReturnType<typeof useTranslations<"forms.errors">>;

/** The error kinds a field can show: zod's issue codes, plus the server's answers. */
export type ErrorType =
  | "too_small"
  | "too_big"
  | "invalid_format"
  | "invalid_type"
  | "invalid_value"
  | "custom"
  /** The server says the value is already used (CONFLICT). */
  | "taken"
  /** The server refused the field with a message of its own. */
  | "server"
  | (string & {});

export type FieldErrorKey = Parameters<Translator>[0];

/**
 * A field's message: one key for every kind of error, or a key for some kinds (by `ErrorType`)
 * and `other` for the rest.
 */
export type FieldKeys = FieldErrorKey | ({ other: FieldErrorKey } & { [type in ErrorType]?: FieldErrorKey });

/** What a field's message needs to know of the domain's schema for it. */
export interface FieldLimits {
  /** Text, a number, or a list; null when the schema is not one of these. */
  kind: "text" | "number" | "list" | null;
  /** The least length (text, list) or value (number) the schema accepts. */
  minimum?: number;
  /** The greatest length (text, list) or value (number) the schema accepts. */
  maximum?: number;
}

interface SchemaDef {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: unknown } } }[];
}

const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as SchemaDef;

/** The schema under wrappers (optional, nullable, default, a pipe's target). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  for (;;) {
    const def = defOf(schema);
    if (def.innerType) schema = def.innerType;
    else if (def.type === "pipe" && def.in && def.out)
      // A preprocess pipes into the schema; a transform pipes out of it.
      schema = defOf(def.out).type === "transform" ? def.in : def.out;
    else return schema;
  }
}

/** The schema of the field at `path` ("site.latitude") in an object schema, if there is one. */
export function fieldSchema(schema: z.core.$ZodType, path: string): z.core.$ZodType | null {
  let current: z.core.$ZodType | undefined = schema;
  for (const key of path.split(".")) {
    const def: SchemaDef = defOf(unwrap(current));
    current = def.type === "object" ? def.shape?.[key] : def.type === "array" ? def.element : undefined;
    if (!current) return null;
  }
  return unwrap(current);
}

/**
 * The bounds the domain's schema puts on a field (a length for text and lists, a value for
 * numbers), read from the schema itself: a message shows the limit the API enforces.
 */
export function fieldLimits(schema: z.core.$ZodType, path: string): FieldLimits {
  const found = fieldSchema(schema, path);
  if (!found) return { kind: null };
  const def = defOf(found);
  const kind =
    def.type === "string" ? "text" : def.type === "number" ? "number" : def.type === "array" ? "list" : null;
  const limits: FieldLimits = { kind };
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "min_length") limits.minimum = c.minimum;
    if (c.check === "max_length") limits.maximum = c.maximum;
    if (c.check === "greater_than" && typeof c.value === "number") limits.minimum = c.value;
    if (c.check === "less_than" && typeof c.value === "number") limits.maximum = c.value;
  }
  return limits;
}

/**
 * The message each field shows for what is wrong with it (a missing value, a wrong format, a
 * value out of range), by field name. Too long text is worded once for every field (`tooLong`).
 * A form whose field means something else under the same name passes its own.
 */
const FIELD_KEYS: Record<string, FieldKeys> = {
  name: "nameRequired",
  email: { taken: "emailTaken", other: "emailInvalid" },
  role: "roleRequired",
  delegation: "delegationRequired",
  organisationId: "organisationRequired",
  locale: "localeRequired",
  timeZone: "timeZoneInvalid",
  code: { taken: "codeTaken", other: "codeFormat" },
  nameEn: "nameEnRequired",
  nameJa: "nameJaRequired",
  kind: "kindRequired",
  commodity: "commodityRequired",
  stage: "stageRequired",
  "site.country": "countryFormat",
  "site.timeZone": "timeZoneInvalid",
  "site.latitude": "latitudeRange",
  "site.longitude": "longitudeRange",
  capacityTpy: "capacityInvalid",
  capexUsd: "capexInvalid",
  sponsors: "sponsorsInvalid",
  progress: "progressRange",
  dueDate: "dateInvalid",
  weight: "weightRange",
};

/** Message keys a form's own refinement may give as an issue's message (checked, never cast). */
const OWN_KEYS = [
  "evidenceRequired",
  "doneIs100",
  "blockedReason",
  "sameDate",
  "delegationRequired",
  "organisationRequired",
  "affiliationInvalid",
  "closesAtFuture",
  "invalid",
] as const satisfies readonly FieldErrorKey[];
export type OwnErrorKey = (typeof OWN_KEYS)[number];

/**
 * The translated message's key for an error on `field`, chosen by the field, the kind of error
 * and the schema's limits, never by the schema's English text, so a Japanese form speaks Japanese.
 */
export function fieldErrorKey(
  field: string,
  error: { type?: ErrorType; message?: string },
  limits: FieldLimits = { kind: null },
  keys: Partial<Record<string, FieldKeys>> = {},
): FieldErrorKey {
  const own = OWN_KEYS.find((key) => key === error.message);
  if (own) return own;
  if (error.type === "too_big" && limits.kind === "text" && limits.maximum !== undefined) return "tooLong";
  const named = keys[field] ?? FIELD_KEYS[field];
  if (typeof named === "object") return (error.type !== undefined && named[error.type]) || named.other;
  return named ?? "invalid";
}

/**
 * The message to show for a react-hook-form error on `field` (null when there is none), with the
 * schema's limits as the message's parameters.
 */
export function fieldErrorMessage(
  t: Translator,
  field: string,
  error: { type?: string; message?: string } | undefined,
  limits: FieldLimits = { kind: null },
  keys?: Partial<Record<string, FieldKeys>>,
): string | null {
  if (!error) return null;
  return t(fieldErrorKey(field, error, limits, keys), {
    minimum: limits.minimum ?? 0,
    maximum: limits.maximum ?? 0,
  });
}

/**
 * The messages of one form: `message(field, error)` words an error on a field of `schema` (the
 * domain's input schema, or one derived from it) in the reader's language, with its limits.
 */
export function useFieldErrors(
  schema: z.core.$ZodType,
  keys?: Partial<Record<string, FieldKeys>>,
): (field: string, error: { type?: string; message?: string } | undefined) => string | null {
  const t = useTranslations("forms.errors");
  return (field, error) => fieldErrorMessage(t, field, error, fieldLimits(schema, field), keys);
}
