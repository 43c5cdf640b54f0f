import type { Formats } from "next-intl";

/** Shared named formats, so every screen shows dates and money the same way. */
export const formats = {
  dateTime: {
    dateTime: { dateStyle: "medium", timeStyle: "short" },
    date: { dateStyle: "medium" },
    time: { timeStyle: "short" },
  },
  number: {
    tonnes: { maximumFractionDigits: 0 },
    // minimumFractionDigits stated: left to the currency's default, Node's ICU writes "$520.0M"
    // where browsers write "$520M", and a table rendered on the server would not match the browser's.
    usdCompact: {
      style: "currency",
      currency: "USD",
      notation: "compact",
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    },
    usd: { style: "currency", currency: "USD", maximumFractionDigits: 0 },
  },
} satisfies Formats;
