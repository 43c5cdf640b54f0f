import type { ReactNode } from "react";
import { requireUser } from "@/features/auth/session";

/**
 * Everything in this group needs a signed-in user. Each page checks again (layouts are not
 * re-rendered on client-side navigation), and the API checks every call.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return children;
}
