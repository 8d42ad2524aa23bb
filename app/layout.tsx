import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";
import { getCurrentUser } from "@/lib/auth/session";
import { NavLinks } from "./_components/nav-links";
import { SignOutButton } from "./_components/sign-out-button";
import { ThemeProvider } from "./_components/theme-provider";
import { ThemeToggle } from "./_components/theme-toggle";

export const metadata: Metadata = {
  title: { default: "IAM Exam Lab", template: "%s · IAM Exam Lab" },
  description:
    "Prepare for AWS DVA-C02 and SAA-C03 on IAM: scenario questions graded by a real IAM policy evaluator, spaced repetition and timed mock exams.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172a" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased dark:bg-slate-900 dark:text-slate-100">
        <ThemeProvider>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-amber-400 focus:px-3 focus:py-2 focus:text-slate-950"
          >
            Skip to content
          </a>
          <header className="border-b border-slate-200 dark:border-slate-700">
            <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3">
              <Link href="/" className="mr-2 text-lg font-bold tracking-tight">
                IAM Exam Lab
              </Link>
              <nav aria-label="Main" className="hidden flex-1 lg:block">
                <NavLinks />
              </nav>
              <div className="ml-auto flex items-center gap-2">
                <ThemeToggle />
                {user ? (
                  <>
                    <span className="hidden max-w-48 truncate text-sm text-slate-600 2xl:inline dark:text-slate-300" data-testid="signed-in-as" title={user.email}>
                      {user.email}
                    </span>
                    <Link href="/settings" className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
                      Settings
                    </Link>
                    <SignOutButton />
                  </>
                ) : (
                  <>
                    <Link href="/login" className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
                      Sign in
                    </Link>
                    <Link
                      href="/signup"
                      className="rounded-md bg-amber-500 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-amber-400"
                    >
                      Sign up
                    </Link>
                  </>
                )}
              </div>
            </div>
            <details className="border-t border-slate-200 px-4 py-2 lg:hidden dark:border-slate-700">
              <summary className="cursor-pointer text-sm font-medium">Menu</summary>
              <nav aria-label="Main (mobile)" className="mt-2">
                <NavLinks vertical />
              </nav>
            </details>
          </header>
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
        </ThemeProvider>
      </body>
    </html>
  );
}
