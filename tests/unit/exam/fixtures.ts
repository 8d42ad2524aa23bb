// Test fixtures for lib/exam: the two blueprints as the exam guides state them (checked with
// `checkBlueprint` when loaded, so a typo fails every test), and a question-pool builder.
// The app's blueprints come from content/exams, compiled by lib/content; these are the
// tests' own copies.

import type { CandidateQuestion, ResponseType } from "@/lib/exam/assemble";
import { type Blueprint, checkBlueprint } from "@/lib/exam/blueprint";

function validated(blueprint: Blueprint): Blueprint {
  const checked = checkBlueprint(blueprint);
  if (!checked.ok) throw new Error(`fixture ${blueprint.id}: ${checked.message}`);
  return checked.value;
}

const examFacts = {
  questionCount: 65,
  scoredCount: 50,
  durationMinutes: 130,
  eslExtraMinutes: 30,
  passingScore: 720,
  minScore: 100,
  maxScore: 1000,
};

export const DVA_C02: Blueprint = validated({
  id: "DVA-C02",
  title: "AWS Certified Developer – Associate",
  ...examFacts,
  domains: [
    { id: "1", title: "Development with AWS Services", weight: 32 },
    { id: "2", title: "Security", weight: 26 },
    { id: "3", title: "Deployment", weight: 24 },
    { id: "4", title: "Troubleshooting and Optimization", weight: 18 },
  ],
});

export const SAA_C03: Blueprint = validated({
  id: "SAA-C03",
  title: "AWS Certified Solutions Architect – Associate",
  ...examFacts,
  domains: [
    { id: "1", title: "Design Secure Architectures", weight: 30 },
    { id: "2", title: "Design Resilient Architectures", weight: 26 },
    { id: "3", title: "Design High-Performing Architectures", weight: 24 },
    { id: "4", title: "Design Cost-Optimized Architectures", weight: 20 },
  ],
});

export interface PoolSpec {
  exam: string;
  /** Questions per domain id. */
  perDomain: Record<string, number>;
  /** Every n-th question of a domain is multiple response (0: none). */
  multipleEvery?: number;
  traps?: (domain: string, index: number) => string[];
  lastSeenAt?: (domain: string, index: number) => Date | null;
  hasVariants?: (domain: string, index: number) => boolean;
}

/** Questions named `<exam>-d<domain>-q<index>`, index from 0, zero-padded to three digits. */
export function makePool(spec: PoolSpec): CandidateQuestion[] {
  return Object.entries(spec.perDomain).flatMap(([domain, n]) =>
    Array.from({ length: n }, (_, i): CandidateQuestion => {
      const responseType: ResponseType = spec.multipleEvery && i % spec.multipleEvery === spec.multipleEvery - 1 ? "multiple" : "single";
      return {
        id: `${spec.exam}-d${domain}-q${String(i).padStart(3, "0")}`,
        domains: { [spec.exam]: [domain] },
        tasks: [`${spec.exam}:${domain}.${(i % 3) + 1}`],
        traps: spec.traps?.(domain, i) ?? [],
        responseType,
        lastSeenAt: spec.lastSeenAt?.(domain, i) ?? null,
        hasVariants: spec.hasVariants?.(domain, i) ?? false,
      };
    }),
  );
}

export function domainOf(id: string): string {
  const match = /-d(\d+)-q/.exec(id);
  if (!match?.[1]) throw new Error(`no domain in ${id}`);
  return match[1];
}
