"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import type { TimeZoneGroup } from "@/features/i18n/time-zones";
import { Dialog } from "@/features/ui/dialog";
import { useTRPC } from "@/trpc/react";
import { InviteUserForm } from "./invite-user-form";
import type { AffiliationOptions } from "./use-affiliation-options";
import type { Notice } from "./user-notice";

/** Invite a user: create them, then mail them an ordinary sign-in link. */
export function InviteUserDialog({
  open,
  options,
  timeZones,
  onClose,
  onInvited,
}: {
  open: boolean;
  options: AffiliationOptions;
  timeZones: TimeZoneGroup[];
  onClose: () => void;
  /** After the user exists (whether or not the mail went out). */
  onInvited: (notice: Notice) => void;
}) {
  const t = useTranslations("admin.users");
  const trpc = useTRPC();
  const invite = useMutation(trpc.user.invite.mutationOptions());

  async function inviteUser(command: Parameters<typeof invite.mutateAsync>[0]) {
    const created = await invite.mutateAsync(command);
    // The invitation is an ordinary sign-in link, mailed by next-auth through the API.
    const mailed = await signIn("email", {
      email: created.email,
      redirect: false,
      callbackUrl: "/projects",
    }).then(
      (result) => Boolean(result?.ok && !result.error),
      () => false,
    );
    onInvited(
      mailed
        ? { tone: "success", text: t("invite.done", { name: created.name, email: created.email }) }
        : { tone: "warning", text: t("invite.notMailed", { name: created.name, email: created.email }) },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("invite.title")}
      description={t("invite.description")}
      size="lg"
    >
      <InviteUserForm
        delegations={options.delegations}
        organisations={options.organisations}
        optionsPending={options.pending}
        timeZones={timeZones}
        onInvite={inviteUser}
        onCancel={onClose}
      />
    </Dialog>
  );
}
