// An honest empty state: says what is (not yet) here and what the learner can do now.
import Link from "next/link";
import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <section
      aria-labelledby="empty-title"
      className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-600"
    >
      <h2 id="empty-title" className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mx-auto mt-2 max-w-prose text-slate-600 dark:text-slate-300">{children}</div>
      {action ? (
        <Link
          href={action.href}
          className="mt-4 inline-block rounded-md bg-amber-500 px-4 py-2 font-medium text-slate-950 hover:bg-amber-400"
        >
          {action.label}
        </Link>
      ) : null}
    </section>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      {children ? <p className="mt-1 text-slate-600 dark:text-slate-300">{children}</p> : null}
    </header>
  );
}
