import type { Metadata } from "next";
import { listCards, listTopics } from "@/lib/content";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "../_components/empty-state";
import { getReviewSession } from "./data";
import { ReviewSession } from "./review-session";
import { parseTopicParam } from "./schema";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const topic = parseTopicParam((await searchParams).topic);
  const user = await requireUser(topic ? `/review?topic=${encodeURIComponent(topic)}` : "/review");
  const now = new Date();
  const session = await getReviewSession(user.id, { topic, now });

  const cardCounts = new Map<string, number>();
  for (const c of listCards()) cardCounts.set(c.topic, (cardCounts.get(c.topic) ?? 0) + 1);
  const topics = listTopics().filter((t) => cardCounts.has(t.slug));

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Review">Flashcards scheduled by spaced repetition: rate how well you remembered, and each card comes back just before you would forget it.</PageHeader>
      <form method="get" action="/review" className="mb-5 flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-none">
          <label htmlFor="review-topic" className="text-sm font-medium">
            Topic
          </label>
          <select
            id="review-topic"
            name="topic"
            defaultValue={topic ?? ""}
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:w-80 dark:border-slate-600 dark:bg-slate-800"
          >
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.title} ({cardCounts.get(t.slug)})
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Show topic
        </button>
      </form>
      {/* Remount on every server render, so a navigation here always starts from fresh data. */}
      <ReviewSession key={now.toISOString()} initial={session} />
    </div>
  );
}
