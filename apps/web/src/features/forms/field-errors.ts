import type { useTranslations } from "next-intl";

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

type MessageKey = Parameters<Translator>[0];

/**
 * The translated message for an error on `field`, chosen by the field and the kind of error,
 * never by the schema's English text, so a Japanese form speaks Japanese.
 */
export function fieldErrorKey(field: string, type: ErrorType | undefined): MessageKey {
  switch (field) {
    case "name":
      return type === "too_big" ? "tooLong120" : "nameRequired";
    case "email":
      if (type === "taken") return "emailTaken";
      return type === "too_big" ? "tooLong254" : "emailInvalid";
    case "role":
      return "roleRequired";
    case "delegation":
      return "delegationRequired";
    case "organisationId":
      return "organisationRequired";
    case "locale":
      return "localeRequired";
    case "timeZone":
      return "timeZoneInvalid";
    case "code":
      return type === "taken" ? "codeTaken" : "codeFormat";
    case "nameEn":
      return type === "too_big" ? "tooLong120" : "nameEnRequired";
    case "nameJa":
      return type === "too_big" ? "tooLong120" : "nameJaRequired";
    case "kind":
      return "kindRequired";
    case "titleEn":
    case "titleJa":
      return "tooLong200";
    case "summaryEn":
    case "summaryJa":
      return "tooLong2000";
    case "bodyEn":
    case "bodyJa":
      return "tooLong50000";
    case "commodity":
      return "commodityRequired";
    case "stage":
      return "stageRequired";
    case "country":
      return "countryFormat";
    case "region":
      return "tooLong200";
    case "latitude":
      return "latitudeRange";
    case "longitude":
      return "longitudeRange";
    case "capacityTpy":
      return "capacityInvalid";
    case "capexUsd":
      return "capexInvalid";
    case "sponsors":
      return "sponsorsInvalid";
    default:
      return "invalid";
  }
}

/** The message to show for a react-hook-form error on `field`, or null when there is none. */
export function fieldErrorMessage(
  t: Translator,
  field: string,
  error: { type?: string } | undefined,
): string | null {
  if (!error) return null;
  return t(fieldErrorKey(field, error.type));
}
