import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { EmptyState, PageHeader } from "../_components/empty-state";

export const metadata: Metadata = { title: "Traps" };

export default async function TrapsPage() {
  await requireUser("/traps");
  return (
    <div>
      <PageHeader title="Traps">The classic mistakes, and how often they catch you.</PageHeader>
      <EmptyState title="No missed traps yet">
        When you miss a question, the trap it tests is listed here so you can drill it again.
      </EmptyState>
    </div>
  );
}
