import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { EmptyState, PageHeader } from "../_components/empty-state";

export const metadata: Metadata = { title: "Practice" };

export default async function PracticePage() {
  await requireUser("/practice");
  return (
    <div>
      <PageHeader title="Practice">Scenario questions with instant, evaluator-graded feedback.</PageHeader>
      <EmptyState title="No practice sets yet">
        Practice sets by exam, domain, topic or trap will appear here once the question bank is published.
      </EmptyState>
    </div>
  );
}
