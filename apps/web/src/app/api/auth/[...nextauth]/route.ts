import NextAuth from "next-auth/next";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { env } from "@/env";
import { authOptions } from "@/features/auth/auth-options";
import {
  CALLBACK_URL_COOKIES,
  usableCallbackUrl,
  withoutUnusableCallbackParam,
} from "@/features/auth/callback-url";
import { withSignInRefusals } from "@/features/auth/sign-in-refusal";

// Sign-in, sign-out, the magic-link callback and single sign-on (next-auth v4, database sessions
// stored through the API).
export const dynamic = "force-dynamic";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  // A callback URL next-auth cannot use (from the query string or its cookie) is dropped here, not
  // answered with next-auth's 500: the cookie is deleted (next-auth reads the request's cookies
  // through next/headers, which sees the deletion), the parameter left out.
  const jar = await cookies();
  for (const name of CALLBACK_URL_COOKIES) {
    const value = jar.get(name)?.value;
    if (value && !usableCallbackUrl(value, env.NEXTAUTH_URL)) jar.delete(name);
  }
  const clean = withoutUnusableCallbackParam(new URL(request.url), env.NEXTAUTH_URL);
  const forNextAuth = clean ? new NextRequest(clean, request) : request;
  // A sign-in mail the API refused for the client's address comes back saying how long to wait.
  return withSignInRefusals(() => (NextAuth(authOptions()) as unknown as Handler)(forNextAuth, context));
}

export { handler as GET, handler as POST };
