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
    usdCompact: { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 },
    usd: { style: "currency", currency: "USD", maximumFractionDigits: 0 },
  },
} satisfies Formats;
