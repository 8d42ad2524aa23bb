// The evaluator's data types: parsed (compiled) policies and scenarios, the request
// as the evaluator reads it, the Evaluation with its reasons as data, and the
// learner-facing TraceStep. Only parsers build Policy and Scenario values, so
// `evaluate` never sees unvalidated input (ARCHITECTURE, "Errors and validation").

import type { ClauseFailure, ConditionClause } from "./conditions/evaluate";
import type { Caller } from "./context/caller";
import type { Context } from "./context/entry";
import type { ActionPattern } from "./match/action";
import type { AmbiguousRule } from "./match/ambiguity";
import type { Arn, ArnPattern } from "./match/arn";
import type { FederatedBy, GrantKind, PrincipalEntry } from "./match/principal";
import type { Template } from "./match/variables";

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";
export type Effect = "Allow" | "Deny";
export type PolicyKind = "identity" | "resource" | "trust" | "key" | "boundary" | "session" | "scp" | "rcp" | "endpoint";
export type PolicyVersion = "2012-10-17" | "2008-10-17";

export interface ActionElement {
  readonly negated: boolean;
  readonly values: readonly string[];
  readonly patterns: readonly ActionPattern[];
}

/** One Resource entry: a compiled pattern, or a template when the entry holds variables. */
export interface ResourceEntry {
  readonly source: string;
  readonly pattern: ArnPattern | null;
  readonly template: Template | null;
}

export interface ResourceElement {
  readonly negated: boolean;
  readonly values: readonly string[];
  readonly entries: readonly ResourceEntry[];
}

export interface PrincipalElement {
  readonly negated: boolean;
  readonly entries: readonly PrincipalEntry[];
}

export interface Statement {
  readonly index: number;
  /** JSON path of the statement, e.g. `identityPolicies[1].Statement[0]`. */
  readonly path: string;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly action: ActionElement;
  /** Null in a trust policy (the role is implied, R26). */
  readonly resource: ResourceElement | null;
  /** Null in identity-side policies, and in an endpoint policy without Principal. */
  readonly principal: PrincipalElement | null;
  readonly conditions: readonly ConditionClause[];
  /** The built-in RCPFullAWSAccess statement (R28). */
  readonly rcpFullAccess: boolean;
  readonly document: unknown;
}

export interface Policy {
  readonly kind: PolicyKind;
  /** JSON path of the policy in its scenario, e.g. `scps[0][2]`. */
  readonly path: string;
  /** Null when the document has no Version (it then behaves as 2008-10-17, R24). */
  readonly version: PolicyVersion | null;
  readonly id: string | undefined;
  readonly statements: readonly Statement[];
  /** Characters without white space (R29a). */
  readonly size: number;
  readonly document: unknown;
}

export type CredentialType =
  | "long-term"
  | "GetSessionToken"
  | "GetFederationToken"
  | "AssumeRole"
  | "AssumeRoleWithWebIdentity"
  | "AssumeRoleWithSAML"
  | "instance-profile";

/** The request as the evaluator reads it, computed once when the scenario is parsed. */
export interface RequestInfo {
  readonly caller: Caller;
  readonly federatedBy: FederatedBy | null;
  /** As written. */
  readonly action: string;
  /** Lower-case service prefix and action name. */
  readonly service: string;
  readonly actionName: string;
  /** `service:name`, lower case. */
  readonly actionKey: string;
  readonly resource: string;
  /** Null when the resource is `*` (actions without resource-level permissions, R33). */
  readonly resourceArn: Arn | null;
  readonly principalAccount: string | null;
  readonly resourceAccount: string | null;
  /** Where the resource account came from (R10). */
  readonly resourceAccountFrom: "arn" | "field" | "caller" | "none";
  readonly sameAccount: boolean;
  /** Null for callers without AWS credentials (service principals, web identity, anonymous). */
  readonly credentials: CredentialType | null;
  readonly context: Context;
  readonly givenKeys: readonly string[];
  readonly derivedKeys: readonly string[];
  /** R113: neither aws:CurrentTime nor aws:EpochTime was given. */
  readonly clockMissing: boolean;
  /** R83: the caller's aws:PrincipalArn is a role under /aws-service-role/. */
  readonly serviceLinkedRole: boolean;
  readonly managementAccount: string | null;
  readonly rcpServices: ReadonlySet<string>;
  readonly durationSeconds: number | null;
  readonly roleMaxSessionDuration: number;
  readonly sessionTags: Readonly<Record<string, string>> | null;
  readonly transitiveTagKeys: readonly string[];
  readonly inheritedTransitiveTagKeys: readonly string[];
  readonly sourceIdentity: string | null;
  readonly awsManagedKey: boolean;
}

export interface Scenario {
  readonly id: string | undefined;
  readonly expected: Decision | undefined;
  readonly rule: string | readonly string[] | undefined;
  readonly description: string | undefined;
  readonly request: RequestInfo;
  readonly identityPolicies: readonly Policy[];
  /** Kind `resource`, `trust` (sts:AssumeRole*) or `key` (kms:*). */
  readonly resourcePolicy: Policy | null;
  readonly permissionsBoundary: Policy | null;
  readonly sessionPolicies: readonly Policy[];
  readonly scps: readonly (readonly Policy[])[];
  readonly rcps: readonly (readonly Policy[])[];
  readonly endpointPolicy: Policy | null;
  /** The scenario JSON as given. */
  readonly input: unknown;
}

export type Stage =
  | "request"
  | "context"
  | "policies"
  | "explicit-deny"
  | "rcp"
  | "scp"
  | "endpoint"
  | "service"
  | "resource"
  | "identity"
  | "boundary"
  | "session"
  | "cross-account"
  | "decision";

/** A statement the evaluation relied on. */
export interface StatementRef {
  /** Path of the policy, e.g. `identityPolicies[1]`, `resourcePolicy`, `scps[0][2]`. */
  readonly policy: string;
  readonly statement: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly stage: Stage;
  /** SCP/RCP level, from the organization root down. */
  readonly level: number | undefined;
  /** R12 grant kind of a resource-policy Allow. */
  readonly grant: GrantKind | undefined;
  /** The Principal entry that named the caller (resource-side allows). */
  readonly principal: string | undefined;
  /** [AMBIGUOUS] rules the match relied on. */
  readonly ambiguous: readonly AmbiguousRule[];
  /** Other rules that made the statement apply, e.g. R18 for Deny+NotPrincipal. */
  readonly rules: readonly string[];
}

export type SetStage = "rcp" | "scp" | "endpoint" | "resource" | "identity" | "boundary" | "session";

export type SkipCode =
  | "absent"
  | "not-bound-management-account"
  | "service-linked-role"
  | "root-only-task"
  | "service-not-restricted"
  | "service-principal"
  | "anonymous"
  | "web-identity"
  | "management-account-resource"
  | "service-not-rcp-enabled"
  | "aws-managed-key"
  | "retire-grant"
  | "root-user"
  | "not-a-session"
  | "trust-not-consulted";

/** What one policy set (or one SCP/RCP level) contributed. */
export interface SetOutcome {
  readonly stage: SetStage;
  /** `identityPolicies`, `resourcePolicy`, `scps[1]` (a level), … */
  readonly policy: string;
  readonly level: number | undefined;
  readonly status: "allow" | "no-allow" | "skipped";
  readonly skip: { readonly code: SkipCode; readonly rule: string; readonly ambiguous: boolean } | undefined;
  readonly statements: number;
  /** The allowing statement (the strongest grant for the resource policy). */
  readonly allow: StatementRef | undefined;
  readonly denies: readonly StatementRef[];
}

export type ServiceCode =
  | "caller-identity"
  | "no-permission-needed"
  | "assume-role-session-limit"
  | "federated-user-limit"
  | "session-token-limit"
  | "root-assume-role"
  | "chained-duration"
  | "duration-above-role-maximum"
  | "duration-below-minimum"
  | "duration-above-maximum"
  | "root-duration-cut"
  | "transitive-tag-conflict"
  | "source-identity-change"
  | "tag-session"
  | "set-source-identity"
  | "pass-role-cross-account"
  | "pass-role"
  | "kms-cross-account-operation"
  | "key-policy-required"
  | "trust-policy-required";

export interface ServiceFinding {
  readonly code: ServiceCode;
  readonly outcome: "pass" | "fail" | "info";
  readonly rule: string;
  readonly ambiguous: boolean;
  readonly data: Readonly<Record<string, string | number>>;
}

export type DecisionCode =
  | "explicit-deny"
  | "service-rule"
  | "rcp-level"
  | "scp-level"
  | "endpoint"
  | "needs-direct-grant"
  | "direct-grant"
  | "entity-grant"
  | "account-grant"
  | "identity-allow"
  | "root-user"
  | "resource-policy-required"
  | "no-resource-grant"
  | "identity"
  | "boundary"
  | "session"
  | "federated-needs-session-policy"
  | "sub-action";

export interface DecidingReason {
  readonly stage: Stage;
  readonly code: DecisionCode;
  readonly rule: string;
  readonly statement: StatementRef | undefined;
  readonly level: number | undefined;
  readonly ambiguous: boolean;
}

export type FailedElement = "action" | "resource" | "principal" | "condition";

/** A statement that almost applied, and the first element that failed (R3 order). */
export interface NearMiss {
  readonly policy: string;
  readonly statement: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly stage: SetStage;
  readonly failed: FailedElement;
  /** How many elements matched before the failure (0–3), the closeness measure. */
  readonly matched: number;
  readonly resourcePart: string | undefined;
  readonly condition:
    | {
        readonly operator: string;
        readonly key: string;
        readonly values: readonly string[];
        readonly present: boolean;
        readonly request: readonly string[] | null;
        readonly failure: ClauseFailure;
        readonly rule: string;
      }
    | undefined;
}

export interface Evaluation {
  readonly decision: Decision;
  readonly scenario: Scenario;
  /** The action evaluated (differs from the request for sts:TagSession / sts:SetSourceIdentity). */
  readonly action: string;
  readonly deciding: DecidingReason;
  readonly sets: readonly SetOutcome[];
  readonly denies: readonly StatementRef[];
  /** Grant kind of the resource policy's strongest applicable Allow. */
  readonly grant: GrantKind | undefined;
  readonly service: readonly ServiceFinding[];
  /** Cross-account requests: both sides' results (R20). */
  readonly join: { readonly principalSide: boolean; readonly resourceSide: boolean } | undefined;
  /** ImplicitDeny only: statements of the deciding stage that almost applied. */
  readonly nearMisses: readonly NearMiss[];
  /** Extra authorizations of the same call (R100 sts:TagSession, R101 sts:SetSourceIdentity). */
  readonly subEvaluations: readonly Evaluation[];
  readonly ambiguous: readonly AmbiguousRule[];
}

export interface TraceStep {
  stage: Stage;
  outcome: "info" | "pass" | "fail" | "skip" | "deny" | "allow";
  policy?: string;
  statement?: number;
  sid?: string;
  /** A sentence a learner reads. */
  reason: string;
  /** The SEMANTICS rule that justifies the step, e.g. "R14". */
  rule?: string;
  /** The step relied on an [AMBIGUOUS] rule. */
  ambiguous?: boolean;
}
