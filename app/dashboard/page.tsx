import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getProgressSummary } from "@/lib/db/progress";
import { EmptyState, PageHeader } from "../_components/empty-state";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const summary = await getProgressSummary(user.id, new Date());
  const stats = [
    { label: "Reviews done", value: summary.reviews },
    { label: "Due now", value: summary.due },
    { label: "Mock exams taken", value: summary.attempts },
  ];
  return (
    <div>
      <PageHeader title={`Welcome${user.name ? `, ${user.name}` : ""}`}>Where you stand today.</PageHeader>
      <dl className="mb-8 grid grid-cols-1 gap-4 sm:grid-cols-3">
        {stats.map((s) => (
          <div key={s.label} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
            <dt className="text-sm text-slate-600 dark:text-slate-300">{s.label}</dt>
            <dd className="mt-1 text-3xl font-bold tabular-nums">{s.value}</dd>
          </div>
        ))}
      </dl>
      {summary.reviews === 0 && summary.attempts === 0 ? (
        <EmptyState title="Nothing studied yet" action={{ href: "/learn", label: "Start with the study notes" }}>
          Once you review cards, practise questions or take a mock exam, your progress, memory and readiness charts
          appear here.
        </EmptyState>
      ) : null}
    </div>
  );
}
