// The public entry of lib/exam: mock exams built from a blueprint (assembly by domain weight,
// seeded), their timing and their scoring. Pure functions; `now` and seeds are arguments.

export { apportion, apportionCapped } from "./apportion";
export {
  type AssembledExam,
  type AssembleFailure,
  assembleExam,
  type AssembleInput,
  type CandidateQuestion,
  type DomainFill,
  MAX_MULTIPLE_SHARE,
  MIN_MULTIPLE_SHARE,
  type ResponseType,
} from "./assemble";
export { type Blueprint, type BlueprintDomain, type BlueprintProblem, checkBlueprint, listBlueprintProblems, unscoredCount } from "./blueprint";
export { checkExamForm, type ExamForm, type ExamFormFailure, MAX_FOCUSED_COUNT, MAX_FOCUSED_MINUTES } from "./exam-form";
export type { ExamResult } from "./result";
export { createRng, hashString, pick, randomInt, type Rng, shuffle } from "./rng";
export {
  type AnswerChange,
  type AnswerChangeStats,
  answerChangeStats,
  type AttemptScore,
  type DomainScore,
  estimateScaledScore,
  isAnswerCorrect,
  SCALED_SCORE_CUT_PERCENT,
  SCALED_SCORE_METHOD,
  type ScoredItem,
  scoreAttempt,
} from "./scoring";
export { examDeadline, type ExamTiming, formTiming, isExpired, remainingMs } from "./timer";
export {
  type AnswerState,
  applySelection,
  type AttemptReport,
  type AttemptStatus,
  buildAttemptReport,
  checkWritable,
  type Confidence,
  decideFinalization,
  describeAnswerChanges,
  type FinalizeDecision,
  type FinalizeTrigger,
  isCompleteSelection,
  normaliseSelection,
  type ReportItem,
  type ReportItemInput,
  type WriteRefusal,
} from "./attempt";
export { type BankQuestion, blueprintFromExam, buildCandidatePool, countedDomain, countPoolByDomain, type ExamFacts, parseTaskId } from "./catalog";
