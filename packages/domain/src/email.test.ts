import { describe, expect, it } from "vitest";
import { EMAIL_MAX_LENGTH, EmailAddress } from "./email.js";
import { EmailCommand } from "./auth-adapter.js";
import { InviteUserInput } from "./user.js";

describe("an email address", () => {
  it("is trimmed and lower-cased", () => {
    expect(EmailAddress.parse("  Margaret.Ellison@State.GOV ")).toBe("margaret.ellison@state.gov");
  });

  it("refuses a space inside, no @, and more than 254 characters, with a message a person understands", () => {
    // 64 + 1 + 3 × 50 + 3 + 31 + 5 = 254 characters, every label within DNS's 63.
    const long = `${"a".repeat(64)}@${"b".repeat(50)}.${"c".repeat(50)}.${"d".repeat(50)}.${"e".repeat(31)}.test`;
    expect(long.length).toBe(EMAIL_MAX_LENGTH);
    expect(EmailAddress.safeParse(long).success).toBe(true);
    for (const bad of [
      "a b@example.org",
      "nobody",
      `${"a".repeat(64)}@${"b".repeat(50)}.${"c".repeat(50)}.${"d".repeat(50)}.${"e".repeat(32)}.test`,
      "",
    ]) {
      const r = EmailAddress.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/email address/);
    }
  });

  it("is the same rule for invitations and the sign-in plumbing", () => {
    expect(EmailCommand.safeParse({ email: "a b@example.org" }).success).toBe(false);
    expect(InviteUserInput.safeParse({ name: "A", email: "a b@example.org", role: "DELEGATE" }).success).toBe(
      false,
    );
    expect(EmailCommand.parse({ email: " A@Example.org" }).email).toBe("a@example.org");
  });
});
