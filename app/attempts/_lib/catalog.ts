// The exams and the question bank as exam assembly sees them: blueprints from the compiled exam
// guides and the candidate pool with the learner's "last seen" dates. Server only.
import { getExam, getQuestion, listExams, listQuestions, listTraps, type Exam, type PublicQuestion } from "@/lib/content";
import { listQuestionLastSeen } from "@/lib/db/attempts";
import { AppError } from "@/lib/errors";
import { type Blueprint, blueprintFromExam, buildCandidatePool, type CandidateQuestion } from "@/lib/exam";

export function getBlueprint(examId: string): { exam: Exam; blueprint: Blueprint } | undefined {
  const exam = getExam(examId);
  if (!exam) return undefined;
  const checked = blueprintFromExam(exam);
  if (!checked.ok) throw new AppError(checked.reason, `exam guide ${examId}: ${checked.message}`);
  return { exam, blueprint: checked.value };
}

export function listBlueprints(): Array<{ exam: Exam; blueprint: Blueprint }> {
  return listExams().flatMap((e) => {
    const found = getBlueprint(e.id);
    return found ? [found] : [];
  });
}

/** Every question of the bank as a candidate, with when this learner last saw it. */
export async function getCandidatePool(userId: string): Promise<CandidateQuestion[]> {
  return buildCandidatePool(
    listQuestions(),
    await listQuestionLastSeen(userId),
    listBlueprints().map((b) => b.blueprint),
  );
}

/** How many options a question asks for. */
export function requiredOptions(question: Pick<PublicQuestion, "response">): number {
  return question.response.type === "multiple" ? question.response.choose : 1;
}

export function requiredOptionsOf(questionId: string): number {
  const q = getQuestion(questionId);
  return q ? requiredOptions(q) : 1;
}

/** Traps that have questions for an exam, for the focused form. */
export function listExamTraps(examId: string): Array<{ id: string; title: string; questions: number }> {
  const ids = new Set(listQuestions({ exam: examId }).flatMap((q) => q.traps));
  return listTraps()
    .filter((t) => ids.has(t.id))
    .map((t) => ({ id: t.id, title: t.title, questions: listQuestions({ exam: examId, trap: t.id }).length }));
}
