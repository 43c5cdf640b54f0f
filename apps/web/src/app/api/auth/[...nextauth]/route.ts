import NextAuth from "next-auth/next";
import { authOptions } from "@/features/auth/auth-options";

// Sign-in, sign-out, the magic-link callback and single sign-on (next-auth v4, database sessions
// stored through the API).
export const dynamic = "force-dynamic";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

const handler: Handler = (request, context) => (NextAuth(authOptions()) as unknown as Handler)(request, context);

export { handler as GET, handler as POST };
