import Link from "next/link";
import { useTranslations } from "next-intl";
import { linkClass } from "@/features/ui/styles";
import { GateStateBadge } from "./gate-badge";
import type { CurrentGate } from "./types";

/**
 * Where a project stands in its stage gates, in one line: the current gate, its state and the days
 * in it (the project's header, the project list); `href` links the gate's name to the gates page.
 */
export function CurrentGateLine({
  gate,
  href,
  compact = false,
}: {
  gate: CurrentGate;
  href?: string;
  compact?: boolean;
}) {
  const t = useTranslations("gates.current");
  const tKind = useTranslations("enums.gateKind");
  const tGates = useTranslations("gates");
  const kind = tKind(gate.kind);
  return (
    <span data-current-gate={gate.kind} className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className={compact ? "text-slate-900" : "font-semibold text-slate-900"}>
        {compact ? null : <span>{tGates("labelled", { label: t("label") })}</span>}
        {href ? (
          <Link href={href} className={linkClass}>
            {kind}
          </Link>
        ) : (
          kind
        )}
      </span>
      <GateStateBadge state={gate.state} />
      <span className="text-slate-700">{t("days", { days: gate.days })}</span>
    </span>
  );
}
