"use client";
// The self-check at the end of a note: its questions one after another.
import { useState } from "react";
import { QuestionPlayer, type PlayerQuestion } from "@/app/_components/question/question-player";

export function SelfCheck({ questions }: { questions: PlayerQuestion[] }) {
  const [index, setIndex] = useState(0);
  const q = questions[index];
  if (!q) return null;
  const last = index === questions.length - 1;
  return (
    <div>
      <div className="mb-2 flex items-center gap-3 text-sm">
        <span>
          Question {index + 1} of {questions.length}
        </span>
        <progress className="h-2 flex-1 accent-amber-500" max={questions.length} value={index} aria-label={`Self-check question ${index + 1} of ${questions.length}`} />
      </div>
      <QuestionPlayer
        key={`${q.id}:${q.variant}`}
        question={q}
        source="self-check"
        position={`${index + 1} / ${questions.length}`}
        continueLabel={last ? "Done" : "Next question"}
        onContinue={last ? undefined : () => setIndex((i) => i + 1)}
      />
    </div>
  );
}
