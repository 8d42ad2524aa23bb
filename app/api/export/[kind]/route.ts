// Download my data as CSV: review history (`reviews`), practice answers (`answers`) and mock
// exam attempts (`attempts`). Only the signed-in learner's rows; a visitor gets 401. Served as
// an attachment, never cached.
import { getCurrentUser } from "@/lib/auth/session";
import { listAnswersForExport, listAttemptsForExport, listReviewLogsForExport } from "@/lib/db/stats";
import { getSettings } from "@/lib/db/users";
import { studyDayOf } from "@/lib/srs";
import { toCsv, usableStudyDay } from "@/lib/progress";

export const dynamic = "force-dynamic";

const KINDS = ["reviews", "answers", "attempts"] as const;
type Kind = (typeof KINDS)[number];

const RATING_NAMES = ["", "again", "hard", "good", "easy"];
const STATE_NAMES = ["new", "learning", "review", "relearning"];

function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response("sign in to download your data\n", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  if (!isKind(kind)) return new Response(`unknown export \`${kind}\`: use reviews, answers or attempts\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

  const now = new Date();
  const settings = await getSettings(user.id);
  const { timeZone, rolloverHour } = usableStudyDay(settings.timeZone, settings.dayRolloverHour);
  const dayOf = (d: Date) => {
    const day = studyDayOf(d, timeZone, rolloverHour);
    return day.ok ? day.value : "";
  };

  let csv: string;
  if (kind === "reviews") {
    const rows = await listReviewLogsForExport(user.id);
    csv = toCsv(
      ["reviewed_at", "study_day", "item_id", "item_kind", "source", "rating", "rating_name", "correct", "confidence", "duration_ms", "state_before", "state_after", "due_after", "scheduled_days", "stability", "difficulty", "undone"],
      rows.map((r) => [
        r.reviewedAt,
        dayOf(r.reviewedAt),
        r.itemId,
        r.itemKind,
        r.source,
        r.rating,
        RATING_NAMES[r.rating] ?? "",
        r.correct,
        r.confidence,
        r.durationMs,
        STATE_NAMES[r.stateBefore] ?? String(r.stateBefore),
        STATE_NAMES[r.stateAfter] ?? String(r.stateAfter),
        r.dueAfter,
        r.scheduledDays,
        round(r.stabilityAfter),
        round(r.difficultyAfter),
        r.undone,
      ]),
    );
  } else if (kind === "answers") {
    const rows = await listAnswersForExport(user.id);
    csv = toCsv(
      ["answered_at", "study_day", "question_id", "variant", "selected", "correct", "confidence", "source", "duration_ms"],
      rows.map((r) => [r.answeredAt, dayOf(r.answeredAt), r.questionId, r.variant, r.selected.join(" "), r.correct, r.confidence, r.source, r.durationMs]),
    );
  } else {
    const rows = await listAttemptsForExport(user.id);
    csv = toCsv(
      ["attempt_id", "exam", "form", "status", "started_at", "deadline", "submitted_at", "questions", "unscored", "answered", "raw_score", "scaled_score_estimate", "passed"],
      rows.map((r) => [r.id, r.examId, r.form, r.status, r.startedAt, r.deadline, r.submittedAt, r.questionCount, r.unscoredCount, r.answeredCount, r.rawScore, r.scaledScore, r.passed]),
    );
  }

  const filename = `iam-exam-prep-${kind}-${dayOf(now) || now.toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
