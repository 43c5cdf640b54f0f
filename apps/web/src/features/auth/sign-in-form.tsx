"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { EmailAddress } from "@lodestone/domain/email";
import { Field, describedBy } from "@/features/ui/field";
import { Spinner } from "@/features/ui/spinner";
import { inputClass, primaryButton, secondaryButton } from "@/features/ui/styles";
import { signInErrorKey } from "./sign-in-errors";

export interface SignInFormProps {
  /** Where to go after following the link (a path on this site). */
  callbackUrl: string;
  /** Single sign-on, when configured: its button label (null: the generic one). */
  oidc: { name: string | null } | null;
  /** next-auth's `?error=` code, if any. */
  errorCode?: string | null;
  /** With `RateLimited`: how many seconds to wait, as the API said. */
  retryAfterSeconds?: number | null;
  /** Shown after signing out: "1" (this device) or "everywhere". */
  signedOut?: string | null;
}

export function SignInForm({ callbackUrl, oidc, errorCode, retryAfterSeconds, signedOut }: SignInFormProps) {
  const t = useTranslations("signIn");
  const tErrors = useTranslations("signIn.errors");
  const id = useId();
  const emailId = `${id}-email`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [pending, setPending] = useState<"email" | "oidc" | null>(null);
  const [failed, setFailed] = useState(false);
  const errorKey = signInErrorKey(errorCode);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const address = email.trim();
    if (!EmailAddress.safeParse(address).success) {
      setInvalid(true);
      inputRef.current?.focus();
      return;
    }
    setInvalid(false);
    setFailed(false);
    setPending("email");
    try {
      // On success next-auth takes the browser to /sign-in/check-email (the same for every address).
      await signIn("email", { email: address, callbackUrl });
    } catch {
      setFailed(true);
      setPending(null);
    }
  }

  async function signInWithOidc() {
    if (pending) return;
    setFailed(false);
    setPending("oidc");
    try {
      await signIn("oidc", { callbackUrl });
    } catch {
      setFailed(true);
      setPending(null);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      {signedOut ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-4 text-green-950">
          {signedOut === "everywhere" ? t("signedOutEverywhere") : t("signedOut")}
        </p>
      ) : null}
      {errorKey ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
          <p className="font-semibold">{t("errorTitle")}</p>
          <p className="mt-1">
            {errorKey === "rateLimited"
              ? tErrors("rateLimited", { minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 900) / 60)) })
              : tErrors(errorKey)}
          </p>
        </div>
      ) : null}
      {failed ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
          {tErrors("network")}
        </p>
      ) : null}

      <form noValidate onSubmit={submit} className="flex flex-col gap-4" aria-label={t("formLabel")}>
        <Field
          id={emailId}
          label={t("email")}
          hint={t("emailHint")}
          error={invalid ? t("emailInvalid") : null}
        >
          <input
            ref={inputRef}
            id={emailId}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              if (invalid) setInvalid(false);
            }}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy(emailId, { hint: true, error: invalid })}
            className={inputClass}
          />
        </Field>
        <button
          type="submit"
          aria-disabled={pending !== null || undefined}
          className={`${primaryButton} w-full`}
        >
          {pending === "email" ? <Spinner tone="light" /> : null}
          {pending === "email" ? t("sending") : t("submit")}
        </button>
      </form>

      {oidc ? (
        <div className="flex flex-col gap-4">
          <p className="flex items-center gap-3 text-sm text-slate-600">
            <span aria-hidden="true" className="h-px flex-1 bg-slate-300" />
            {t("or")}
            <span aria-hidden="true" className="h-px flex-1 bg-slate-300" />
          </p>
          <button
            type="button"
            onClick={() => void signInWithOidc()}
            aria-disabled={pending !== null || undefined}
            className={`${secondaryButton} w-full`}
          >
            {pending === "oidc" ? <Spinner /> : null}
            {oidc.name ? t("oidcNamed", { name: oidc.name }) : t("oidc")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
