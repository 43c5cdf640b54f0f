import { z } from "zod";

/** The longest address SMTP carries (RFC 5321's path limit less its angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * An e-mail address as Lodestone stores and compares it: trimmed, lower-case, a valid address of at
 * most 254 characters (no spaces, one @, a dotted domain). The one definition for sign-in,
 * invitations, profiles and the sign-in plumbing.
 */
export const EmailAddress = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email("Enter a valid email address, such as name@example.org.")
      .max(EMAIL_MAX_LENGTH, `An email address has at most ${EMAIL_MAX_LENGTH} characters.`),
  );
