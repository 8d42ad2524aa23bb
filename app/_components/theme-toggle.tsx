"use client";
// Cycles system → light → dark. The label always says what the button will do next.
import { useTheme } from "next-themes";
import { useEffect, useState } from "react";

const order = ["system", "light", "dark"] as const;
const labels: Record<(typeof order)[number], string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const glyphs: Record<(typeof order)[number], string> = { system: "◐", light: "☀", dark: "☾" };

export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const current = (mounted && order.includes(theme as never) ? theme : "system") as (typeof order)[number];
  const next = order[(order.indexOf(current) + 1) % order.length]!;
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      aria-label={`Theme: ${labels[current]}. Switch to ${labels[next].toLowerCase()}`}
      title={`Theme: ${labels[current]}`}
      className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{glyphs[current]}</span>
    </button>
  );
}
