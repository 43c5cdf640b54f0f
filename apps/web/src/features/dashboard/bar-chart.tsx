"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { ChartDatum } from "./chart-data-table";
import { canvasMeasure, labelLines } from "./label-lines";

const FONT_SIZE = 12;
const LINE_HEIGHT = 14;
const AXIS_WIDTH = 150;
/** Room the axis keeps between a label and the bars (Recharts' tick line and margin). */
const TICK_GAP = 10;

/**
 * A horizontal bar chart of counts (Recharts). Decorative for assistive technology: the same
 * numbers are in the table beside it, so the chart is hidden from the accessibility tree and takes
 * no keyboard focus.
 *
 * Category labels wrap between words (Japanese ones too, which have no spaces to wrap at) within
 * the axis, and each row is as tall as its longest label needs, so no label is cut off.
 */
export default function CountBarChart({ data }: { data: ChartDatum[] }) {
  const locale = useLocale();
  const lines = useMemo(() => {
    const font = `${FONT_SIZE}px ${typeof document === "undefined" ? "sans-serif" : getComputedStyle(document.body).fontFamily}`;
    const measure = canvasMeasure(font, FONT_SIZE);
    return new Map(data.map((d) => [d.label, labelLines(d.label, AXIS_WIDTH - TICK_GAP, measure, locale)]));
  }, [data, locale]);
  const mostLines = Math.max(1, ...[...lines.values()].map((l) => l.length));
  const rowHeight = Math.max(34, mostLines * LINE_HEIGHT + 12);
  const height = Math.max(120, data.length * rowHeight + 40);

  return (
    <div aria-hidden="true" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: "#334155", fontSize: FONT_SIZE }} />
          <YAxis
            type="category"
            dataKey="label"
            width={AXIS_WIDTH}
            interval={0}
            tick={({ x, y, payload, className }) => (
              <CategoryLabel
                className={className}
                x={Number(x)}
                y={Number(y)}
                lines={lines.get(String(payload.value)) ?? [String(payload.value)]}
              />
            )}
          />
          <Bar dataKey="count" fill="#1e40af" isAnimationActive={false} barSize={20} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A category's label, right-aligned to the axis and centred on its bar, one tspan per line. */
function CategoryLabel({
  x,
  y,
  lines,
  className,
}: {
  x: number;
  y: number;
  lines: string[];
  className?: string;
}) {
  const first = -((lines.length - 1) * LINE_HEIGHT) / 2;
  return (
    <text
      className={className}
      x={x}
      y={y}
      textAnchor="end"
      dominantBaseline="central"
      fill="#0f172a"
      fontSize={FONT_SIZE}
    >
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? first : LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
