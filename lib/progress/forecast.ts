// The due forecast for the next days (how many reviews each study day brings), built on
// lib/srs's forecastDue, with the overdue items that today's count includes called out.

import { type CardStateValue, forecastDue, type StudyDay } from "@/lib/srs";
import { plural } from "./activity";
import { formatDayShort } from "./days";

export interface ForecastInputState {
  itemId: string;
  due: Date;
  state: CardStateValue;
}

export interface Forecast {
  days: Array<{ day: StudyDay; label: string; count: number }>;
  /** Items already due at `now` (counted in today's bar). */
  overdue: number;
  total: number;
  /** The chart in one sentence. */
  summary: string;
}

/** null when the study-day settings are invalid. */
export function buildForecast(states: readonly ForecastInputState[], now: Date, timeZone: string, rolloverHour: number, days = 30): Forecast | null {
  const result = forecastDue(states, now, days, timeZone, rolloverHour);
  if (!result.ok) return null;
  const overdue = states.filter((s) => s.state !== 0 && s.due.getTime() <= now.getTime()).length;
  const out = result.value.map((d, i) => ({ day: d.day, label: i === 0 ? "Today" : formatDayShort(d.day), count: d.count }));
  const total = out.reduce((s, d) => s + d.count, 0);
  const busiest = out.reduce<(typeof out)[number] | null>((best, d) => (d.count > (best?.count ?? 0) ? d : best), null);
  const summary =
    total === 0
      ? `Nothing falls due in the next ${days} days.`
      : `${plural(total, "review")} due in the next ${days} days: ${out[0]?.count ?? 0} today${overdue ? ` (${overdue} overdue)` : ""}; the busiest day is ${busiest!.label} with ${busiest!.count}.`;
  return { days: out, overdue, total, summary };
}
