import type { Metadata } from "next";
import { EmptyState, PageHeader } from "../_components/empty-state";

export const metadata: Metadata = { title: "Learn" };

export default function LearnPage() {
  return (
    <div>
      <PageHeader title="Learn">Study notes on IAM roles, policies, STS and how AWS decides.</PageHeader>
      <EmptyState title="No study notes published yet">
        The study notes are still being written and checked against the AWS documentation. They will be listed here,
        grouped by exam domain.
      </EmptyState>
    </div>
  );
}
