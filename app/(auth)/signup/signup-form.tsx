"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/app/_components/field";
import { signUpAction, type SignUpResult } from "../actions";

type Errors = Extract<SignUpResult, { ok: false }>["fieldErrors"];

export function SignUpForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = {
      name: String(form.get("name") ?? "") || undefined,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setPending(true);
    setMessage(null);
    const res = await signUpAction(input);
    if (!res.ok) {
      setErrors(res.fieldErrors);
      setMessage(res.message);
      setPending(false);
      return;
    }
    setErrors({});
    const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (!signedIn || signedIn.error) {
      setPending(false);
      setMessage("Your account was created, but signing in failed. Please sign in.");
      return;
    }
    router.push("/dashboard");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field id="name" name="name" label="Name (optional)" autoComplete="name" error={errors.name} />
      <Field id="email" name="email" label="Email" type="email" autoComplete="email" required error={errors.email} />
      <Field
        id="password"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        error={errors.password}
      />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700 dark:text-red-400">
        {message}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-amber-500 px-4 py-2 font-semibold text-slate-950 hover:bg-amber-400 disabled:opacity-60"
      >
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
