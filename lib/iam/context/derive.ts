// Builds the request context (R112, R113): the scenario's keys first, then the keys
// AWS would send for this caller kind that the scenario left out. A given value
// always wins; a key AWS would not send stays absent; nothing is invented. Where AWS
// would send a key whose value the scenario cannot know (aws:TokenIssueTime of a
// session), the key is present with an unknown value so `Null` sees it. Clock keys
// are never made up: without aws:CurrentTime or aws:EpochTime both stay absent and
// the trace warns (R113).

import { parseDateSeconds, formatDateSeconds } from "../conditions/date";
import type { Arn } from "../match/arn";
import type { CredentialType } from "../types";
import { roleArnOf, isIamCaller, type Caller } from "./caller";
import { ContextEntry, type Context } from "./entry";

export type ContextInputValue = string | number | boolean | readonly (string | number | boolean)[];

export interface DeriveInput {
  readonly caller: Caller;
  readonly credentials: CredentialType | null;
  readonly given: Readonly<Record<string, ContextInputValue>> | undefined;
  readonly principalTags: Readonly<Record<string, string>> | undefined;
  readonly resourceTags: Readonly<Record<string, string>> | undefined;
  readonly resourceAccount: string | null;
  readonly resourceArn: Arn | null;
  readonly service: string;
  readonly sessionTags: Readonly<Record<string, string>> | null;
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity: string | null;
}

export interface BuiltContext {
  readonly context: Context;
  readonly given: string[];
  readonly derived: string[];
  readonly clockMissing: boolean;
}

function text(v: string | number | boolean): string {
  return typeof v === "string" ? v : String(v);
}

export function buildContext(input: DeriveInput): BuiltContext {
  const map = new Map<string, ContextEntry>();
  const given: string[] = [];
  const derived: string[] = [];
  for (const [key, value] of Object.entries(input.given ?? {})) {
    const entry = Array.isArray(value)
      ? new ContextEntry(key, value.map(text), true, "given")
      : ContextEntry.single(key, text(value as string | number | boolean), "given");
    map.set(key.toLowerCase(), entry);
    given.push(key);
  }
  const derive = (key: string, value: string | readonly string[] | null) => {
    const lower = key.toLowerCase();
    if (map.has(lower)) return;
    let entry: ContextEntry;
    if (value === null) entry = ContextEntry.unknownValue(key, "derived");
    else if (typeof value === "string") entry = ContextEntry.single(key, value, "derived");
    else entry = new ContextEntry(key, value, true, "derived");
    map.set(lower, entry);
    derived.push(key);
  };

  const c = input.caller;
  const iam = isIamCaller(c);
  // Principal keys (R112 table).
  if (iam) {
    const principalArn = c.kind === "role-session" ? roleArnOf(c)! : c.text;
    derive("aws:PrincipalArn", principalArn);
    derive("aws:PrincipalAccount", c.account!);
  }
  const type =
    c.kind === "root"
      ? "Account"
      : c.kind === "user"
        ? "User"
        : c.kind === "federated-user"
          ? "FederatedUser"
          : c.kind === "role-session"
            ? "AssumedRole"
            : c.kind === "anonymous"
              ? "Anonymous"
              : null;
  if (type !== null) derive("aws:PrincipalType", type);
  if (c.kind === "user") derive("aws:username", c.name!);
  if (c.kind === "root") derive("aws:userid", c.account!);
  if (c.kind === "federated-user") derive("aws:userid", `${c.account}:${c.name}`);
  if (c.kind === "anonymous") derive("aws:userid", "anonymous");
  for (const [k, v] of Object.entries(input.principalTags ?? {})) derive(`aws:PrincipalTag/${k}`, v);
  if (iam) derive("aws:PrincipalIsAWSService", "false");
  if (c.kind === "service") {
    derive("aws:PrincipalIsAWSService", "true");
    derive("aws:PrincipalServiceName", c.service!);
  }
  // Temporary credentials carry MFA state and an issue time (R102, R54); long-term keys do not.
  const temporary = input.credentials !== null && input.credentials !== "long-term";
  if (iam && temporary) {
    derive("aws:MultiFactorAuthPresent", "false");
    derive("aws:TokenIssueTime", null);
  }
  if (iam || c.kind === "service") {
    const calledVia = map.get("aws:calledvia");
    derive("aws:ViaAWSService", calledVia !== undefined && calledVia.values.length > 0 ? "true" : "false");
  }
  // Resource keys.
  if (input.resourceAccount !== null) derive("aws:ResourceAccount", input.resourceAccount);
  for (const [k, v] of Object.entries(input.resourceTags ?? {})) derive(`aws:ResourceTag/${k}`, v);
  if (input.resourceArn !== null && input.resourceArn.region !== "") derive("aws:RequestedRegion", input.resourceArn.region);
  else if (input.service === "iam") derive("aws:RequestedRegion", "us-east-1");
  // Keys of an assume call that passes tags or a source identity (R100, R101).
  if (input.sessionTags !== null) {
    for (const [k, v] of Object.entries(input.sessionTags)) derive(`aws:RequestTag/${k}`, v);
    derive("aws:TagKeys", Object.keys(input.sessionTags));
    if (input.transitiveTagKeys.length > 0) derive("sts:TransitiveTagKeys", input.transitiveTagKeys);
  }
  if (input.sourceIdentity !== null) derive("sts:SourceIdentity", input.sourceIdentity);
  // Clock (R113): one clock key gives the other; neither is invented.
  const current = map.get("aws:currenttime");
  const epoch = map.get("aws:epochtime");
  if (current !== undefined && epoch === undefined && current.text !== null) {
    const s = parseDateSeconds(current.text);
    if (!Number.isNaN(s)) derive("aws:EpochTime", String(s));
  } else if (epoch !== undefined && current === undefined && epoch.text !== null) {
    const s = parseDateSeconds(epoch.text);
    if (!Number.isNaN(s)) derive("aws:CurrentTime", formatDateSeconds(s));
  }
  const clockMissing = !map.has("aws:currenttime") && !map.has("aws:epochtime");
  return { context: map, given, derived, clockMissing };
}
