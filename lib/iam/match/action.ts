// Action and NotAction entries (R30–R32). Service prefix and action name compare
// without case; the name part takes `*` and `?`; `*` alone matches every action of
// every service. [AMBIGUOUS] R31: a wildcard in the service prefix is undocumented
// and rejected at parse time.

import { InternTable } from "./intern";
import { compileGlob, matchGlob, type Glob } from "./wildcard";

export interface ActionPattern {
  readonly source: string;
  readonly all: boolean;
  /** Lower-case service prefix. */
  readonly service: string;
  /** Lower-case name pattern. */
  readonly name: Glob;
}

export type ActionPatternError = "format" | "prefix-wildcard";

const PREFIX = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const NAME = /^[A-Za-z0-9_*?.-]+$/;

const actions = new InternTable<ActionPattern | ActionPatternError>();

/** Compiles an Action/NotAction entry (shared across equal entries). */
export function compileAction(source: string): ActionPattern | ActionPatternError {
  return actions.get(source, compileActionText);
}

function compileActionText(source: string): ActionPattern | ActionPatternError {
  if (source === "*") return { source, all: true, service: "", name: compileGlob("*") };
  const colon = source.indexOf(":");
  if (colon <= 0) return "format";
  const prefix = source.slice(0, colon);
  const name = source.slice(colon + 1);
  if (prefix.includes("*") || prefix.includes("?")) return "prefix-wildcard";
  if (!PREFIX.test(prefix) || !NAME.test(name)) return "format";
  return { source, all: false, service: prefix.toLowerCase(), name: compileGlob(name.toLowerCase()) };
}

/** `service` and `name` are the request's, already lower case. */
export function matchAction(p: ActionPattern, service: string, name: string): boolean {
  return p.all || (p.service === service && matchGlob(p.name, name));
}

const REQUEST_ACTION = /^([A-Za-z0-9][A-Za-z0-9-]*):([A-Za-z0-9_.-]+)$/;

/** Splits a request action (`s3:GetObject`) into lower-case prefix and name; null if malformed. */
export function splitRequestAction(action: string): { service: string; name: string } | null {
  const m = REQUEST_ACTION.exec(action);
  if (m === null) return null;
  return { service: m[1]!.toLowerCase(), name: m[2]!.toLowerCase() };
}

/** R28: in an SCP, `*` and `?` may stand only alone or as the last character of the name. */
export function isScpActionShape(source: string): boolean {
  if (source === "*") return true;
  const name = source.slice(source.indexOf(":") + 1);
  for (let i = 0; i < name.length - 1; i++) {
    const c = name[i];
    if (c === "*" || c === "?") return false;
  }
  return true;
}
