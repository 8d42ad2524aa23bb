// Drills: which question to show next and which instance of it, so that a learner practising
// a trap (or retaking wrong answers) meets new material instead of memorising letters.
//
// Preference, best first:
//   1. a question never answered (instance drawn from the seed);
//   2. an answered question with a variant never answered (fixture questions have variants:
//      the same trap in new policies, with a different key);
//   3. an answered question with a variant other than the one answered last;
//   4. a repeat: a question with one instance only, shown again.
// Within a group the caller's order decides for never-answered questions, and the least
// recently answered question comes first for the rest. The question answered last (`avoid`)
// goes to the very end, so a question is never shown twice in a row when another exists.

export type Freshness = "new-question" | "new-variant" | "other-variant" | "repeat";

export interface DrillCandidate {
  questionId: string;
  /** Instance ids: "base" and the variant ids. */
  variants: readonly string[];
}

export interface DrillHistory {
  variants: readonly string[];
  latestVariant: string;
  lastAnsweredAt: Date;
}

export interface DrillPick {
  questionId: string;
  variant: string;
  freshness: Freshness;
}

const RANK: Readonly<Record<Freshness, number>> = { "new-question": 0, "new-variant": 1, "other-variant": 2, repeat: 3 };

/** The instance to show of one question, and how fresh it is for this learner. */
export function chooseVariant(candidate: DrillCandidate, history: DrillHistory | undefined, seed: string): { variant: string; freshness: Freshness } {
  const all = candidate.variants.length ? candidate.variants : ["base"];
  const pick = (from: readonly string[]) => from[fnv1a(`${candidate.questionId}\u0000${seed}`) % from.length]!;
  if (!history) return { variant: pick(all), freshness: "new-question" };
  const unseen = all.filter((v) => !history.variants.includes(v));
  if (unseen.length) return { variant: pick(unseen), freshness: "new-variant" };
  const other = all.filter((v) => v !== history.latestVariant);
  if (other.length) return { variant: pick(other), freshness: "other-variant" };
  return { variant: pick(all), freshness: "repeat" };
}

/** The next drill question and instance; null when there are no candidates. */
export function pickDrill(
  candidates: readonly DrillCandidate[],
  history: ReadonlyMap<string, DrillHistory>,
  seedOf: (questionId: string) => string,
  avoid?: string | null,
): DrillPick | null {
  const ranked = candidates.map((c, index) => {
    const h = history.get(c.questionId);
    const choice = chooseVariant(c, h, seedOf(c.questionId));
    return { c, index, h, choice };
  });
  ranked.sort(
    (a, b) =>
      Number(a.c.questionId === avoid) - Number(b.c.questionId === avoid) ||
      RANK[a.choice.freshness] - RANK[b.choice.freshness] ||
      (a.h?.lastAnsweredAt.getTime() ?? 0) - (b.h?.lastAnsweredAt.getTime() ?? 0) ||
      a.index - b.index,
  );
  const top = ranked[0];
  return top ? { questionId: top.c.questionId, ...top.choice } : null;
}

/** FNV-1a: stable across machines, so a stored seed always draws the same instance. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
