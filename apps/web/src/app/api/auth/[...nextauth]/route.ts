import NextAuth from "next-auth/next";
import { authOptions } from "@/features/auth/auth-options";
import { withSignInRefusals } from "@/features/auth/sign-in-refusal";

// Sign-in, sign-out, the magic-link callback and single sign-on (next-auth v4, database sessions
// stored through the API).
export const dynamic = "force-dynamic";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// A sign-in mail the API refused for the client's address comes back saying how long to wait.
const handler: Handler = (request, context) =>
  withSignInRefusals(() => (NextAuth(authOptions()) as unknown as Handler)(request, context));

export { handler as GET, handler as POST };
