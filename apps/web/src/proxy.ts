import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { PATH_HEADER } from "@/features/auth/paths";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/features/security/headers";

/**
 * Every page: a Content-Security-Policy with a fresh nonce (Next.js reads it from the request
 * header and puts it on its scripts) and the other security headers; and tells server components
 * which address is being rendered, so a signed-out visitor can be sent back to it after signing
 * in. (Sessions are checked in the pages themselves: database sessions cannot be verified here.)
 */
export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce(), { development: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders({ deployed: env.deployed }))) {
    response.headers.set(name, value);
  }
  return response;
}

// Not `/files/*`: the data room's uploads and downloads stream through their route handler with
// the API's own headers (a preview's sandboxing policy), and are never read here first.
export const config = {
  matcher: ["/((?!_next/|api/|trpc/|files/|favicon\\.ico|icon\\.svg).*)"],
};
