"use server";
// Sign-up. Validated with zod; a duplicate email is an expected outcome, returned as data.
import { z } from "zod";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password";
import { createUser } from "@/lib/db/users";

const signUpSchema = z.object({
  name: z.string().trim().max(80, "Keep your name under 80 characters.").optional(),
  email: z.email("Enter a valid email address.").max(254),
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters for your password.`),
});

export type SignUpResult =
  | { ok: true; email: string }
  | { ok: false; reason: "INVALID" | "EMAIL_TAKEN"; fieldErrors: Partial<Record<"name" | "email" | "password", string>>; message: string };

export async function signUpAction(input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"name" | "email" | "password", string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if ((key === "name" || key === "email" || key === "password") && !fieldErrors[key]) fieldErrors[key] = issue.message;
    }
    return { ok: false, reason: "INVALID", fieldErrors, message: "Please correct the highlighted fields." };
  }
  const { email, password, name } = parsed.data;
  const res = await createUser({ email, name: name || null, passwordHash: await hashPassword(password) });
  if (!res.ok) {
    const message = "An account with this email already exists. Sign in instead.";
    return { ok: false, reason: "EMAIL_TAKEN", fieldErrors: { email: message }, message };
  }
  return { ok: true, email: res.user.email };
}
