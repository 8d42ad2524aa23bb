import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { EmptyState, PageHeader } from "../_components/empty-state";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  await requireUser("/review");
  return (
    <div>
      <PageHeader title="Review">Flashcards and questions scheduled by spaced repetition.</PageHeader>
      <EmptyState title="Nothing to review">
        You have no cards due. Cards enter your schedule when you study flashcards or answer practice questions.
      </EmptyState>
    </div>
  );
}
