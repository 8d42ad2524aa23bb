// Attempts live under /exams; this address only forwards there.
import { redirect } from "next/navigation";

export default function AttemptsIndex() {
  redirect("/exams");
}
