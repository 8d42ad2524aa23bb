// Who is signed in. `requireUser()` guards every page and server action that reads or
// writes a learner's data: it redirects a visitor to sign-in, and it checks the user
// still exists (a JWT can outlive its user, e.g. after a database reset).
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getUserById } from "@/lib/db/users";
import { getAuthOptions } from "./options";

export type CurrentUser = { id: string; email: string; name: string | null };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await getUserById(id);
  return user ? { id: user.id, email: user.email, name: user.name } : null;
}

/** The signed-in user, or a redirect to /login that comes back to `returnTo` afterwards. */
export async function requireUser(returnTo = "/dashboard"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
