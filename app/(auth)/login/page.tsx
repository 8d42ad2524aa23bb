import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { isGithubEnabled } from "@/lib/env";
import { GitHubButton } from "./github-button";
import { safeReturnPath } from "@/app/_components/field";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeReturnPath(sp.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-1 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-300">
        Your reviews, exam attempts and progress are kept with your account.
      </p>
      {sp.signedOut ? (
        <p role="status" className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
          You are signed out.
        </p>
      ) : null}
      {sp.callbackUrl && !sp.signedOut ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-900/30 dark:text-amber-100">
          Sign in to see that page.
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
      {isGithubEnabled() ? (
        <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-700">
          <GitHubButton callbackUrl={callbackUrl} />
        </div>
      ) : null}
      <p className="mt-6 text-sm">
        New here?{" "}
        <Link href="/signup" className="font-medium text-amber-700 underline dark:text-amber-400">
          Create an account
        </Link>
      </p>
    </div>
  );
}
