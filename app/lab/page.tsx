import type { Metadata } from "next";
import { EmptyState, PageHeader } from "../_components/empty-state";

export const metadata: Metadata = { title: "Policy lab" };

export default function LabPage() {
  return (
    <div>
      <PageHeader title="Policy lab">Edit a scenario and watch the decision change.</PageHeader>
      <EmptyState title="The lab is not open yet">
        The lab runs the IAM policy evaluator in your browser. It opens once the evaluator is published.
      </EmptyState>
    </div>
  );
}
