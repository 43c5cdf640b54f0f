import type { Locale } from "@lodestone/domain/enums";
import type en from "../messages/en.json";
import type { formats } from "./features/i18n/formats";

// Type-checked message keys and named formats for next-intl.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
    Formats: typeof formats;
  }
}
