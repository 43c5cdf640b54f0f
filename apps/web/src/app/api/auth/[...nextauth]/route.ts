import NextAuth from "next-auth/next";
import { authOptions } from "@/features/auth/auth-options";
import { withClientIp } from "@/features/auth/client-ip";

// Sign-in, sign-out, the magic-link callback and single sign-on (next-auth v4, database sessions
// stored through the API).
export const dynamic = "force-dynamic";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// The client's address stays known while next-auth handles the request (for the sign-in mail limit).
const handler: Handler = (request, context) =>
  withClientIp(request.headers, () => (NextAuth(authOptions()) as unknown as Handler)(request, context));

export { handler as GET, handler as POST };
