// Study-note progress for the Learn pages: per-topic mastery (share of a topic's questions and
// flashcards the learner holds in long-term review) and self-check results.
import { listCards, listTopics, type Topic } from "@/lib/content";
import { listTopicProgress, type TopicProgressRecord } from "@/lib/db/practice";
import { listReviewStates } from "@/lib/db/reviews";

export interface TopicStatus {
  topic: Topic;
  items: number;
  learned: number;
  mastery: number; // 0..1
  progress: TopicProgressRecord | undefined;
}

/** FSRS state 2 ("Review") means the item has graduated from learning. */
const REVIEW_STATE = 2;

export async function getTopicStatuses(userId: string | null): Promise<TopicStatus[]> {
  const topics = listTopics().sort((a, b) => a.order - b.order);
  const cardsByTopic = new Map<string, string[]>();
  // Flashcards are scheduled under `card:<id>` (app/review), questions under their own id.
  for (const c of listCards()) cardsByTopic.set(c.topic, [...(cardsByTopic.get(c.topic) ?? []), `card:${c.id}`]);
  const states = userId ? await listReviewStates(userId) : [];
  const learned = new Set(states.filter((s) => s.state === REVIEW_STATE).map((s) => s.itemId));
  const progress = userId ? new Map((await listTopicProgress(userId)).map((p) => [p.topic, p])) : new Map<string, TopicProgressRecord>();
  return topics.map((topic) => {
    const items = [...topic.questionIds, ...(cardsByTopic.get(topic.slug) ?? [])];
    const n = items.filter((id) => learned.has(id)).length;
    return { topic, items: items.length, learned: n, mastery: items.length ? n / items.length : 0, progress: progress.get(topic.slug) };
  });
}

/** The suggested next topic: the first one, in study order, whose self-check is not passed. */
export function suggestedNext(statuses: TopicStatus[]): TopicStatus | undefined {
  return statuses.find((s) => !s.progress?.passedAt);
}
