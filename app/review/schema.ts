// Input of the review actions, validated at the edge (ARCHITECTURE, "Errors and validation").
// Nothing here says whose data it is: the learner is always the signed-in user.
import { z } from "zod";

/** Longer than this, the learner walked away; the log keeps the cap instead of the idle time. */
export const MAX_DURATION_MS = 10 * 60_000;

const topicSchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "a topic is a slug such as `policy-evaluation`");

export const rateCardInput = z.strictObject({
  cardId: z.string().min(1).max(200),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  /** The review-state version shown to the learner; null for a card never rated. */
  version: z.number().int().min(0).nullable(),
  durationMs: z
    .number()
    .finite()
    .min(0)
    .transform((ms) => Math.min(Math.round(ms), MAX_DURATION_MS)),
  topic: topicSchema.nullable().default(null),
});

export type RateCardInput = z.infer<typeof rateCardInput>;

export const undoInput = z.strictObject({
  topic: topicSchema.nullable().default(null),
});

/** `?topic=` from the URL: a slug, or nothing (all topics). */
export function parseTopicParam(raw: string | string[] | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  const parsed = topicSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
