// The public entry of lib/srs: spaced repetition for cards and questions (FSRS through
// ts-fsrs), the learner's study day, and the study queue. Pure functions; time, time zone
// and seeds are always arguments.

export { CARD_STATE_NAMES, type CardFields, type CardStateName, type CardStateValue, createNewCardFields, isCardStateValue } from "./card-state";
export { formatInterval } from "./interval-label";
export {
  buildQueue,
  type BuildQueueInput,
  forecastDue,
  type ForecastDay,
  type QueueEntry,
  type QueueItemState,
  type StudyQueue,
} from "./queue";
export {
  type Confidence,
  DEFAULT_QUICK_THRESHOLD_MS,
  type QuestionOutcome,
  RATING_VALUES,
  ratingFromValue,
  rateQuestion,
  type RatingValue,
  REVIEW_RATINGS,
  type ReviewRating,
} from "./rating";
export type { SrsResult } from "./result";
export { retrievability } from "./retrievability";
export {
  checkDesiredRetention,
  type IntervalPreview,
  MAX_DESIRED_RETENTION,
  MIN_DESIRED_RETENTION,
  nextReview,
  previewIntervals,
  type ReviewLogFields,
  type ReviewOutcome,
  type ScheduleFailure,
  type ScheduleOptions,
} from "./schedule";
export {
  addDays,
  checkStudyDaySettings,
  endOfStudyDay,
  startOfStudyDay,
  type StudyDay,
  type StudyDayFailure,
  studyDayOf,
  studyDayRange,
  type StudyDayResult,
} from "./study-day";
