// Reads for the review session: the learner's flashcard states (lib/db), the cards (lib/content)
// and the settings, put together by the pure queue of lib/srs into one snapshot of what to
// study now. Server only. `now` is an argument, read once by the caller per request.
//
// A flashcard's review state is stored under the item id `card:<card id>` with kind `card`, so
// card and question ids can never collide in the learner's one table of states.
import { getCard, listCards, listTopics, type Card } from "@/lib/content";
import { countNewReviewsSince, listReviewStates, type ReviewStateRecord } from "@/lib/db/reviews";
import { getSettings, type SettingsRecord } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import {
  buildQueue,
  type CardFields,
  checkStudyDaySettings,
  endOfStudyDay,
  isCardStateValue,
  previewIntervals,
  startOfStudyDay,
} from "@/lib/srs";
import type { CardKind, NextDue, RatingName, ReviewSnapshot, SessionCard, SessionEmpty } from "./types";

export const CARD_ITEM_KIND = "card";
const ITEM_PREFIX = "card:";
/** Larger than the whole card bank, so the queue is never cut short. */
const QUEUE_LIMIT = 5000;
const FALLBACK_TIME_ZONE = "UTC";
const FALLBACK_ROLLOVER_HOUR = 4;

export function cardItemId(cardId: string): string {
  return `${ITEM_PREFIX}${cardId}`;
}

export function cardIdOfItem(itemId: string): string | null {
  return itemId.startsWith(ITEM_PREFIX) ? itemId.slice(ITEM_PREFIX.length) : null;
}

/** Fuzz seed per learner and card, so the button previews and the saved schedule agree. */
export function fuzzSeedFor(userId: string, itemId: string): string {
  return `${userId}:${itemId}`;
}

/** A stored state as lib/srs reads it; a state number outside 0–3 is a bug in the data. */
export function toCardFields(record: ReviewStateRecord): CardFields {
  const { state } = record;
  if (!isCardStateValue(state)) throw new AppError("CORRUPT_REVIEW_STATE", `review state of \`${record.itemId}\` has unknown state ${state}`);
  return {
    due: record.due,
    stability: record.stability,
    difficulty: record.difficulty,
    elapsedDays: record.elapsedDays,
    scheduledDays: record.scheduledDays,
    learningSteps: record.learningSteps,
    reps: record.reps,
    lapses: record.lapses,
    state,
    lastReview: record.lastReview,
  };
}

/** The study-day settings to use; stored values that this server cannot read fall back to UTC. */
export function studyDaySettings(settings: SettingsRecord): { timeZone: string; rolloverHour: number } {
  const checked = checkStudyDaySettings(settings.timeZone, settings.dayRolloverHour);
  return checked.ok
    ? { timeZone: settings.timeZone, rolloverHour: settings.dayRolloverHour }
    : { timeZone: FALLBACK_TIME_ZONE, rolloverHour: FALLBACK_ROLLOVER_HOUR };
}

/** New cards are introduced in study order: topic by topic as the notes run, then as written. */
function orderCards(cards: readonly Card[], topicOrder: ReadonlyMap<string, number>): Card[] {
  return cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => (topicOrder.get(a.card.topic) ?? Infinity) - (topicOrder.get(b.card.topic) ?? Infinity) || a.index - b.index)
    .map(({ card }) => card);
}

const RATING_NAMES: readonly RatingName[] = ["Again", "Hard", "Good", "Easy"];
const KIND_OF_STATE: Readonly<Record<number, CardKind>> = { 0: "new", 1: "learning", 2: "review", 3: "relearning" };

function docLabel(doc: { url: string; title: string }): string {
  if (doc.title && doc.title !== doc.url) return doc.title;
  try {
    const last = new URL(doc.url).pathname.split("/").filter(Boolean).pop() ?? "";
    const page = decodeURIComponent(last).replace(/\.html?$/, "").replace(/[-_]+/g, " ").trim();
    return page ? `AWS docs: ${page}` : "AWS documentation";
  } catch {
    return "AWS documentation";
  }
}

function toSessionCard(
  card: Card,
  record: ReviewStateRecord | undefined,
  userId: string,
  settings: SettingsRecord,
  topicTitles: ReadonlyMap<string, string>,
  now: Date,
): SessionCard {
  const fields = record ? toCardFields(record) : null;
  const preview = previewIntervals(fields, now, {
    desiredRetention: settings.desiredRetention,
    fuzzSeed: fuzzSeedFor(userId, cardItemId(card.id)),
  });
  if (!preview.ok) throw new AppError(preview.reason, preview.message);
  return {
    cardId: card.id,
    kind: KIND_OF_STATE[fields?.state ?? 0] ?? "new",
    topic: card.topic,
    topicTitle: topicTitles.get(card.topic) ?? card.topic,
    frontHtml: card.frontHtml,
    backHtml: card.backHtml,
    docs: card.docs.map((d) => ({ url: d.url, label: docLabel(d) })),
    version: record?.version ?? null,
    previews: preview.value.map((p) => ({ rating: p.ratingValue, name: RATING_NAMES[p.ratingValue - 1]!, label: p.label })),
  };
}

function describeNextDue(at: Date, now: Date, timeZone: string): NextDue {
  const label = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return { at: at.toISOString(), label: `${label} (${timeZone})`, relative: relativeTime(at.getTime() - now.getTime()) };
}

function relativeTime(ms: number): string {
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "always" });
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return rtf.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 48) return rtf.format(hours, "hour");
  return rtf.format(Math.round(hours / 24), "day");
}

export interface ReviewSessionOptions {
  topic: string | null;
  now: Date;
  /** Show this card first (the one an undo just restored), even when the queue would not. */
  focusCardId?: string | null;
}

/** What the learner studies now: the card to show, the counts, and when more will be due. */
export async function getReviewSession(userId: string, opts: ReviewSessionOptions): Promise<ReviewSnapshot> {
  const { topic, now } = opts;
  const settings = await getSettings(userId);
  const { timeZone, rolloverHour } = studyDaySettings(settings);
  const dayStart = startOfStudyDay(now, timeZone, rolloverHour);
  const dayEnd = endOfStudyDay(now, timeZone, rolloverHour);
  if (!dayStart.ok || !dayEnd.ok) throw new AppError("INVALID_STUDY_DAY", "study-day settings were checked but failed");

  const topics = listTopics();
  const topicTitles = new Map(topics.map((t) => [t.slug, t.title]));
  const cards = orderCards(listCards(topic ? { topic } : {}), new Map(topics.map((t) => [t.slug, t.order])));
  const inScope = new Set(cards.map((c) => cardItemId(c.id)));

  const [allStates, newStartedToday] = await Promise.all([
    listReviewStates(userId, CARD_ITEM_KIND),
    countNewReviewsSince(userId, dayStart.value, CARD_ITEM_KIND),
  ]);
  // States of cards no longer in the bank (or outside the topic) never reach the queue.
  const states = allStates.filter((s) => inScope.has(s.itemId));
  const stateByItem = new Map(states.map((s) => [s.itemId, s]));

  const built = buildQueue({
    now,
    states: states.map((s) => ({ itemId: s.itemId, due: s.due, state: toCardFields(s).state })),
    newItemIds: cards.map((c) => cardItemId(c.id)),
    reviewedTodayNewCount: newStartedToday,
    newPerDay: settings.newPerDay,
    tz: timeZone,
    rolloverHour,
    limit: QUEUE_LIMIT,
  });
  if (!built.ok) throw new AppError(built.reason, built.message);
  const queue = built.value;

  const queueIds = queue.items.map((i) => i.itemId);
  const focus = opts.focusCardId ? getCard(opts.focusCardId) : undefined;
  const focusItem = focus ? cardItemId(focus.id) : null;
  const orderedIds = focusItem ? [focusItem, ...queueIds.filter((id) => id !== focusItem)] : queueIds;

  const headId = orderedIds[0];
  const headCard = headId ? getCard(cardIdOfItem(headId) ?? "") : undefined;
  // The focused card may lie outside the topic filter; read its state from the full list.
  const headState = headId ? (stateByItem.get(headId) ?? allStates.find((s) => s.itemId === headId)) : undefined;
  const current = headCard ? toSessionCard(headCard, headState, userId, settings, topicTitles, now) : null;

  const dayStartMs = dayStart.value.getTime();
  const counts = {
    due: queue.dueCount,
    new: queue.items.filter((i) => i.kind === "new").length,
    doneToday: states.filter((s) => s.lastReview !== null && s.lastReview.getTime() >= dayStartMs).length,
    laterToday: queue.laterToday,
  };

  let empty: SessionEmpty | null = null;
  if (!current) {
    const unseen = cards.filter((c) => !stateByItem.has(cardItemId(c.id))).length;
    const nextReview = states
      .filter((s) => s.state !== 0 && s.due.getTime() > now.getTime())
      .reduce<Date | null>((min, s) => (min === null || s.due < min ? s.due : min), null);
    // Unseen cards held back by the daily limit come back when the next study day starts.
    const nextNew = unseen > 0 && settings.newPerDay > 0 ? dayEnd.value : null;
    const next = [nextReview, nextNew].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    empty = {
      reason: cards.length === 0 ? "NO_CARDS" : "CAUGHT_UP",
      nextDue: next ? describeNextDue(next, now, timeZone) : null,
      newHeldBack: unseen,
      newPerDay: settings.newPerDay,
    };
  }

  return {
    topic,
    counts,
    current,
    remaining: current ? orderedIds.length : 0,
    canUndo: allStates.some((s) => s.lastReview !== null),
    empty,
  };
}
