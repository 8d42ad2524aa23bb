// Parses and validates one policy document for its kind (R24–R29a, R31, R37, R48,
// R69) and compiles it for evaluation: action, resource and principal patterns and
// condition values are read once here, so evaluation only compares. Every problem
// is collected as an issue with its JSON path; nothing is thrown for bad input.

import { parseOperator, listOperatorNames } from "../conditions/operators";
import type { ConditionClause } from "../conditions/evaluate";
import { compileConditionValue } from "../conditions/values";
import { didYouMean, describeType, issue, joinIndex, joinKey, q, type Issue, type Parsed } from "../issues";
import { compileAction, isScpActionShape, type ActionPattern } from "../match/action";
import { compileArnPattern, compileArnText, type ArnPattern, type ArnPatternError } from "../match/arn";
import { compilePrincipal, type PrincipalEntry, type PrincipalType } from "../match/principal";
import { mentionsVariable, parseTemplate, staticPieces, usesVariableSyntax, type Template } from "../match/variables";
import type { ActionElement, Policy, PolicyKind, PolicyVersion, PrincipalElement, ResourceElement, ResourceEntry, Statement } from "../types";
import { actionWarnings, conditionKeyWarning, type Catalogue } from "./catalogue";
import { checkPolicySize } from "./size";

export interface ParseOptions {
  /** AWS catalogue for "unknown service/action/condition key" warnings. */
  readonly catalogue?: Catalogue;
}

const POLICY_KEYS = ["Version", "Id", "Statement"] as const;
const STATEMENT_KEYS = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"] as const;
const VERSIONS: readonly PolicyVersion[] = ["2012-10-17", "2008-10-17"];
const PRINCIPAL_TYPES: readonly PrincipalType[] = ["AWS", "Service", "Federated", "CanonicalUser"];

/** Policies stored by IAM: Sids are alphanumeric and unique there (R25). */
const IAM_KINDS: ReadonlySet<PolicyKind> = new Set<PolicyKind>(["identity", "boundary", "session", "trust"]);
/** Policies without a principal element (R27). */
const PRINCIPAL_FORBIDDEN: ReadonlySet<PolicyKind> = new Set<PolicyKind>(["identity", "boundary", "session", "scp"]);
/** Resource-based policies that must name a principal (R27). */
const PRINCIPAL_REQUIRED: ReadonlySet<PolicyKind> = new Set<PolicyKind>(["resource", "key", "trust", "rcp"]);
/** `Id` belongs to resource-side policies (R25). */
const ID_ALLOWED: ReadonlySet<PolicyKind> = new Set<PolicyKind>(["resource", "key", "trust", "rcp", "endpoint"]);

export const POLICY_KIND_NAMES: Readonly<Record<PolicyKind, string>> = {
  identity: "identity policy",
  resource: "resource-based policy",
  trust: "role trust policy",
  key: "key policy",
  boundary: "permissions boundary",
  session: "session policy",
  scp: "service control policy",
  rcp: "resource control policy",
  endpoint: "VPC endpoint policy",
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function has(o: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

interface Item {
  readonly text: string;
  readonly path: string;
}

/** A string or a non-empty array of strings (R26: a one-element array may be a scalar). */
function stringList(value: unknown, path: string, what: string, issues: Issue[]): Item[] | null {
  if (typeof value === "string") return [{ text: value, path }];
  if (!Array.isArray(value)) {
    issues.push(issue("INVALID_TYPE", path, `${what} must be a string or an array of strings, not ${describeType(value)}`));
    return null;
  }
  if (value.length === 0) {
    issues.push(issue("INVALID_TYPE", path, `${what} must list at least one value`));
    return null;
  }
  const out: Item[] = [];
  let ok = true;
  value.forEach((v, i) => {
    const p = joinIndex(path, i);
    if (typeof v === "string") out.push({ text: v, path: p });
    else {
      issues.push(issue("INVALID_TYPE", p, `${what} entries must be strings, not ${describeType(v)}`));
      ok = false;
    }
  });
  return ok ? out : null;
}

class PolicyParser {
  readonly issues: Issue[] = [];
  readonly warnings: Issue[] = [];
  private expand = false;
  private version: PolicyVersion | null = null;

  constructor(
    private readonly kind: PolicyKind,
    private readonly path: string,
    private readonly options: ParseOptions,
  ) {}

  parse(input: unknown): Policy | null {
    const { kind, path } = this;
    const name = POLICY_KIND_NAMES[kind];
    if (!isObject(input)) {
      this.issues.push(issue("INVALID_TYPE", path, `a ${name} must be a JSON object, not ${describeType(input)}`));
      return null;
    }
    for (const key of Object.keys(input)) {
      if (!(POLICY_KEYS as readonly string[]).includes(key)) {
        this.issues.push(issue("UNKNOWN_FIELD", joinKey(path, key), `unknown policy element ${q(key)}${didYouMean(key, POLICY_KEYS)}`));
      }
    }
    if (has(input, "Version")) {
      const v = input.Version;
      if (typeof v === "string" && (VERSIONS as readonly string[]).includes(v)) this.version = v as PolicyVersion;
      else {
        this.issues.push(
          issue("INVALID_VERSION", joinKey(path, "Version"), `Version must be "2012-10-17" or "2008-10-17", not ${q(v)} (R24)`),
        );
      }
    }
    // R68: only 2012-10-17 expands variables; version-less policies act as 2008-10-17.
    this.expand = this.version === "2012-10-17";
    let id: string | undefined;
    if (has(input, "Id")) {
      if (typeof input.Id !== "string") this.issues.push(issue("INVALID_TYPE", joinKey(path, "Id"), `Id must be a string`));
      else if (!ID_ALLOWED.has(kind)) {
        this.issues.push(issue("UNKNOWN_FIELD", joinKey(path, "Id"), `Id is for resource-based policies only, not a ${name} (R25)`));
      } else id = input.Id;
    }
    const statements: Statement[] = [];
    if (!has(input, "Statement")) {
      this.issues.push(issue("MISSING_FIELD", joinKey(path, "Statement"), `a ${name} needs a Statement element (R25)`));
    } else {
      const raw = input.Statement;
      const stPath = joinKey(path, "Statement");
      if (Array.isArray(raw)) {
        raw.forEach((st, i) => {
          const s = this.statement(st, joinIndex(stPath, i), i);
          if (s !== null) statements.push(s);
        });
      } else if (isObject(raw)) {
        const s = this.statement(raw, stPath, 0);
        if (s !== null) statements.push(s);
      } else {
        this.issues.push(issue("INVALID_TYPE", stPath, `Statement must be an object or an array of objects, not ${describeType(raw)}`));
      }
    }
    this.checkSids(statements);
    const size = checkPolicySize(input, kind, path, this.issues, this.warnings);
    if (this.issues.length > 0) return null;
    return { kind, path, version: this.version, id, statements, size, document: input };
  }

  private checkSids(statements: readonly Statement[]): void {
    if (!IAM_KINDS.has(this.kind)) return;
    const seen = new Map<string, number>();
    for (const s of statements) {
      if (s.sid === undefined || s.sid === "") continue;
      const first = seen.get(s.sid);
      if (first !== undefined) {
        this.issues.push(
          issue("DUPLICATE_SID", joinKey(s.path, "Sid"), `Sid ${q(s.sid)} is already used by statement ${first}; Sids are unique within a policy (R25)`),
        );
      } else seen.set(s.sid, s.index);
    }
  }

  private statement(raw: unknown, path: string, index: number): Statement | null {
    const { kind } = this;
    const before = this.issues.length;
    if (!isObject(raw)) {
      this.issues.push(issue("INVALID_TYPE", path, `a statement must be a JSON object, not ${describeType(raw)}`));
      return null;
    }
    for (const key of Object.keys(raw)) {
      if (!(STATEMENT_KEYS as readonly string[]).includes(key)) {
        this.issues.push(issue("UNKNOWN_FIELD", joinKey(path, key), `unknown statement element ${q(key)}${didYouMean(key, STATEMENT_KEYS)}`));
      }
    }
    // Sid (R25)
    let sid: string | undefined;
    if (has(raw, "Sid")) {
      const v = raw.Sid;
      if (typeof v !== "string") this.issues.push(issue("INVALID_SID", joinKey(path, "Sid"), `Sid must be a string, not ${describeType(v)}`));
      else if (IAM_KINDS.has(kind) && !/^[A-Za-z0-9]*$/.test(v)) {
        this.issues.push(
          issue("INVALID_SID", joinKey(path, "Sid"), `Sid ${q(v)} may hold only letters and digits in a ${POLICY_KIND_NAMES[kind]} (R25)`),
        );
      } else sid = v;
    }
    // Effect (R25)
    let effect: "Allow" | "Deny" | null = null;
    if (!has(raw, "Effect")) this.issues.push(issue("MISSING_FIELD", joinKey(path, "Effect"), `a statement needs an Effect, "Allow" or "Deny" (R25)`));
    else if (raw.Effect === "Allow" || raw.Effect === "Deny") effect = raw.Effect;
    else {
      const v = raw.Effect;
      const hint = typeof v === "string" ? didYouMean(v, ["Allow", "Deny"]) : "";
      this.issues.push(issue("INVALID_EFFECT", joinKey(path, "Effect"), `Effect must be exactly "Allow" or "Deny", not ${q(v)}${hint} (R25)`));
    }
    const action = this.actionElement(raw, path);
    const resource = this.resourceElement(raw, path);
    const principal = this.principalElement(raw, path, effect);
    const conditions = has(raw, "Condition") ? this.conditionBlock(raw.Condition, joinKey(path, "Condition")) : [];
    const rcpFullAccess = kind === "rcp" && effect === "Allow" && this.checkRcpAllow(raw, path);
    if (kind === "rcp" && has(raw, "NotAction")) {
      this.issues.push(issue("RCP_INVALID", joinKey(path, "NotAction"), `resource control policies do not support NotAction (R28)`));
    }
    if (this.issues.length > before || effect === null || action === null || conditions === null) return null;
    return { index, path, sid, effect, action, resource, principal, conditions, rcpFullAccess, document: raw };
  }

  /** R28: only the built-in RCPFullAWSAccess statement may Allow in an RCP. */
  private checkRcpAllow(raw: Record<string, unknown>, path: string): boolean {
    const isStar = (v: unknown) => v === "*" || (Array.isArray(v) && v.length === 1 && v[0] === "*");
    const full =
      raw.Principal === "*" &&
      isStar(raw.Action) &&
      isStar(raw.Resource) &&
      !has(raw, "Condition") &&
      !has(raw, "NotAction") &&
      !has(raw, "NotResource") &&
      !has(raw, "NotPrincipal");
    if (!full) {
      this.issues.push(
        issue(
          "RCP_INVALID",
          joinKey(path, "Effect"),
          `only the built-in RCPFullAWSAccess statement (Allow, Principal "*", Action "*", Resource "*", no Condition) may use Allow in a resource control policy; customer RCPs deny (R28)`,
        ),
      );
    }
    return full;
  }

  private actionElement(raw: Record<string, unknown>, path: string): ActionElement | null {
    const hasAction = has(raw, "Action");
    const hasNot = has(raw, "NotAction");
    if (hasAction === hasNot) {
      this.issues.push(
        issue(
          "ACTION_REQUIRED",
          hasAction ? joinKey(path, "NotAction") : joinKey(path, "Action"),
          hasAction ? `a statement has Action or NotAction, not both (R26)` : `a statement needs an Action or a NotAction (R26)`,
        ),
      );
      return null;
    }
    const field = hasAction ? "Action" : "NotAction";
    const items = stringList(raw[field], joinKey(path, field), field, this.issues);
    if (items === null) return null;
    const patterns: ActionPattern[] = [];
    let ok = true;
    for (const item of items) {
      if (this.expand && mentionsVariable(item.text) && usesVariableSyntax(parseTemplate(item.text))) {
        this.issues.push(issue("VARIABLE_NOT_ALLOWED", item.path, `policy variables do not work in ${field} (R69)`));
        ok = false;
        continue;
      }
      const p = compileAction(item.text);
      if (p === "prefix-wildcard") {
        this.issues.push(issue("INVALID_ACTION", item.path, `${q(item.text)}: the service prefix must be literal, without wildcards (R31)`));
        ok = false;
      } else if (p === "format") {
        this.issues.push(issue("INVALID_ACTION", item.path, `${q(item.text)} is not an action: write "*" or service:ActionName, e.g. "s3:GetObject" (R31)`));
        ok = false;
      } else {
        if (this.kind === "scp" && !isScpActionShape(item.text)) {
          this.issues.push(
            issue("SCP_INVALID", item.path, `${q(item.text)}: in an SCP, * and ? may stand only alone or at the end of the action name, e.g. "ec2:Describe*" (R28)`),
          );
          ok = false;
        }
        patterns.push(p);
        if (this.options.catalogue !== undefined) this.warnings.push(...actionWarnings(p, item.path, this.options.catalogue));
      }
    }
    return ok ? { negated: !hasAction, values: items.map((i) => i.text), patterns } : null;
  }

  private resourceElement(raw: Record<string, unknown>, path: string): ResourceElement | null {
    const hasRes = has(raw, "Resource");
    const hasNot = has(raw, "NotResource");
    if (this.kind === "trust") {
      // R26: the role is implied; IAM rejects Resource in a trust policy.
      for (const field of ["Resource", "NotResource"]) {
        if (has(raw, field)) {
          this.issues.push(
            issue("RESOURCE_NOT_ALLOWED", joinKey(path, field), `a role trust policy has no ${field}: the role it is attached to is implied (R26)`),
          );
        }
      }
      return null;
    }
    if (hasRes === hasNot) {
      this.issues.push(
        issue(
          "RESOURCE_REQUIRED",
          hasRes ? joinKey(path, "NotResource") : joinKey(path, "Resource"),
          hasRes
            ? `a statement has Resource or NotResource, not both (R26)`
            : `a statement in a ${POLICY_KIND_NAMES[this.kind]} needs a Resource or a NotResource (R26)`,
        ),
      );
      return null;
    }
    const field = hasRes ? "Resource" : "NotResource";
    const items = stringList(raw[field], joinKey(path, field), field, this.issues);
    if (items === null) return null;
    const entries: ResourceEntry[] = [];
    let ok = true;
    for (const item of items) {
      const e = this.resourceEntry(item, field);
      if (e === null) ok = false;
      else entries.push(e);
    }
    return ok ? { negated: !hasRes, values: items.map((i) => i.text), entries } : null;
  }

  private resourceEntry(item: Item, field: string): ResourceEntry | null {
    let template: Template | null = null;
    if (this.expand && mentionsVariable(item.text)) {
      const t = parseTemplate(item.text);
      if (usesVariableSyntax(t)) template = t;
    }
    const pattern = template === null ? compileArnText(item.text) : compileArnPattern(staticPieces(template), item.text);
    if (typeof pattern === "string") {
      this.issues.push(issue("INVALID_RESOURCE", item.path, resourceMessage(item.text, pattern, field)));
      return null;
    }
    if (template !== null && template.hasVariables) {
      // R37, R69: variables only in the resource part, after the fifth colon.
      if (pattern.short || !variablesAfterFifthColon(template)) {
        this.issues.push(
          issue("VARIABLE_NOT_ALLOWED", item.path, `${q(item.text)}: policy variables work only in the resource part of an ARN, after the fifth colon (R37, R69)`),
        );
        return null;
      }
      return { source: item.text, pattern: null, template };
    }
    return { source: item.text, pattern, template: null };
  }

  private principalElement(raw: Record<string, unknown>, path: string, effect: "Allow" | "Deny" | null): PrincipalElement | null {
    const { kind } = this;
    const name = POLICY_KIND_NAMES[kind];
    const hasP = has(raw, "Principal");
    const hasNot = has(raw, "NotPrincipal");
    if (PRINCIPAL_FORBIDDEN.has(kind)) {
      if (hasP) this.issues.push(issue("PRINCIPAL_NOT_ALLOWED", joinKey(path, "Principal"), `a ${name} names no Principal: it applies to whoever it is attached to (R27)`));
      if (hasNot) this.issues.push(issue("NOT_PRINCIPAL_NOT_ALLOWED", joinKey(path, "NotPrincipal"), `a ${name} cannot use NotPrincipal (R27)`));
      return null;
    }
    if (hasNot) {
      if (kind === "trust" || kind === "rcp") {
        this.issues.push(issue("NOT_PRINCIPAL_NOT_ALLOWED", joinKey(path, "NotPrincipal"), `a ${name} cannot use NotPrincipal (R27)`));
        return null;
      }
      if (effect === "Allow") {
        this.issues.push(issue("NOT_PRINCIPAL_NOT_ALLOWED", joinKey(path, "NotPrincipal"), `NotPrincipal may only be used with "Effect": "Deny" (R27)`));
        return null;
      }
    }
    if (hasP && hasNot) {
      this.issues.push(issue("INVALID_PRINCIPAL", joinKey(path, "NotPrincipal"), `a statement has Principal or NotPrincipal, not both (R27)`));
      return null;
    }
    if (!hasP && !hasNot) {
      if (PRINCIPAL_REQUIRED.has(kind)) {
        this.issues.push(issue("PRINCIPAL_REQUIRED", joinKey(path, "Principal"), `a statement in a ${name} must name a Principal (R27)`));
      }
      return null; // endpoint policy without Principal: everyone
    }
    const field = hasP ? "Principal" : "NotPrincipal";
    const value = raw[field];
    const p = joinKey(path, field);
    if (kind === "rcp") {
      if (value !== "*") {
        this.issues.push(issue("RCP_INVALID", p, `an RCP statement's Principal is always "*"; narrow it with conditions (R27, R28)`));
        return null;
      }
    }
    if (value === "*") return { negated: !hasP, entries: [{ type: "any", text: "*" }] };
    if (!isObject(value)) {
      this.issues.push(issue("INVALID_PRINCIPAL", p, `${field} must be "*" or an object such as {"AWS": "111122223333"}, not ${describeType(value)}`));
      return null;
    }
    const entries: PrincipalEntry[] = [];
    let ok = true;
    const keys = Object.keys(value);
    if (keys.length === 0) {
      this.issues.push(issue("INVALID_PRINCIPAL", p, `${field} names no principal`));
      return null;
    }
    for (const type of keys) {
      const tp = joinKey(p, type);
      if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
        this.issues.push(issue("UNKNOWN_FIELD", tp, `unknown principal type ${q(type)}${didYouMean(type, PRINCIPAL_TYPES)}: use AWS, Service, Federated or CanonicalUser (R40)`));
        ok = false;
        continue;
      }
      const items = stringList(value[type], tp, `${field}.${type}`, this.issues);
      if (items === null) {
        ok = false;
        continue;
      }
      for (const item of items) {
        if (this.expand && mentionsVariable(item.text) && usesVariableSyntax(parseTemplate(item.text))) {
          this.issues.push(issue("VARIABLE_NOT_ALLOWED", item.path, `policy variables do not work in ${field} (R69)`));
          ok = false;
          continue;
        }
        const e = compilePrincipal(type as PrincipalType, item.text);
        if (typeof e === "string") {
          this.issues.push(issue("INVALID_PRINCIPAL", item.path, `${q(item.text)}: ${e}`));
          ok = false;
        } else entries.push(e);
      }
    }
    return ok ? { negated: !hasP, entries } : null;
  }

  private conditionBlock(raw: unknown, path: string): ConditionClause[] | null {
    if (!isObject(raw)) {
      this.issues.push(issue("INVALID_TYPE", path, `Condition must be an object of operators, not ${describeType(raw)}`));
      return null;
    }
    const clauses: ConditionClause[] = [];
    let ok = true;
    for (const opName of Object.keys(raw)) {
      const opPath = joinKey(path, opName);
      const op = parseOperator(opName);
      if (op === null) {
        this.issues.push(
          issue("UNKNOWN_CONDITION_OPERATOR", opPath, `unknown condition operator ${q(opName)}${didYouMean(opName, listOperatorNames())} (R29)`),
        );
        ok = false;
        continue;
      }
      const block = raw[opName];
      if (!isObject(block) || Object.keys(block).length === 0) {
        this.issues.push(issue("INVALID_TYPE", opPath, `${opName} must map condition keys to values, e.g. {"aws:SourceIp": "203.0.113.0/24"}`));
        ok = false;
        continue;
      }
      for (const key of Object.keys(block)) {
        const keyPath = joinKey(opPath, key);
        if (this.expand && mentionsVariable(key)) {
          this.issues.push(issue("VARIABLE_NOT_ALLOWED", keyPath, `policy variables do not work in condition key names (R69)`));
          ok = false;
          continue;
        }
        if (!/^[^\s:]+:\S+$/.test(key)) {
          this.issues.push(issue("INVALID_CONDITION_KEY", keyPath, `${q(key)} is not a condition key: keys read prefix:name, e.g. "aws:SourceIp"`));
          ok = false;
          continue;
        }
        if (this.options.catalogue !== undefined) {
          const w = conditionKeyWarning(key, keyPath, this.options.catalogue);
          if (w !== null) this.warnings.push(w);
        }
        const rawValue = block[key];
        const items = conditionValues(rawValue);
        if (items === null) {
          this.issues.push(
            issue("INVALID_CONDITION_VALUE", keyPath, `a condition value is a string, number or boolean, or a non-empty array of them, not ${describeType(rawValue)}`),
          );
          ok = false;
          continue;
        }
        const values = [];
        for (let i = 0; i < items.length; i++) {
          const vPath = Array.isArray(rawValue) ? joinIndex(keyPath, i) : keyPath;
          const compiled = compileConditionValue(op, items[i]!, this.expand);
          if ("code" in compiled) {
            this.issues.push(issue(compiled.code, vPath, compiled.message));
            ok = false;
          } else values.push(compiled);
        }
        clauses.push({ operator: op, key, keyLower: key.toLowerCase(), rawValues: items, values, path: keyPath });
      }
    }
    return ok ? clauses : null;
  }
}

function conditionValues(v: unknown): string[] | null {
  const one = (x: unknown): string | null =>
    typeof x === "string" ? x : typeof x === "number" && Number.isFinite(x) ? String(x) : typeof x === "boolean" ? String(x) : null;
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    const out: string[] = [];
    for (const x of v) {
      const s = one(x);
      if (s === null) return null;
      out.push(s);
    }
    return out;
  }
  const s = one(v);
  return s === null ? null : [s];
}

function resourceMessage(text: string, error: ArnPatternError, field: string): string {
  switch (error) {
    case "not-arn":
    case "bad-prefix":
      return `${q(text)} is not a resource: ${field} takes "*" or an ARN such as "arn:aws:s3:::bucket/*" (R34, R35)`;
    case "short-without-star":
      return `${q(text)} has fewer than six ARN parts; a shortened ARN must end with * (R36)`;
    case "service-wildcard":
      return `${q(text)}: the service part of an ARN cannot hold a wildcard (R37)`;
  }
}

/** R37, R69: every variable of a Resource template must come after the ARN's fifth colon. */
function variablesAfterFifthColon(t: Template): boolean {
  let colons = 0;
  for (const piece of t.pieces) {
    if (piece.kind === "var") {
      if (colons < 5) return false;
      continue;
    }
    for (let i = 0; i < piece.text.length && colons < 5; i++) if (piece.text[i] === ":") colons++;
  }
  return true;
}

/** Parses and validates one policy document of `kind` (R24–R29a). */
export function parsePolicy(input: unknown, kind: PolicyKind, path = "", options: ParseOptions = {}): Parsed<Policy> {
  const parser = new PolicyParser(kind, path, options);
  const policy = parser.parse(input);
  if (policy === null || parser.issues.length > 0) {
    return { ok: false, issues: parser.issues.length > 0 ? parser.issues : [issue("INVALID_TYPE", path, "invalid policy")] };
  }
  return { ok: true, value: policy, warnings: parser.warnings };
}

export type { ArnPattern };
