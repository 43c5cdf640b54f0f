import { notFound } from "next/navigation";
import { requireUser } from "@/features/auth/session";

/** Any other address: signed-out visitors are sent to sign in; signed-in people get "not found". */
export default async function UnknownPage(): Promise<never> {
  await requireUser();
  notFound();
}
