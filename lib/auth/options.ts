// next-auth configuration: email + password (bcrypt) with JWT sessions, so app servers
// keep no session state and can scale horizontally over one PostgreSQL. GitHub OAuth is
// switched on only when GITHUB_ID and GITHUB_SECRET are set.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { upsertOAuthUser } from "@/lib/db/users";
import { authenticate } from "./credentials";

/** The client address as reported by the proxy in front of the app (first hop), else "local". */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "local";
}

export function getAuthOptions(): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const res = await authenticate(raw, clientAddress(req?.headers as Record<string, unknown> | undefined), new Date());
        // next-auth passes a thrown message to the sign-in form as `error`.
        if (!res.ok) throw new Error(res.message);
        return res.user;
      },
    }),
  ];
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET }));
  }
  return {
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers,
    callbacks: {
      async jwt({ token, user, account, profile }) {
        if (account && account.provider !== "credentials") {
          const email = (profile as { email?: string } | undefined)?.email ?? user?.email;
          if (!email) throw new Error("Your GitHub account has no public email address; add one or sign up with email.");
          const u = await upsertOAuthUser({
            email,
            name: user?.name ?? null,
            image: user?.image ?? null,
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            type: account.type,
          });
          token.sub = u.id;
          token.email = u.email;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
