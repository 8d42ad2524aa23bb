"use client";
// Wraps one question; "Next question" asks the server for the next one in the set.
import { useRouter } from "next/navigation";
import { QuestionPlayer, type PlayerQuestion } from "@/app/_components/question/question-player";

export function PracticeRunner({ question, source, position }: { question: PlayerQuestion; source: "practice" | "drill"; position?: string }) {
  const router = useRouter();
  return <QuestionPlayer question={question} source={source} position={position} onContinue={() => router.refresh()} />;
}
