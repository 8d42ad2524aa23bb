"use client";
// Reviews falling due per study day for the next 30 days (bars). Drawn for sighted users only:
// the page puts the same numbers in a table for screen readers.
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

export function ForecastChart({ data }: { data: Array<{ label: string; count: number }> }) {
  return (
    <BarChart responsive accessibilityLayer={false} data={data} style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.15} />
      <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
      <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 12 }} />
      <Bar dataKey="count" name="Reviews due" fill="#f59e0b" isAnimationActive={false} />
    </BarChart>
  );
}
