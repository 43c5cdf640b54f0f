import { z } from "zod";
import { EmailAddress } from "./email.js";
import { BoundedDate } from "./time-range.js";

// Commands of the sign-in plumbing: what next-auth's adapter in the web sends to the API.

const token = z.string().min(16).max(512);
const email = EmailAddress;
const instant = BoundedDate;

export const UserIdCommand = z.object({ userId: z.uuid() }).strict();
export const EmailCommand = z.object({ email }).strict();
export const AccountKeyCommand = z
  .object({ provider: z.string().min(1).max(64), providerAccountId: z.string().min(1).max(255) })
  .strict();
export const MarkEmailVerifiedCommand = z.object({ userId: z.uuid(), emailVerified: instant }).strict();
export const CreateSessionCommand = z
  .object({ sessionToken: token, userId: z.uuid(), expires: instant })
  .strict();
export const SessionTokenCommand = z.object({ sessionToken: token }).strict();
export const UpdateSessionCommand = z
  .object({ sessionToken: token, expires: instant.optional(), userId: z.uuid().optional() })
  .strict();
export const VerificationTokenCommand = z.object({ identifier: email, token, expires: instant }).strict();
export const UseVerificationTokenCommand = z.object({ identifier: email, token }).strict();

/** The web asks the API to mail a sign-in link; unknown addresses get the same answer and no mail. */
export const SendSignInLinkCommand = z
  .object({
    email,
    url: z.url().max(2048),
    locale: z.enum(["en", "ja"]).default("en"),
    /** The address the sign-in request came from, when the web server knows it (behind a proxy). */
    clientIp: z.union([z.ipv4(), z.ipv6()]).nullish(),
  })
  .strict();

export const OutboxPageInput = z
  .object({ cursor: z.uuid().optional(), limit: z.number().int().min(1).max(50).default(20) })
  .strict();
