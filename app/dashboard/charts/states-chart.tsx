"use client";
// Items per FSRS memory state, cards and questions stacked.
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";

export function StatesChart({ data }: { data: Array<{ state: string; cards: number; questions: number }> }) {
  return (
    <BarChart responsive accessibilityLayer={false} data={data} style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.15} />
      <XAxis dataKey="state" tick={{ fill: "currentColor", fontSize: 12 }} />
      <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 12 }} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="cards" name="Flashcards" stackId="items" fill="#0ea5e9" isAnimationActive={false} />
      <Bar dataKey="questions" name="Questions" stackId="items" fill="#f59e0b" isAnimationActive={false} />
    </BarChart>
  );
}
