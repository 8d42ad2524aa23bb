import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { EmptyState, PageHeader } from "../_components/empty-state";

export const metadata: Metadata = { title: "Mock exams" };

export default async function ExamsPage() {
  await requireUser("/exams");
  return (
    <div>
      <PageHeader title="Mock exams">Timed exams in the format of DVA-C02 and SAA-C03.</PageHeader>
      <EmptyState title="Mock exams are not available yet">
        Mock exams need a full question bank to draw 65 questions by domain weight. You have no attempts yet.
      </EmptyState>
    </div>
  );
}
