import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/features/auth/paths";

/**
 * Tells server components which address is being rendered, so a signed-out visitor can be sent
 * back to it after signing in. (Sessions are checked in the pages themselves: database sessions
 * cannot be verified here.)
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|trpc/|favicon\\.ico|icon\\.svg).*)"],
};
