import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { SignInForm } from "./sign-in-form";

const signIn = vi.fn();
vi.mock("next-auth/react", () => ({ signIn: (...args: unknown[]) => signIn(...args) }));

beforeEach(() => {
  signIn.mockReset();
  signIn.mockResolvedValue(undefined);
});

describe("SignInForm", () => {
  it("asks next-auth for a magic link, coming back to the page that was asked for", async () => {
    const user = userEvent.setup();
    renderWithProviders(<SignInForm callbackUrl="/admin/users?q=ab" oidc={null} />);
    await user.type(screen.getByLabelText("Email address"), "  Delegate.US@lodestone.example ");
    await user.click(screen.getByRole("button", { name: "Send me a sign-in link" }));
    expect(signIn).toHaveBeenCalledWith("email", {
      email: "Delegate.US@lodestone.example",
      callbackUrl: "/admin/users?q=ab",
    });
    expect(screen.getByRole("button", { name: "Sending the link…" }).getAttribute("aria-disabled")).toBe(
      "true",
    );
    expect(screen.queryByRole("button", { name: /single sign-on/ })).toBeNull();
  });

  it("refuses an address that is not one, says why next to the field, and keeps what was typed", async () => {
    const user = userEvent.setup();
    renderWithProviders(<SignInForm callbackUrl="/projects" oidc={null} />);
    const input = screen.getByLabelText("Email address");
    await user.type(input, "delegate.us@");
    await user.click(screen.getByRole("button", { name: "Send me a sign-in link" }));
    expect(signIn).not.toHaveBeenCalled();
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect((input as HTMLInputElement).value).toBe("delegate.us@");
    const describedBy = input.getAttribute("aria-describedby")?.split(" ") ?? [];
    const error = screen.getByText("Enter a valid email address, such as name@example.org.");
    expect(describedBy).toContain(error.closest("p")?.id);
    expect(document.activeElement).toBe(input);
  });

  it("speaks Japanese", async () => {
    const user = userEvent.setup();
    renderWithProviders(<SignInForm callbackUrl="/projects" oidc={null} />, { locale: "ja" });
    await user.click(screen.getByRole("button", { name: "サインインリンクを送信" }));
    expect(screen.getByLabelText("メールアドレス").getAttribute("aria-invalid")).toBe("true");
    expect(
      screen.getByText("name@example.org のような有効なメールアドレスを入力してください。"),
    ).toBeTruthy();
  });

  it.each([
    [
      "Verification",
      "This sign-in link has expired or has already been used. Enter your address to get a new one.",
    ],
    [
      "AccessDenied",
      "This account cannot sign in to Lodestone. If you think it should, ask a Lodestone administrator.",
    ],
    ["EmailSignin", "The sign-in link could not be sent. Check the address and try again in a moment."],
    ["SomethingNew", "Signing in did not work. Try again."],
  ])("explains next-auth's %s error", (code, message) => {
    renderWithProviders(<SignInForm callbackUrl="/projects" oidc={null} errorCode={code} />);
    expect(screen.getByRole("alert").textContent).toContain(message);
  });

  it.each([
    ["SsoEmailUnverified", "did not confirm that this email address is yours", "確認していないため"],
    ["SsoAccountDeactivated", "This Lodestone account has been deactivated", "無効化されているため"],
    [
      "SsoOtherIdentityLinked",
      "already linked to a different single sign-on identity",
      "別のシングルサインオン ID にすでに連携されています",
    ],
  ])("explains single sign-on's refusal %s, in English and Japanese", (code, english, japanese) => {
    const en = renderWithProviders(
      <SignInForm callbackUrl="/projects" oidc={{ name: null }} errorCode={code} />,
    );
    expect(screen.getByRole("alert").textContent).toContain(english);
    en.unmount();
    renderWithProviders(<SignInForm callbackUrl="/projects" oidc={{ name: null }} errorCode={code} />, {
      locale: "ja",
    });
    expect(screen.getByRole("alert").textContent).toContain(japanese);
  });

  it("explains an expired link in Japanese", () => {
    renderWithProviders(<SignInForm callbackUrl="/projects" oidc={null} errorCode="Verification" />, {
      locale: "ja",
    });
    expect(screen.getByRole("alert").textContent).toContain("有効期限が切れているか、すでに使用されています");
  });

  it("says the real wait when too many links were asked for from the person's network, in both languages", () => {
    const { unmount } = renderWithProviders(
      <SignInForm callbackUrl="/projects" oidc={null} errorCode="RateLimited" retryAfterSeconds={421} />,
    );
    expect(screen.getByRole("alert").textContent).toContain("Try again in 8 minutes.");
    unmount();
    renderWithProviders(
      <SignInForm callbackUrl="/projects" oidc={null} errorCode="RateLimited" retryAfterSeconds={50} />,
      { locale: "ja" },
    );
    expect(screen.getByRole("alert").textContent).toContain("1分後にもう一度お試しください");
  });

  it("confirms a sign-out", () => {
    renderWithProviders(<SignInForm callbackUrl="/projects" oidc={null} signedOut="everywhere" />);
    expect(screen.getByRole("status").textContent).toBe("You have been signed out on all your devices.");
  });

  it("offers single sign-on when it is configured", async () => {
    const user = userEvent.setup();
    renderWithProviders(<SignInForm callbackUrl="/profile" oidc={{ name: "GovID" }} />);
    await user.click(screen.getByRole("button", { name: "Sign in with GovID" }));
    expect(signIn).toHaveBeenCalledWith("oidc", { callbackUrl: "/profile" });
  });

  it("says so when the link could not be requested, and lets the person try again", async () => {
    signIn.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const user = userEvent.setup();
    renderWithProviders(<SignInForm callbackUrl="/projects" oidc={null} />);
    await user.type(screen.getByLabelText("Email address"), "admin@lodestone.example");
    await user.click(screen.getByRole("button", { name: "Send me a sign-in link" }));
    expect((await screen.findByRole("alert")).textContent).toContain("could not be requested");
    expect(screen.getByRole("button", { name: "Send me a sign-in link" }).hasAttribute("aria-disabled")).toBe(
      false,
    );
    expect((screen.getByLabelText("Email address") as HTMLInputElement).value).toBe(
      "admin@lodestone.example",
    );
  });
});
