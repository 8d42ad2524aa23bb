// What the exam pages send to the browser, and the results of the exam actions. Types only, so
// client components can import them. During an attempt the browser gets public question data
// and nothing else: no question id, variant id, topic, trap or source file (ids and variant
// names can hint at the answer), no key, no explanation. Questions are addressed by their
// position in the attempt; the server maps a position to its question.
import type { PolicyFixture, RequestFixture } from "@/lib/content/model";

export type Confidence = "sure" | "unsure" | "guess";

export type StemPart = { kind: "html"; html: string } | { kind: "policy"; fixture: PolicyFixture } | { kind: "request"; fixture: RequestFixture };

export interface ExamQuestionView {
  /** 0-based position in the attempt. */
  position: number;
  /** How many options to choose: 1 for multiple choice. */
  choose: number;
  multiple: boolean;
  stem: StemPart[];
  options: Array<{ id: string; html: string }>;
}

export interface PlayerAnswer {
  selected: string[];
  flagged: boolean;
  confidence: Confidence | null;
}

export interface PlayerSnapshot {
  attemptId: string;
  examId: string;
  examTitle: string;
  /** "Full exam" or "Focused exam". */
  formLabel: string;
  full: boolean;
  /** ISO instant; the server's. */
  deadline: string;
  /** Milliseconds left when the page was rendered, measured by the server. */
  remainingMs: number;
  minutesAllowed: number;
  questions: ExamQuestionView[];
  answers: PlayerAnswer[];
  /** The question to show first (0-based). */
  startAt: number;
}

export type SaveAnswerResult =
  | { ok: true; remainingMs: number; answer: PlayerAnswer }
  | { ok: false; reason: "ATTEMPT_EXPIRED" | "ATTEMPT_SUBMITTED"; message: string; resultUrl: string }
  | { ok: false; reason: "INVALID" | "NOT_FOUND" | "BAD_SELECTION"; message: string };

export type SubmitResult =
  | { ok: true; status: "submitted" | "expired"; resultUrl: string }
  | { ok: false; reason: "RUNNING"; message: string; remainingMs: number }
  | { ok: false; reason: "INVALID" | "NOT_FOUND"; message: string };

export type StartResult = { ok: false; reason: string; message: string; resumeUrl?: string } | { ok: true; attemptUrl: string };
