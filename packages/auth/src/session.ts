import { Locale, Role } from "@lodestone/domain/enums";
import { z } from "zod";

/**
 * Who is calling, as both apps see it. The web gets it from next-auth; the API resolves it from
 * the same database session (the sign-in issue fills this in).
 */
export const SessionUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.email(),
  role: Role,
  delegation: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  locale: Locale,
  timeZone: z.string(),
});
export type SessionUser = z.infer<typeof SessionUser>;
