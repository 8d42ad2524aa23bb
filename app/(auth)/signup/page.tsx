import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-1 text-2xl font-bold">Create an account</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-300">
        Free. Your spaced-repetition schedule and mock exam history are saved as you go.
      </p>
      <SignUpForm />
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-amber-700 underline dark:text-amber-400">
          Sign in
        </Link>
      </p>
    </div>
  );
}
