"use client";
// Measured retention per week (line) against the desired retention (dashed line). Weeks
// without reviews of mature items have no point rather than a made-up zero.
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";

export function RetentionChart({ data, desiredPercent }: { data: Array<{ label: string; measured: number | null }>; desiredPercent: number }) {
  return (
    <LineChart responsive accessibilityLayer={false} data={data} style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.15} />
      <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
      <YAxis domain={[0, 100]} unit="%" tick={{ fill: "currentColor", fontSize: 12 }} />
      <ReferenceLine y={desiredPercent} stroke="#64748b" strokeDasharray="6 4" label={{ value: `desired ${desiredPercent}%`, fill: "currentColor", fontSize: 12, position: "insideBottomRight" }} />
      <Line type="monotone" dataKey="measured" name="Measured retention" stroke="#d97706" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
    </LineChart>
  );
}
