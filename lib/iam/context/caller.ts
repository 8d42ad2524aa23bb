// Who calls (R9): the caller kind read from `request.principal`, with the account,
// names and, for a role session, the role it belongs to. A role ARN never signs a
// request, so it is not a valid caller. The contract adds `federated:PROVIDER` for
// web-identity and SAML callers and `anonymous` for unsigned requests.

export type CallerKind = "root" | "user" | "role-session" | "federated-user" | "service" | "web-identity" | "anonymous";

export interface Caller {
  readonly kind: CallerKind;
  /** `request.principal` as written. */
  readonly text: string;
  readonly partition: string | null;
  readonly account: string | null;
  /** User name, role name (sessions) or federated-user name. */
  readonly name: string | null;
  /** Path of an IAM user (`/` when none). */
  readonly path: string | null;
  /** Session name of a role session. */
  readonly session: string | null;
  /** Service principal name, lower case. */
  readonly service: string | null;
  /** Identity provider of a web-identity or SAML caller. */
  readonly provider: string | null;
}

const ACCOUNT = /^\d{12}$/;
const PARTITION = /^aws(?:-[a-z]+)*$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(?:\.cn)?$/i;
const NAME = /^[\w+=,.@-]+$/;

export type CallerError = string;

function base(kind: CallerKind, text: string): Caller {
  return { kind, text, partition: null, account: null, name: null, path: null, session: null, service: null, provider: null };
}

/** Reads `request.principal`; returns a sentence saying what is wrong when it cannot. */
export function parseCaller(text: string): Caller | CallerError {
  if (text === "anonymous") return base("anonymous", text);
  if (text.startsWith("federated:")) {
    const provider = text.slice("federated:".length);
    if (provider.length === 0) return "a web-identity caller is written federated:PROVIDER, and PROVIDER is empty";
    return { ...base("web-identity", text), provider };
  }
  if (!text.startsWith("arn:")) {
    if (SERVICE.test(text)) return { ...base("service", text), service: text.toLowerCase() };
    return `${JSON.stringify(text)} is not a caller: use an IAM user, role session, federated user or root ARN, a service principal such as lambda.amazonaws.com, federated:PROVIDER, or anonymous`;
  }
  const parts = text.split(":");
  if (parts.length !== 6) return `${JSON.stringify(text)} is not an ARN of six colon-separated parts`;
  const [, partition, service, region, account, resource] = parts as [string, string, string, string, string, string];
  if (!PARTITION.test(partition)) return `unknown partition ${JSON.stringify(partition)} in ${JSON.stringify(text)}`;
  if (region !== "") return `a principal ARN has no region, but ${JSON.stringify(text)} names ${JSON.stringify(region)}`;
  if (!ACCOUNT.test(account)) return `the account of ${JSON.stringify(text)} must be 12 digits`;
  if (/[*?]/.test(resource)) return `a caller is one principal; ${JSON.stringify(text)} holds a wildcard`;
  const common = { text, partition, account, path: null, session: null, service: null, provider: null };
  if (service === "iam") {
    if (resource === "root") return { ...common, kind: "root", name: null };
    if (resource.startsWith("user/")) {
      const segments = resource.split("/");
      const name = segments[segments.length - 1]!;
      if (!NAME.test(name)) return `${JSON.stringify(text)} has no valid user name`;
      const path = segments.length > 2 ? `/${segments.slice(1, -1).join("/")}/` : "/";
      return { ...common, kind: "user", name, path };
    }
    if (resource.startsWith("role/")) {
      return "a role ARN never signs a request itself (R9): write the session as arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION";
    }
    return `${JSON.stringify(text)} is not a user or root ARN`;
  }
  if (service === "sts") {
    const segments = resource.split("/");
    if (segments[0] === "assumed-role") {
      if (segments.length !== 3 || !NAME.test(segments[1]!) || !NAME.test(segments[2]!)) {
        return `a role session ARN reads assumed-role/ROLE/SESSION, not ${JSON.stringify(resource)}`;
      }
      return { ...common, kind: "role-session", name: segments[1]!, session: segments[2]! };
    }
    if (segments[0] === "federated-user") {
      if (segments.length !== 2 || !NAME.test(segments[1]!)) return `a federated user ARN reads federated-user/NAME, not ${JSON.stringify(resource)}`;
      return { ...common, kind: "federated-user", name: segments[1]! };
    }
    return `${JSON.stringify(text)} is not a role session or federated user ARN`;
  }
  return `${JSON.stringify(text)} is not a principal ARN (iam or sts)`;
}

/** The role ARN of a role session, without path: the session ARN does not carry it (R9, R43). */
export function roleArnOf(c: Caller): string | null {
  if (c.kind !== "role-session") return null;
  return `arn:${c.partition}:iam::${c.account}:role/${c.name}`;
}

/** True for callers that sign with AWS credentials of an account (users, sessions, root). */
export function isIamCaller(c: Caller): boolean {
  return c.kind === "root" || c.kind === "user" || c.kind === "role-session" || c.kind === "federated-user";
}

