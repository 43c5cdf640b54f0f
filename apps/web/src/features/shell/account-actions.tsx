"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { ConfirmDialog } from "@/features/ui/confirm-dialog";
import { useTRPC } from "@/trpc/react";

/**
 * next-auth's client script is fetched only when someone signs out: no page needs it to show, so
 * it stays out of every page's first load.
 */
async function signOut(options: { callbackUrl: string }): Promise<void> {
  const nextAuth = await import("next-auth/react");
  await nextAuth.signOut(options);
}

const actionClass =
  "inline-flex items-center rounded px-2 py-1 text-sm font-medium text-slate-100 underline-offset-4 hover:bg-slate-800 hover:underline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-300 aria-disabled:cursor-progress aria-disabled:opacity-80";

/** "Sign out" and "Sign out of all devices" (which asks first), as items of the account menu. */
export function AccountActions() {
  const t = useTranslations("shell.account");
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const everywhere = useMutation(
    trpc.auth.signOutEverywhere.mutationOptions({
      onSuccess: () => signOut({ callbackUrl: "/sign-in?signedOut=everywhere" }),
    }),
  );
  const busy = everywhere.isPending || everywhere.isSuccess;

  return (
    <>
      <li>
        <button
          type="button"
          className={actionClass}
          aria-disabled={signingOut || undefined}
          onClick={() => {
            if (signingOut) return;
            setSigningOut(true);
            void signOut({ callbackUrl: "/sign-in?signedOut=1" }).catch(() => setSigningOut(false));
          }}
        >
          {signingOut ? t("signingOut") : t("signOut")}
        </button>
      </li>
      <li>
        <button type="button" className={actionClass} onClick={() => setConfirming(true)}>
          {t("signOutEverywhere")}
        </button>
        <ConfirmDialog
          open={confirming}
          title={t("confirmEverywhere.title")}
          confirmLabel={t("confirmEverywhere.confirm")}
          busyLabel={t("signingOut")}
          tone="danger"
          busy={busy}
          error={
            everywhere.isError
              ? t("confirmEverywhere.failed", { message: toApiProblem(everywhere.error).message })
              : null
          }
          onConfirm={() => everywhere.mutate()}
          onCancel={() => {
            if (busy) return;
            setConfirming(false);
            everywhere.reset();
          }}
        >
          <p>{t("confirmEverywhere.body")}</p>
        </ConfirmDialog>
      </li>
    </>
  );
}
