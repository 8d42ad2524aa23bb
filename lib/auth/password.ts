// Password hashing with bcrypt (bcryptjs: pure JavaScript, no native build). Cost 11
// takes about 0.15 s here: slow for guessing, quick enough for a sign-in.
import bcrypt from "bcryptjs";

const COST = 11;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

// A real bcrypt hash (of an unrelated string): comparing against it when the email is unknown keeps
// the response time the same as for a wrong password, so emails cannot be probed by timing.
const DUMMY_HASH = "$2b$11$UcRHqnl9nIFp0uO7noCLVOP1JJhKy5rVJvrW/GXGlnmLBqJo7S/Ma";

export async function verifyPassword(plain: string, hash: string | null): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(plain, DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(plain, hash);
}
