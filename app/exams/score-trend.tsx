"use client";
// Estimated scaled scores of an exam's finished attempts over time, with the pass mark. A
// picture for sighted learners; the same figures are in the history table beside it and in
// this figure's text description, so nothing depends on seeing the chart.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendPoint {
  label: string;
  score: number;
}

export function ScoreTrend({ examId, points, passing, min, max }: { examId: string; points: TrendPoint[]; passing: number; min: number; max: number }) {
  const last = points[points.length - 1];
  const best = points.reduce((b, p) => Math.max(b, p.score), min);
  const summary =
    points.length === 0
      ? `No scored ${examId} attempt yet.`
      : `${examId} estimated scaled scores over ${points.length} ${points.length === 1 ? "attempt" : "attempts"}, oldest first: ${points
          .map((p) => `${p.label} ${p.score}`)
          .join(", ")}. Latest ${last?.score}, best ${best}; ${passing} is needed to pass.`;
  return (
    <figure className="rounded-xl border border-slate-200 p-3 dark:border-slate-700">
      <figcaption className="mb-2 text-sm font-medium">Score trend, {examId}</figcaption>
      <div role="img" aria-label={summary} className="h-56 w-full text-slate-700 dark:text-slate-200" data-testid={`trend-${examId}`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            <XAxis dataKey="label" stroke="currentColor" fontSize={12} />
            <YAxis domain={[min, max]} ticks={[min, 400, passing, max]} stroke="currentColor" fontSize={12} width={44} />
            <ReferenceLine y={passing} stroke="#d97706" strokeDasharray="6 4" label={{ value: `pass ${passing}`, position: "insideBottomRight", fill: "#d97706", fontSize: 12 }} />
            <Tooltip contentStyle={{ fontSize: 12 }} />
            <Line type="monotone" dataKey="score" name="Scaled score" stroke="#0f766e" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
