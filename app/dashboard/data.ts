// Everything the progress dashboard shows, read once per request: the learner's statistics
// (lib/db/stats), the bank (lib/content) and the pure computations of lib/progress. Server only;
// `now` is read once by the page and passed in.
import { listCards, listExams, listQuestions, listTraps, type Exam } from "@/lib/content";
import { countNewReviewsSince, listReviewStates } from "@/lib/db/reviews";
import { countDueByKind, countStatesByKind, listActivityBuckets, listCalibrationCounts } from "@/lib/db/stats";
import { getSettings } from "@/lib/db/users";
import {
  addDays,
  buildForecast,
  buildHeatmap,
  buildMastery,
  type Calibration,
  type CalibrationCount,
  computeStreak,
  estimateReadiness,
  type ExamMastery,
  findWeakDomains,
  type Forecast,
  groupByStudyDay,
  type Heatmap,
  isConfidence,
  type Pace,
  paceOver,
  type Plan,
  planToExam,
  type Readiness,
  readMemory,
  type RetentionWeek,
  type Streak,
  summariseCalibration,
  usableStudyDay,
  weeklyRetention,
  wilsonInterval,
  type Interval,
  type StudyDay,
} from "@/lib/progress";
import { isCardStateValue, studyDayOf, studyDayRange } from "@/lib/srs";
import { loadAnswerEvidence } from "../practice/data";
import { buildTrapRows, type TrapRow } from "../traps/rows";

/** Flashcard states are stored under `card:<card id>` (see app/review/data.ts). */
const CARD_PREFIX = "card:";
const HISTORY_DAYS = 366;
const CHART_WEEKS = 26;

export interface DashboardData {
  timeZone: string;
  rolloverHour: number;
  today: StudyDay;
  hasHistory: boolean;
  todayStats: { dueNow: number; dueCards: number; dueQuestions: number; newCardsToday: number; unseenCards: number; unseenQuestions: number; doneToday: number; streak: Streak };
  heatmap: Heatmap;
  retention: { weeks: RetentionWeek[]; desired: number; overall: { reviews: number; recalled: number; rate: number | null; band: Interval } };
  forecast: Forecast | null;
  states: Array<{ state: string; cards: number; questions: number }>;
  mastery: ExamMastery[];
  calibration: Calibration;
  readiness: Readiness[];
  plan: Plan;
  pace: Pace;
  examDate: StudyDay | null;
  targetExam: string | null;
  weakestTrap: TrapRow | null;
  attempts: number;
}

function domainsOf(questionTasks: readonly string[], examId: string): string[] {
  const out = new Set<string>();
  for (const t of questionTasks) {
    const m = /^([^:]+):(\d+)\.\d+$/.exec(t);
    if (m && m[1] === examId && m[2]) out.add(m[2]);
  }
  return [...out];
}

function readinessFor(exam: Exam, evidence: Awaited<ReturnType<typeof loadAnswerEvidence>>, memory: ReturnType<typeof readMemory>, now: Date): Readiness {
  const questions = listQuestions({ exam: exam.id });
  const bankCounts: Record<string, number> = {};
  const domainsById = new Map<string, string[]>();
  for (const q of questions) {
    const ds = domainsOf(q.tasks, exam.id);
    domainsById.set(q.id, ds);
    for (const d of ds) bankCounts[d] = (bankCounts[d] ?? 0) + 1;
  }
  const practice = [...evidence.practice.values()].flatMap((s) => {
    const ds = domainsById.get(s.questionId);
    return ds && ds.length ? [{ questionId: s.questionId, domains: ds, latestCorrect: s.latestCorrect, recall: memory.get(s.questionId)?.retrievability ?? null }] : [];
  });
  const mocks = evidence.attempts
    .filter((a) => a.examId === exam.id)
    .map((a) => {
      const unscored = new Set(a.unscoredIds);
      const mine = evidence.examAnswers.filter((x) => x.attemptId === a.id && !unscored.has(x.questionId) && x.correct !== null);
      return { correct: mine.filter((x) => x.correct === true).length, scored: mine.length, submittedAt: a.endedAt };
    });
  return estimateReadiness({
    exam: {
      id: exam.id,
      title: exam.title,
      scoredCount: exam.questions.scored,
      score: exam.score,
      domains: exam.domains.map((d) => ({ id: String(d.number), title: d.title, weight: d.weight })),
    },
    bankCounts,
    practice,
    mocks,
    now,
  });
}

export async function loadDashboard(userId: string, now: Date): Promise<DashboardData> {
  const settings = await getSettings(userId);
  const { timeZone, rolloverHour } = usableStudyDay(settings.timeZone, settings.dayRolloverHour);
  const todayResult = studyDayOf(now, timeZone, rolloverHour);
  if (!todayResult.ok) throw new Error(todayResult.message);
  const today = todayResult.value;
  const windowStartDay = addDays(today, -HISTORY_DAYS);
  const windowRange = studyDayRange(windowStartDay, timeZone, rolloverHour);
  const todayRange = studyDayRange(today, timeZone, rolloverHour);
  if (!windowRange.ok || !todayRange.ok) throw new Error("study-day settings were checked but failed");

  const [buckets, evidence, states, stateCounts, dueByKind, calibrationCounts, newCardsToday] = await Promise.all([
    listActivityBuckets(userId, windowRange.value.start),
    loadAnswerEvidence(userId, now),
    listReviewStates(userId),
    countStatesByKind(userId),
    countDueByKind(userId, now),
    listCalibrationCounts(userId),
    countNewReviewsSince(userId, todayRange.value.start, "card"),
  ]);

  const days = groupByStudyDay(buckets, timeZone, rolloverHour) ?? new Map();
  const reviewsPerDay = new Map([...days].map(([d, s]) => [d, s.reviews]));
  const streak = computeStreak(
    [...days].filter(([, s]) => s.reviews > 0).map(([d]) => d),
    today,
    windowStartDay,
  );
  const memory = readMemory(states, now);

  // Bank items never studied: no review state beyond New.
  const studied = new Set(states.filter((s) => s.state !== 0).map((s) => s.itemId));
  const cards = listCards();
  const questions = listQuestions();
  const unseenCards = cards.filter((c) => !studied.has(`${CARD_PREFIX}${c.id}`)).length;
  const unseenQuestions = questions.filter((q) => !studied.has(q.id) && !evidence.all.has(q.id)).length;

  const retentionWeeks = weeklyRetention(days, today, CHART_WEEKS);
  const matureReviews = retentionWeeks.reduce((s, w) => s + w.reviews, 0);
  const matureRecalled = retentionWeeks.reduce((s, w) => s + w.recalled, 0);

  const forecast = buildForecast(
    states.flatMap((s) => (isCardStateValue(s.state) ? [{ itemId: s.itemId, due: s.due, state: s.state }] : [])),
    now,
    timeZone,
    rolloverHour,
    30,
  );

  const STATE_LABELS = ["New", "Learning", "Review", "Relearning"];
  const stateRows = STATE_LABELS.map((label, state) => ({
    state: label,
    cards: stateCounts.filter((r) => r.itemKind === "card" && r.state === state).reduce((s, r) => s + r.count, 0),
    questions: stateCounts.filter((r) => r.itemKind === "question" && r.state === state).reduce((s, r) => s + r.count, 0),
  }));
  stateRows[0] = { state: "New (not started)", cards: unseenCards, questions: unseenQuestions };

  const exams = listExams();
  const mastery = buildMastery(exams, questions, evidence.all, memory);

  const calibrationInput: CalibrationCount[] = calibrationCounts.flatMap((c) => (isConfidence(c.confidence) ? [{ confidence: c.confidence, correct: c.correct, count: c.count }] : []));
  for (const a of evidence.examAnswers) if (a.answered && a.correct !== null && a.confidence) calibrationInput.push({ confidence: a.confidence, correct: a.correct, count: 1 });

  const readiness = exams.map((e) => readinessFor(e, evidence, memory, now));
  const targetExam = settings.targetExam && exams.some((e) => e.id === settings.targetExam) ? settings.targetExam : null;
  const examDate = settings.examDate ? settings.examDate.toISOString().slice(0, 10) : null;
  const pace = paceOver(days, today);
  const dueNow = (dueByKind.card ?? 0) + (dueByKind.question ?? 0);
  const plan = planToExam({
    today,
    examDay: examDate,
    pace,
    unseenItems: unseenCards + unseenQuestions,
    dueNow,
    newPerDaySetting: settings.newPerDay,
    weakDomains: findWeakDomains(mastery, targetExam ? [targetExam] : undefined),
  });
  const trapRows = buildTrapRows(listTraps(), evidence.all, memory);

  return {
    timeZone,
    rolloverHour,
    today,
    hasHistory: buckets.length > 0 || evidence.attempts.length > 0 || evidence.all.size > 0,
    todayStats: {
      dueNow,
      dueCards: dueByKind.card ?? 0,
      dueQuestions: dueByKind.question ?? 0,
      newCardsToday: Math.min(unseenCards, Math.max(0, settings.newPerDay - newCardsToday)),
      unseenCards,
      unseenQuestions,
      doneToday: days.get(today)?.reviews ?? 0,
      streak,
    },
    heatmap: buildHeatmap(reviewsPerDay, today, CHART_WEEKS),
    retention: {
      weeks: retentionWeeks,
      desired: settings.desiredRetention,
      overall: { reviews: matureReviews, recalled: matureRecalled, rate: matureReviews ? matureRecalled / matureReviews : null, band: wilsonInterval(matureRecalled, matureReviews) },
    },
    forecast,
    states: stateRows,
    mastery,
    calibration: summariseCalibration(calibrationInput),
    readiness,
    plan,
    pace,
    examDate,
    targetExam,
    weakestTrap: trapRows.find((r) => r.verdict.status === "weak") ?? null,
    attempts: evidence.attempts.length,
  };
}
