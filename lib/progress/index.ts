// The public entry of lib/progress: what the learner's history says about them — trap
// statuses, wrong-answer and drill sets, streak, heatmap, retention, forecast, mastery,
// calibration, readiness, the plan to the exam date, and CSV for exports. Pure functions: the
// caller loads rows through lib/db and content through lib/content, and passes `now`, seeds
// and the study-day settings. Imports only lib/srs and lib/exam.

export { type ActivityBucket, BUCKET_MS, buildHeatmap, computeStreak, type DayStats, groupByStudyDay, type Heatmap, type HeatmapCell, plural, type RetentionWeek, type Streak, weeklyRetention } from "./activity";
export {
  type AnswerEvent,
  type AnswerSummary,
  type Confidence,
  examEvents,
  type ExamAnswerRow,
  gradeExamAnswers,
  type GradedExamAnswer,
  isConfidence,
  type KeyLookup,
  mergeSummaries,
  summariseEvents,
} from "./answers";
export { type Calibration, type CalibrationCount, type CalibrationRow, MIN_ANSWERS_FOR_VERDICT, summariseCalibration, SURE_TARGET } from "./calibration";
export { csvField, csvLine, type CsvValue, toCsv } from "./csv";
export { addDays, daysBetween, formatDateIn, formatDayLong, formatDayShort, type StudyDay, usableStudyDay, weekdayOf, weekStartOf } from "./days";
export { chooseVariant, type DrillCandidate, type DrillHistory, type DrillPick, type Freshness, pickDrill } from "./drill";
export { buildForecast, type Forecast } from "./forecast";
export { type Interval, wilsonInterval } from "./interval";
export {
  buildMastery,
  type DomainMastery,
  type ExamMastery,
  type LevelCounts,
  MASTERY_LABELS,
  MASTERY_LEVELS,
  type MasteryGroup,
  type MasteryLevel,
  masteredShare,
  questionLevel,
} from "./mastery";
export { FADED_RECALL, type MemoryOfItem, readMemory, type StoredState, STRONG_RECALL } from "./memory";
export { findWeakDomains, type Pace, PACE_DAYS, paceOver, type Plan, planToExam, type WeakDomain, WEAK_DOMAIN_SHARE } from "./plan";
export {
  estimateReadiness,
  MAX_MOCKS,
  MIN_BANK_QUESTIONS,
  MIN_MOCK_SCORED,
  MIN_PER_DOMAIN,
  MIN_PRACTICE_QUESTIONS,
  MOCK_WINDOW_DAYS,
  type PracticeEvidence,
  type Readiness,
  READINESS_METHOD,
  type ReadinessExam,
  type ReadinessResult,
} from "./readiness";
export {
  deriveTrapStatus,
  rankTraps,
  RECENT_MISS_DAYS,
  recentSince,
  TRAP_STATUS_LABELS,
  TRAP_STATUS_RULES,
  type TrapStatus,
  type TrapVerdict,
} from "./trap-status";
export { type AttemptItem, rankWrongInAttempt, rankWrongPractice } from "./wrong-set";
