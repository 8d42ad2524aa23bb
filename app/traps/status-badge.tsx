// A trap's status as a labelled badge; the colour repeats what the word says.
import { TRAP_STATUS_LABELS, type TrapStatus } from "@/lib/progress";

const STYLE: Readonly<Record<TrapStatus, string>> = {
  weak: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
  improving: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  solid: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  unseen: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
};

export function StatusBadge({ status }: { status: TrapStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${STYLE[status]}`}>{TRAP_STATUS_LABELS[status]}</span>;
}
