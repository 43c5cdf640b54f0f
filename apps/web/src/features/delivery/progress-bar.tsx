/**
 * A progress bar with its value as text beside it; `label` names it for assistive technology
 * (e.g. "Progress of Civil works").
 */
export function ProgressBar({
  value,
  label,
  large = false,
}: {
  value: number;
  label: string;
  large?: boolean;
}) {
  const clamped = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        aria-valuetext={`${clamped}%`}
        className={`w-full overflow-hidden rounded-full bg-slate-200 ring-1 ring-inset ring-slate-400 ${large ? "h-4" : "h-2.5"}`}
      >
        <div className="h-full rounded-full bg-blue-800" style={{ width: `${clamped}%` }} />
      </div>
      <span
        aria-hidden="true"
        className={`w-12 shrink-0 text-right tabular-nums text-slate-800 ${large ? "text-lg font-semibold" : "text-sm"}`}
      >
        {clamped}%
      </span>
    </div>
  );
}
