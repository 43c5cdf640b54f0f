"use client";

import { useFormatter } from "next-intl";

/**
 * Money in the reader's locale with its currency code ("USD 40,000,000", "JPY 30,000,000,000"):
 * whole units, as the ledger keeps them. A code the runtime does not know is written before the
 * number.
 */
export function useMoney(): (amount: number, currency: string) => string {
  const format = useFormatter();
  return (amount, currency) => {
    try {
      return format.number(amount, {
        style: "currency",
        currency,
        currencyDisplay: "code",
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      });
    } catch {
      return `${currency} ${format.number(amount, { maximumFractionDigits: 0 })}`;
    }
  };
}

/** A rate (US dollars per unit of a currency), with as many digits as it was recorded with. */
export function useRate(): (rate: number) => string {
  const format = useFormatter();
  return (rate) => format.number(rate, { maximumSignificantDigits: 8 });
}

/** A whole amount from what was typed ("30,000,000", "-5 000"), or null when it is not one. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s,_\u00a0]/g, "");
  if (!/^-?\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

/** A positive rate from what was typed ("0.0067"), or null. */
export function parseRate(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value > 0 && value <= 1e6 ? value : null;
}
