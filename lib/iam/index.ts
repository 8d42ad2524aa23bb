// The evaluator's public entry point: parse (scenarios, policies), evaluate, explain.
// Everything else in lib/iam is internal. See README.md for the API and the scenario
// extension fields, and shared/iam/SEMANTICS.md for the rules it implements.

export type { Issue, IssueCode, ErrorCode, WarningCode, Parsed } from "./issues";
export type {
  Decision,
  Effect,
  PolicyKind,
  PolicyVersion,
  Policy,
  Statement,
  Scenario,
  RequestInfo,
  CredentialType,
  Evaluation,
  DecidingReason,
  DecisionCode,
  StatementRef,
  SetOutcome,
  SetStage,
  SkipCode,
  ServiceFinding,
  ServiceCode,
  NearMiss,
  FailedElement,
  Stage,
  TraceStep,
} from "./types";
export type { GrantKind } from "./match/principal";
export type { AmbiguousRule } from "./match/ambiguity";
export type { CallerKind } from "./context/caller";
export type { Catalogue, CatalogueNeeds } from "./parse/catalogue";
export type { BatchEntry, BatchResult, ScenarioParseOptions } from "./scenario/parse";

export { parseScenario, parseScenarioText, parseScenarioBatchText } from "./scenario/parse";
export { parsePolicy } from "./parse/policy";
export { evaluate } from "./evaluate/request";
export { explain } from "./explain/trace";
export { collectCatalogueNeeds } from "./parse/catalogue";
export { loadCatalogue } from "./parse/catalogue-load";
export { DEFAULT_RCP_SERVICES } from "./context/request";
export { matchWildcard } from "./match/wildcard";
