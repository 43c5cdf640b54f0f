import type { Role } from "@lodestone/domain/enums";
import type { Session } from "next-auth";
import { getServerSession } from "next-auth/next";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./auth-options";
import { PATH_HEADER, signInPath } from "./paths";

/**
 * The signed-in session of this request, or null. Resolved once per request through the API
 * (database sessions): a revoked session or a deactivated user is null at once.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  return getServerSession(authOptions());
});

/** The address of the page being rendered (set by src/proxy.ts), for coming back after sign-in. */
async function currentPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/projects";
}

/** The signed-in user; signed-out visitors are sent to the sign-in page (and back afterwards). */
export async function requireUser(): Promise<Session["user"]> {
  const session = await getSession();
  if (!session) redirect(signInPath(await currentPath()));
  return session.user;
}

/** The signed-in user if they hold one of `roles`; others get the 403 page. */
export async function requireRole(...roles: [Role, ...Role[]]): Promise<Session["user"]> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
