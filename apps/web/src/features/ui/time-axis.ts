import { calendarDay } from "@/features/delivery/dates";

// What the date charts (delivery, permitting) share: the month ticks of their time axis and the
// diamond they mark a target with.

/** The first day of each month within the range, thinned to at most about `most` ticks. */
export function monthTicks(start: string, end: string, most: number): string[] {
  const ticks: string[] = [];
  const d = calendarDay(start);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 1);
  while (d.toISOString().slice(0, 10) <= end) {
    ticks.push(d.toISOString().slice(0, 10));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  const step = Math.max(1, Math.ceil(ticks.length / most));
  return ticks.filter((_, i) => i % step === 0);
}

/** An SVG path: a diamond of radius `r` centred on (cx, cy). */
export function diamond(cx: number, cy: number, r: number): string {
  return `M${cx} ${cy - r} L${cx + r} ${cy} L${cx} ${cy + r} L${cx - r} ${cy} Z`;
}
