// Which [AMBIGUOUS] rules of SEMANTICS.md a decision relied on. Matchers set bits in
// one shared mask while they run (JavaScript is single-threaded, and an evaluation
// never yields), the statement evaluator reads and resets it around each statement,
// and the trace marks steps whose statement carries a bit. Keeping it a number keeps
// the matching hot path free of allocations.

export const AMBIGUOUS_RULES = [
  "R16", // `*` principal counted as a direct grant
  "R17", // account principal delegates outside KMS and trust policies
  "R36", // short ARN pattern with a trailing `*`
  "R47", // `*` principal matched a service principal
  "R49", // NotPrincipal read strictly (every layer must be listed)
  "R54", // Null on an empty value
  "R55", // unreadable request value under a negated operator
  "R57", // bare IPv6 address read as /128
  "R58", // sub-second date precision dropped
  "R59", // Bool value not in lower case
  "R66", // plain operator on a multivalued value
  "R67", // IfExists combined with a set operator on an absent key
  "R69", // variable in a Bool value
  "R71", // unresolved variable in NotResource
  "R74", // substituted value holding `*` or `?`
  "R77", // several session policies pooled
  "R87", // RCPs applied to an anonymous call
  "R105", // root user calling AssumeRole
] as const;

export type AmbiguousRule = (typeof AMBIGUOUS_RULES)[number];

const BITS = new Map<AmbiguousRule, number>(AMBIGUOUS_RULES.map((r, i) => [r, 1 << i]));


/** The shared mask. */
export const ambiguity = { mask: 0 };

export function note(rule: AmbiguousRule): void {
  ambiguity.mask |= BITS.get(rule)!;
}

export function rulesOf(mask: number): AmbiguousRule[] {
  const out: AmbiguousRule[] = [];
  for (let i = 0; i < AMBIGUOUS_RULES.length; i++) if ((mask & (1 << i)) !== 0) out.push(AMBIGUOUS_RULES[i]!);
  return out;
}
