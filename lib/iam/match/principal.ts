// Principal and NotPrincipal entries (R40–R49) and the grant kind a match is worth
// (R12): `direct` for the caller's own user, session, federated-user or service name
// and for `*` (R16); `entity` for the role of a session or the user behind a
// federated session (R42, R43); `account` for the caller's account (R41). Partial
// wildcards are not principals (R48) and are rejected at parse time.

import { isIamCaller, type Caller } from "../context/caller";
import { note } from "./ambiguity";

export type PrincipalEntry =
  | { readonly type: "any"; readonly text: string }
  | { readonly type: "account"; readonly text: string; readonly partition: string | null; readonly account: string }
  | { readonly type: "user"; readonly text: string; readonly partition: string; readonly account: string; readonly name: string }
  | { readonly type: "role"; readonly text: string; readonly partition: string; readonly account: string; readonly name: string }
  | {
      readonly type: "session";
      readonly text: string;
      readonly partition: string;
      readonly account: string;
      readonly role: string;
      readonly session: string;
    }
  | { readonly type: "federated-user"; readonly text: string; readonly partition: string; readonly account: string; readonly name: string }
  | { readonly type: "service"; readonly text: string; readonly name: string }
  | { readonly type: "federated"; readonly text: string; readonly provider: string }
  | { readonly type: "canonical"; readonly text: string };

export type PrincipalType = "AWS" | "Service" | "Federated" | "CanonicalUser";

/** Grant kinds, strongest last so they compare as numbers. */
export const GRANT_NONE = 0;
export const GRANT_ACCOUNT = 1;
export const GRANT_ENTITY = 2;
export const GRANT_DIRECT = 3;
export type GrantCode = 0 | 1 | 2 | 3;
export type GrantKind = "account" | "entity" | "direct";

export function grantName(code: GrantCode): GrantKind | null {
  return code === GRANT_DIRECT ? "direct" : code === GRANT_ENTITY ? "entity" : code === GRANT_ACCOUNT ? "account" : null;
}

const ACCOUNT = /^\d{12}$/;
const AWS_ARN = /^arn:(aws(?:-[a-z]+)*):(iam|sts)::(\d{12}):(.+)$/;
const NAME = /^[\w+=,.@-]+$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*$/i;

/** Reads one value of a Principal element; a string error says why it is not a principal. */
export function compilePrincipal(type: PrincipalType, text: string): PrincipalEntry | string {
  if (type === "CanonicalUser") {
    return /^[0-9a-f]{64}$/i.test(text) ? { type: "canonical", text } : "a canonical user ID is 64 hexadecimal characters";
  }
  if (type === "Service") {
    if (text.includes("*") || text.includes("?")) return "a service principal is named in full, without wildcards (R48)";
    return SERVICE.test(text) && text.includes(".") ? { type: "service", text, name: text.toLowerCase() } : "a service principal looks like lambda.amazonaws.com";
  }
  if (type === "Federated") {
    if (text.includes("*") || text.includes("?")) return "a federated principal is named in full, without wildcards (R48)";
    if (text.startsWith("arn:")) {
      return /^arn:aws(?:-[a-z]+)*:iam::\d{12}:(?:saml-provider|oidc-provider)\/.+$/.test(text)
        ? { type: "federated", text, provider: text }
        : "a federated provider ARN reads arn:aws:iam::ACCOUNT:saml-provider/NAME or oidc-provider/HOST";
    }
    return /^[\w.-]+(?:\/[\w./-]*)?$/.test(text) ? { type: "federated", text, provider: text } : "not an identity provider name";
  }
  if (text === "*") return { type: "any", text };
  if (ACCOUNT.test(text)) return { type: "account", text, partition: null, account: text };
  if (text.includes("*") || text.includes("?")) {
    return "partial wildcards are not valid principals (R48); name the principal in full, or use \"*\" with an ArnLike condition on aws:PrincipalArn";
  }
  const m = AWS_ARN.exec(text);
  if (m === null) return "an AWS principal is \"*\", a 12-digit account ID, or a root, user, role, assumed-role or federated-user ARN";
  const partition = m[1]!;
  const service = m[2]!;
  const account = m[3]!;
  const resource = m[4]!;
  if (service === "iam") {
    if (resource === "root") return { type: "account", text, partition, account };
    const segments = resource.split("/");
    const name = segments[segments.length - 1]!;
    if (segments.length >= 2 && NAME.test(name)) {
      if (segments[0] === "user") return { type: "user", text, partition, account, name };
      if (segments[0] === "role") return { type: "role", text, partition, account, name };
    }
    return "an IAM principal ARN names root, user/NAME or role/NAME";
  }
  const segments = resource.split("/");
  if (segments[0] === "assumed-role" && segments.length === 3 && NAME.test(segments[1]!) && NAME.test(segments[2]!)) {
    return { type: "session", text, partition, account, role: segments[1]!, session: segments[2]! };
  }
  if (segments[0] === "federated-user" && segments.length === 2 && NAME.test(segments[1]!)) {
    return { type: "federated-user", text, partition, account, name: segments[1]! };
  }
  return "an STS principal ARN reads assumed-role/ROLE/SESSION or federated-user/NAME";
}

/** The user behind a federated-user session (`request.federatedBy`), when the scenario says. */
export interface FederatedBy {
  readonly partition: string;
  readonly account: string;
  readonly name: string;
}

/** How much one entry grants this caller (R12); GRANT_NONE when it does not name it. */
export function grantOf(e: PrincipalEntry, c: Caller, federatedBy: FederatedBy | null): GrantCode {
  switch (e.type) {
    case "any":
      if (c.kind === "service") note("R47");
      return GRANT_DIRECT;
    case "account":
      if (!isIamCaller(c) || c.account !== e.account) return GRANT_NONE;
      return e.partition === null || e.partition === c.partition ? GRANT_ACCOUNT : GRANT_NONE;
    case "user":
      if (c.kind === "user") {
        return c.account === e.account && c.partition === e.partition && c.name === e.name ? GRANT_DIRECT : GRANT_NONE;
      }
      if (c.kind === "federated-user" && federatedBy !== null) {
        return federatedBy.account === e.account && federatedBy.partition === e.partition && federatedBy.name === e.name
          ? GRANT_ENTITY
          : GRANT_NONE;
      }
      return GRANT_NONE;
    case "role":
      return c.kind === "role-session" && c.account === e.account && c.partition === e.partition && c.name === e.name
        ? GRANT_ENTITY
        : GRANT_NONE;
    case "session":
      return c.kind === "role-session" &&
        c.account === e.account &&
        c.partition === e.partition &&
        c.name === e.role &&
        c.session === e.session
        ? GRANT_DIRECT
        : GRANT_NONE;
    case "federated-user":
      return c.kind === "federated-user" && c.account === e.account && c.partition === e.partition && c.name === e.name
        ? GRANT_DIRECT
        : GRANT_NONE;
    case "service":
      return c.kind === "service" && c.service === e.name ? GRANT_DIRECT : GRANT_NONE;
    case "federated":
      return c.kind === "web-identity" && c.provider === e.provider ? GRANT_DIRECT : GRANT_NONE;
    case "canonical":
      return GRANT_NONE;
  }
}

/** Strongest grant over a Principal element's entries. */
export function bestGrant(entries: readonly PrincipalEntry[], c: Caller, federatedBy: FederatedBy | null): GrantCode {
  let best: GrantCode = GRANT_NONE;
  for (let i = 0; i < entries.length; i++) {
    const g = grantOf(entries[i]!, c, federatedBy);
    if (g > best) {
      best = g;
      if (g === GRANT_DIRECT) break;
    }
  }
  return best;
}

/** The entry that gave the strongest grant, for explanations. */
export function bestEntry(entries: readonly PrincipalEntry[], c: Caller, federatedBy: FederatedBy | null): PrincipalEntry | null {
  let best: PrincipalEntry | null = null;
  let bestCode: GrantCode = GRANT_NONE;
  for (const e of entries) {
    const g = grantOf(e, c, federatedBy);
    if (g > bestCode) {
      best = e;
      bestCode = g;
    }
  }
  return best;
}

type Layer = "account" | "user" | "role" | "session" | "federated-user" | "service" | "provider";

function layersOf(c: Caller): readonly Layer[] {
  switch (c.kind) {
    case "root":
      return ["account"];
    case "user":
      return ["account", "user"];
    case "role-session":
      return ["account", "role", "session"];
    case "federated-user":
      return ["account", "federated-user"];
    case "service":
      return ["service"];
    case "web-identity":
      return ["provider"];
    case "anonymous":
      return [];
  }
}

function layerListed(layer: Layer, entries: readonly PrincipalEntry[], c: Caller): boolean {
  for (const e of entries) {
    if (e.type === "any") return true;
    switch (layer) {
      case "account":
        if (e.type === "account" && e.account === c.account && (e.partition === null || e.partition === c.partition)) return true;
        break;
      case "user":
        if (e.type === "user" && e.account === c.account && e.partition === c.partition && e.name === c.name) return true;
        break;
      case "role":
        if (e.type === "role" && e.account === c.account && e.partition === c.partition && e.name === c.name) return true;
        break;
      case "session":
        if (e.type === "session" && e.account === c.account && e.partition === c.partition && e.role === c.name && e.session === c.session) {
          return true;
        }
        break;
      case "federated-user":
        if (e.type === "federated-user" && e.account === c.account && e.partition === c.partition && e.name === c.name) return true;
        break;
      case "service":
        if (e.type === "service" && e.name === c.service) return true;
        break;
      case "provider":
        if (e.type === "federated" && e.provider === c.provider) return true;
        break;
    }
  }
  return false;
}

/**
 * True when a NotPrincipal list exempts the caller. [AMBIGUOUS] R49: AWS may check
 * account, then role, then session, so every layer of the caller must be listed.
 * An anonymous caller is exempt only through `*`.
 */
export function notPrincipalExempts(entries: readonly PrincipalEntry[], c: Caller): boolean {
  const layers = layersOf(c);
  if (layers.length === 0) return entries.some((e) => e.type === "any");
  let listed = 0;
  for (const layer of layers) if (layerListed(layer, entries, c)) listed++;
  if (listed === layers.length) return true;
  // The strict reading decided it only when some, but not all, layers were listed.
  if (listed > 0) note("R49");
  return false;
}
