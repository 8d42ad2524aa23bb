// A running exam attempt. The server reads the attempt (finalizing it first when its time is
// up, even if no browser was open), then hands the player public question data only.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getPlayerView } from "../_lib/data";
import { resultUrl } from "../_lib/mutations";
import { attemptIdParam } from "../_lib/schema";
import { ExamPlayer } from "./exam-player";

export const metadata: Metadata = { title: "Mock exam" };

export default async function AttemptPage({
  params,
  searchParams,
}: {
  params: Promise<{ attemptId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { attemptId } = await params;
  const user = await requireUser(`/attempts/${encodeURIComponent(attemptId)}`);
  if (!attemptIdParam.safeParse(attemptId).success) notFound();
  const q = (await searchParams).q;
  const requested = typeof q === "string" && /^\d{1,3}$/.test(q) ? Number(q) - 1 : undefined;
  const now = new Date();
  const view = await getPlayerView(user.id, attemptId, now, requested);
  if (!view) notFound();
  if (view.kind === "finished") redirect(resultUrl(attemptId));
  const { snapshot } = view;
  return (
    <div>
      <h1 className="mb-2 text-xl font-bold tracking-tight sm:text-2xl">
        {snapshot.examId} mock exam <span className="font-normal text-slate-600 dark:text-slate-300">— {snapshot.examTitle}</span>
      </h1>
      {/* Remount on every server render so a reload always starts from the server's state. */}
      <ExamPlayer key={now.toISOString()} snapshot={snapshot} />
    </div>
  );
}
