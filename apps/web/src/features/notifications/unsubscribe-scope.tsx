import { useLocale, useTranslations } from "next-intl";
import { titleIn } from "@/features/projects/project-title";
import type { UnsubscribeScopeView } from "./types";

/** What an unsubscribe link turns off, in words: one item of a project, one reason, or a digest. */
export function UnsubscribeScope({ scope }: { scope: UnsubscribeScopeView }) {
  const t = useTranslations("notifications");
  const locale = useLocale();
  if (scope.kind === "reason") {
    return <>{t("unsubscribe.what.reason", { reason: t(`reasonName.${scope.reason}`) })}</>;
  }
  if (scope.kind === "channel") return <>{t(`unsubscribe.what.channel.${scope.channel}`)}</>;
  const project = scope.project;
  if (!project) return <>{t("unsubscribe.what.itemGone")}</>;
  const { title, lang } = titleIn(locale, project);
  return (
    <>
      {t.rich(`unsubscribe.what.item.${scope.subject.type}`, {
        project: () => (
          <>
            <span className="font-mono">{project.reference}</span> <span lang={lang}>{title}</span>
          </>
        ),
      })}
    </>
  );
}
