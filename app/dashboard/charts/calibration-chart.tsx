"use client";
// How often sure, unsure and guessed answers were right (bars, percent).
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

export function CalibrationChart({ data }: { data: Array<{ label: string; percent: number | null }> }) {
  return (
    <BarChart responsive accessibilityLayer={false} data={data} style={{ width: "100%", height: 200 }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.15} />
      <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 12 }} />
      <YAxis domain={[0, 100]} unit="%" tick={{ fill: "currentColor", fontSize: 12 }} />
      <Bar dataKey="percent" name="Right" fill="#10b981" isAnimationActive={false} />
    </BarChart>
  );
}
