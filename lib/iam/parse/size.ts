// Size quotas (R29a). AWS refuses to store a document over its quota, so such input
// is invalid. Characters are counted without the white space outside strings, i.e.
// the length of the compact JSON text. A scenario does not say whether an identity
// policy is inline or managed, so an identity policy fails only above the largest
// identity quota and warns above the managed-policy quota.

import { formatCount, issue, type Issue } from "../issues";
import type { PolicyKind } from "../types";

interface Quota {
  /** Above this, the document is invalid. */
  readonly max: number;
  /** Above this (when lower than max), a warning. */
  readonly warnAbove?: number;
  readonly limitText: string;
  readonly warnText?: string;
  readonly what: string;
}

const QUOTAS: Partial<Record<PolicyKind, Quota>> = {
  identity: {
    max: 10_240,
    warnAbove: 6_144,
    what: "identity policy",
    limitText: "no identity policy may exceed 10,240 (a role's inline policies together)",
    warnText: "a managed policy holds at most 6,144 and a user's inline policies 2,048, so this fits only as a role's inline policy",
  },
  boundary: { max: 6_144, what: "permissions boundary", limitText: "a managed policy holds at most 6,144" },
  trust: {
    max: 4_096,
    warnAbove: 2_048,
    what: "role trust policy",
    limitText: "a role trust policy holds at most 4,096 even with a raised quota",
    warnText: "a role trust policy holds 2,048 by default (the quota can be raised to 4,096)",
  },
  scp: { max: 5_120, what: "service control policy", limitText: "an SCP holds at most 5,120" },
  rcp: { max: 5_120, what: "resource control policy", limitText: "an RCP holds at most 5,120" },
  endpoint: { max: 20_480, what: "VPC endpoint policy", limitText: "a VPC endpoint policy holds at most 20,480" },
};

/** Characters of the document without white space outside strings. */
export function compactSize(document: unknown): number {
  return JSON.stringify(document)?.length ?? 0;
}

/** Adds POLICY_TOO_LARGE / POLICY_NEAR_LIMIT issues; returns the size. */
export function checkPolicySize(document: unknown, kind: PolicyKind, path: string, issues: Issue[], warnings: Issue[]): number {
  const size = compactSize(document);
  const quota = QUOTAS[kind];
  if (quota === undefined) return size;
  if (size > quota.max) {
    issues.push(issue("POLICY_TOO_LARGE", path, `${quota.what} is ${size} characters; ${quota.limitText} (R29a)`));
  } else if (quota.warnAbove !== undefined && size > quota.warnAbove) {
    warnings.push(issue("POLICY_NEAR_LIMIT", path, `${quota.what} is ${size} characters; ${quota.warnText} (R29a)`));
  }
  return size;
}

export const SESSION_POLICIES_MAX = 2_048;

/** R29a: the session policies of one call hold 2,048 characters together. */
export function checkSessionPoliciesSize(sizes: readonly number[], path: string, issues: Issue[]): void {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > SESSION_POLICIES_MAX) {
    issues.push(
      issue(
        "POLICY_TOO_LARGE",
        path,
        `session policies are ${total} characters together; the session policies of one call hold at most ${formatCount(SESSION_POLICIES_MAX)} (R29a)`,
      ),
    );
  }
}
