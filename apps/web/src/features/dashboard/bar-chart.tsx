"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { ChartDatum } from "./chart-data-table";

/**
 * A horizontal bar chart of counts (Recharts). Decorative for assistive technology: the same
 * numbers are in the table beside it, so the chart is hidden from the accessibility tree and takes
 * no keyboard focus.
 */
export default function CountBarChart({ data }: { data: ChartDatum[] }) {
  const height = Math.max(120, data.length * 34 + 40);
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
          <XAxis type="number" allowDecimals={false} tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis
            type="category"
            dataKey="label"
            width={150}
            tick={{ fill: "#0f172a", fontSize: 12 }}
            interval={0}
          />
          <Bar dataKey="count" fill="#1e40af" isAnimationActive={false} barSize={20} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
