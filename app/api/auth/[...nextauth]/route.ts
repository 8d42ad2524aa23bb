import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

// Built per request so that environment-dependent providers (GitHub) follow the env.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions())(req, { params: await ctx.params });
}

export { handler as GET, handler as POST };
