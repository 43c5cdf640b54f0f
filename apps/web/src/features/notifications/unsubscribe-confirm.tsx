"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { toApiProblem } from "@/features/forms/api-problem";
import { Spinner } from "@/features/ui/spinner";
import { linkClass, primaryButton } from "@/features/ui/styles";
import { useTRPC } from "@/trpc/react";
import type { UnsubscribeScopeView } from "./types";
import { UnsubscribeScope } from "./unsubscribe-scope";

/**
 * What the link turns off, and the button that does it (only a person's click unsubscribes: a GET
 * of the page changes nothing). Afterwards, what was turned off and where to change more.
 */
export function UnsubscribeConfirm({ token, scope }: { token: string; scope: UnsubscribeScopeView }) {
  const t = useTranslations("notifications.unsubscribe");
  const trpc = useTRPC();
  const unsubscribe = useMutation(trpc.notifications.unsubscribe.mutationOptions());
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (unsubscribe.isSuccess) done.current?.focus();
  }, [unsubscribe.isSuccess]);

  if (unsubscribe.isSuccess) {
    return (
      <div
        ref={done}
        tabIndex={-1}
        role="status"
        className="flex max-w-2xl flex-col gap-3 rounded-lg border border-green-700 bg-green-50 p-5 text-green-950"
      >
        <p className="font-semibold">{t("done")}</p>
        <p data-testid="unsubscribed">
          <UnsubscribeScope scope={unsubscribe.data} />
        </p>
        <p>
          <Link href="/profile#notifications" className={linkClass}>
            {t("preferences")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="flex max-w-2xl flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
      <p className="font-semibold text-slate-900">{t("willTurnOff")}</p>
      <p className="text-lg text-slate-900" data-testid="unsubscribe-scope">
        <UnsubscribeScope scope={scope} />
      </p>
      <p className="text-slate-700">{t(`note.${scope.kind}`)}</p>
      {unsubscribe.isError ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
          <p className="font-semibold">{t("failed")}</p>
          <p className="mt-1 text-sm">
            {t("problemDetails", { message: toApiProblem(unsubscribe.error).message })}
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          className={primaryButton}
          aria-disabled={unsubscribe.isPending || undefined}
          onClick={() => {
            if (!unsubscribe.isPending) unsubscribe.mutate({ token });
          }}
        >
          {unsubscribe.isPending ? <Spinner tone="light" /> : null}
          {unsubscribe.isPending ? t("confirming") : t("confirm")}
        </button>
        <Link href="/profile#notifications" className={linkClass}>
          {t("preferences")}
        </Link>
      </div>
    </div>
  );
}
